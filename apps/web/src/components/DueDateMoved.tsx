import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The due date a calendar change moved, as recorded on a submission's or recognition's timeline (issue 11). */
export function dueDateMoveOf(detail: unknown): { from: string; to: string; year: number } | null {
  const d = detail as { from?: unknown; to?: unknown; year?: unknown } | null;
  return d && typeof d.from === 'string' && typeof d.to === 'string' && typeof d.year === 'number'
    ? { from: d.from, to: d.to, year: d.year }
    : null;
}

export function DueDateMoved({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  const move = dueDateMoveOf(detail);
  if (!move) return null;
  return (
    <Typography.Text type="secondary" data-testid="timeline-due-moved">
      {t('calendar.dueMoved', move)}
    </Typography.Text>
  );
}
