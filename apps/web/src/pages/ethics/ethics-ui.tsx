import type { AppRouter } from '@ctp/api';
import type { SubmissionState } from '@ctp/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Outputs = inferRouterOutputs<AppRouter>;
export type SubmissionListItem = Outputs['submissions']['list'][number];
export type SubmissionDetail = Outputs['submissions']['get'];
export type SubmissionClock = NonNullable<SubmissionListItem['clock']>;
/** A clock as the tags show it: recognition clocks (no decided-within-limit flag yet) share the cell. */
type ShownClock = Omit<SubmissionClock, 'decidedWithinLimit'> & { decidedWithinLimit?: boolean | null };

/** One colour per submission state (blue: with the office, purple: in review, green: decided, orange: waiting). */
export const SUBMISSION_STATE_COLOURS: Record<SubmissionState, string> = {
  draft: 'default',
  submitted: 'blue',
  screening: 'cyan',
  returned: 'orange',
  accepted: 'geekblue',
  in_review: 'purple',
  info_requested: 'orange',
  scheduled: 'magenta',
  decided: 'green',
  letter_issued: 'success',
  withdrawn: 'default',
};

export function SubmissionStateTag({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUBMISSION_STATE_COLOURS[state]} data-testid="submission-state">
      {t(`ethics.states.${state}`)}
    </Tag>
  );
}

/** Overdue / decided within the limit or not (by working days) / clock stopped / calendar unknown, as tags. */
export function ClockTags({ clock }: { clock: ShownClock }) {
  const { t } = useTranslation();
  return (
    <>
      {clock.isOverdue && (
        <Tag color="red" data-testid="clock-overdue">
          {t('ethics.queue.overdue')}
        </Tag>
      )}
      {clock.decidedWithinLimit != null && (
        <Tag color={clock.decidedWithinLimit ? 'green' : 'volcano'} data-testid="clock-decided">
          {t(clock.decidedWithinLimit ? 'ethics.queue.decidedInTime' : 'ethics.queue.decidedLate')}
        </Tag>
      )}
      {clock.isStopped && (
        <Tag color="orange" data-testid="clock-stopped">
          {t('ethics.queue.clockStopped')}
        </Tag>
      )}
      {clock.calendarUnknown && (
        <Tooltip title={t('ethics.queue.calendarUnknownHelp')}>
          <Tag color="warning" data-testid="clock-calendar-unknown">
            {t('ethics.queue.calendarUnknown')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** Due date with working days used / limit, and the clock's flags. */
export function DueCell({ clock }: { clock: ShownClock | null }) {
  const { t } = useTranslation();
  if (!clock) return <Typography.Text type="secondary">{t('ethics.queue.notAccepted')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} data-testid="submission-due">
      <span>
        <Typography.Text type={clock.isOverdue ? 'danger' : undefined} strong={clock.isOverdue}>
          {clock.dueDate}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" className="ctp-muted-inline">
        {t('ethics.queue.days', { used: clock.usedDays, limit: clock.limitDays })}
      </Typography.Text>
      <span>
        <ClockTags clock={clock} />
      </span>
    </Space>
  );
}
