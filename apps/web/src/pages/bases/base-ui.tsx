import type { BaseStatus } from '@ctp/contracts';

export const STATUS_COLOR: Record<BaseStatus, string> = {
  applied: 'gold',
  recognised: 'blue',
  operating: 'green',
  revoked: 'default',
};
