import type { MilestoneStatus } from '@ctp/contracts';

export const MILESTONE_COLOR: Record<MilestoneStatus, string> = {
  done: 'green',
  late: 'gold',
  overdue: 'red',
  planned: 'default',
};
