import { Space, Typography } from 'antd';
import type { TrialListItem } from './site-ui.tsx';

/** A trial's registration numbers (CTR, NCT, ChiCTR), one a line; shared by the trial list and a trial's header. */
export function RegistryIds({ trial }: { trial: Pick<TrialListItem, 'ctrNo' | 'nctNo' | 'chictrNo'> }) {
  const ids = [trial.ctrNo, trial.nctNo, trial.chictrNo].filter(Boolean);
  if (!ids.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {ids.map((id) => (
        <span key={id} className="ctp-mono">
          {id}
        </span>
      ))}
    </Space>
  );
}
