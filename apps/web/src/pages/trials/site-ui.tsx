import type { AppRouter } from '@ctp/api';
import {
  type ActorRef,
  type AnswerInquiryInput,
  MILESTONE_ORDER,
  mayRecordDelay,
  type SiteState,
  siteSideOf,
} from '@ctp/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { properName } from '../../lib/proper-name.ts';

type Outputs = inferRouterOutputs<AppRouter>;
export type TrialDetail = Outputs['trials']['get'];
export type TrialListItem = Outputs['trials']['list'][number];
export type SiteRow = TrialDetail['sites'][number];
export type InquiryRow = Outputs['inquiries']['list'][number];
export type NextStep = SiteRow['nextStep'];

/** May the actor record why this site's stage is late? The server's own rule (`mayRecordDelay`), over the row. */
export function canRecordDelayOn(actor: ActorRef | null, s: SiteRow): boolean {
  if (!actor) return false;
  return mayRecordDelay(actor, siteSideOf(actor, s.trialAccess, { hospitalOrgId: s.hospitalId }, s.piUserId));
}
/** An inquiry's answer as a discriminated union (the server's type is an `Omit` of the union, which loses it). */
export type InquiryAnswer = AnswerInquiryInput extends infer A
  ? A extends AnswerInquiryInput
    ? Omit<A, 'inquiryId'>
    : never
  : never;
export const answerOf = (r: InquiryRow): InquiryAnswer | null => r.answer as InquiryAnswer | null;

/** One colour per lifecycle state, so a board reads at a glance (blue: asking, green: running, red: stopped). */
export const STATE_COLOURS: Record<SiteState, string> = {
  candidate: 'default',
  inquiry_sent: 'blue',
  interested: 'cyan',
  declined: 'default',
  selected: 'geekblue',
  ethics_submitted: 'purple',
  ethics_approved: 'purple',
  contract_signed: 'gold',
  initiated: 'lime',
  enrolling: 'green',
  enrolment_closed: 'success',
  closed: 'default',
  suspended: 'orange',
  terminated: 'red',
};

export function SiteStateTag({ state }: { state: SiteState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="site-state">
      {t(`trials.states.${state}`)}
    </Tag>
  );
}

/** The next due step, its date and how far off it is; overdue in red. */
export function NextStepCell({ next }: { next: NextStep }) {
  const { t } = useTranslation();
  if (!next) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="next-step">
      <span>
        {t(`trials.steps.${next.step}`)}
        {next.overdue && (
          <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="overdue">
            {t('trials.overdue')}
          </Tag>
        )}
      </span>
      {next.dueDate ? (
        <Typography.Text type={next.overdue ? 'danger' : 'secondary'} className="ctp-muted-inline">
          {t('trials.board.due', { date: next.dueDate })}
          {next.daysLeft !== null &&
            ` · ${next.overdue ? t('trials.daysOverdue', { count: -next.daysLeft }) : t('trials.daysLeft', { count: next.daysLeft })}`}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" className="ctp-muted-inline">
          {t('trials.noDue')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Recorded milestone dates in lifecycle order. */
export function MilestonesCell({ milestones }: { milestones: SiteRow['milestones'] }) {
  const { t } = useTranslation();
  const done = MILESTONE_ORDER.filter((m) => milestones[m]);
  if (!done.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="ctp-milestones" data-testid="milestones">
      {done.map((m) => (
        <div key={m}>
          <Typography.Text type="secondary">{t(`trials.milestones.${m}`)}</Typography.Text> {milestones[m]}
        </div>
      ))}
    </div>
  );
}

export function EnrolmentCell({ site }: { site: Pick<SiteRow, 'enrolment' | 'targetEnrolment'> }) {
  const { enrolled } = site.enrolment;
  const target = site.targetEnrolment;
  return (
    <div style={{ minWidth: 96 }} data-testid="enrolment">
      <span>
        {enrolled} / {target ?? '—'}
      </span>
      {target ? <Progress percent={Math.round((enrolled / target) * 100)} size="small" showInfo={false} /> : null}
    </div>
  );
}

/** A name in the UI language, falling back to Chinese. */
/** A name in the UI language: its English form, else on an English page the Chinese with its pinyin. */
export function pick(en: boolean, zh: string, english: string | null | undefined): string {
  return properName(zh, english, en ? 'en' : 'zh-CN');
}
