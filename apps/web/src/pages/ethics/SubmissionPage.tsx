import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Flex, Result, Row, Statistic, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DueDateMoved } from '../../components/DueDateMoved.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { KeyProjectTag } from '../commission/key-project-tag.tsx';
import { pick } from '../trials/site-ui.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { ClockTags, type SubmissionDetail, SubmissionStateTag } from './ethics-ui.tsx';
import { LetterPanel } from './LetterPanel.tsx';
import { ModificationsPanel, ReviewersPanel } from './ReviewersPanel.tsx';
import { SubmissionStepButtons } from './SubmissionStepButtons.tsx';

function ClockCard({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const c = sub.clock;
  return (
    <Card title={t('ethics.detail.clock')} data-testid="submission-clock" style={{ height: '100%' }}>
      {!c ? (
        <Typography.Text type="secondary">{t('ethics.detail.clockNone')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic
                title={t('ethics.detail.dueDate')}
                value={c.dueDate}
                styles={{ content: c.isOverdue ? { color: '#cf1322' } : undefined }}
              />
            </Col>
            <Col span={8}>
              {/* One string, spaced on both sides of the slash ("0/ 15" had the suffix's margin on one side only). */}
              <Statistic
                title={t('ethics.detail.used')}
                value={`${c.usedDays} / ${c.limitDays}`}
                data-testid="clock-used"
              />
            </Col>
            <Col span={8}>
              <Statistic title={t('ethics.detail.stopped')} value={c.stoppedDays} />
            </Col>
          </Row>
          <span>
            <ClockTags clock={c} />
          </span>
          {sub.stops.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('ethics.detail.stops')}</Typography.Text>
              {sub.stops.map((s) => (
                <div key={`${s.kind}-${s.from}`} className="ctp-muted-inline">
                  {t(`ethics.detail.stopKinds.${s.kind}`)} · {s.from} – {s.to ?? t('ethics.detail.open')}
                </div>
              ))}
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}

function reasonsOf(detail: unknown): string[] {
  const r = (detail as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
}

type ScreenedLine = { item: string; ok: boolean; by?: 'document' | 'secretary' | null };
/** The screening checklist recorded on an accept/return event (形式审查清单; `by` since issue 14). */
function checklistOf(detail: unknown): ScreenedLine[] {
  const c = (detail as { checklist?: unknown } | null)?.checklist;
  return Array.isArray(c)
    ? c.filter((x): x is ScreenedLine => typeof x?.item === 'string' && typeof x?.ok === 'boolean')
    : [];
}

/** What the screening found, truthfully: how many items were met, by an upload or the secretary, and which were not. */
function ChecklistSummary({ checklist }: { checklist: ScreenedLine[] }) {
  const { t, i18n } = useTranslation();
  const met = checklist.filter((c) => c.ok);
  const unmet = checklist.filter((c) => !c.ok);
  const recordedBy = checklist.some((c) => c.by !== undefined);
  return (
    <Typography.Text type="secondary" data-testid="timeline-checklist">
      {t('ethics.detail.checklistMet', { met: met.length, count: checklist.length })}
      {recordedBy &&
        t('ethics.detail.checklistMetBy', {
          docs: met.filter((c) => c.by === 'document').length,
          ticks: met.filter((c) => c.by === 'secretary').length,
        })}
      {unmet.length > 0 &&
        t('ethics.detail.checklistUnmet', {
          items: unmet.map((c) => c.item).join(i18n.language === 'en' ? '; ' : '；'),
        })}
    </Typography.Text>
  );
}

function TimelineCard({ sub }: { sub: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card title={t('ethics.detail.timeline')} data-testid="submission-timeline" style={{ height: '100%' }}>
      {sub.timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ethics.detail.timelineEmpty')} />
      ) : (
        <Timeline
          items={sub.timeline.map((e, i) => {
            const reasons = reasonsOf(e.detail);
            const checklist = checklistOf(e.detail);
            return {
              key: `${e.at}-${i}`,
              color: e.step === 'return' ? 'orange' : e.step === 'decide' ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2} data-testid="timeline-event">
                  <span>
                    <Typography.Text strong>{t(`ethics.steps.${e.step}`, { defaultValue: e.step })}</Typography.Text>
                    {e.toState && <span> → {t(`ethics.states.${e.toState}`, { defaultValue: e.toState })}</span>}
                  </span>
                  {reasons.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('ethics.detail.reasons', { reasons: reasons.join(en ? '; ' : '；') })}
                    </Typography.Text>
                  )}
                  {checklist.length > 0 && <ChecklistSummary checklist={checklist} />}
                  {e.comment && (
                    <Typography.Text type="secondary">
                      <UserText text={e.comment} />
                    </Typography.Text>
                  )}
                  <DueDateMoved detail={e.detail} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {beijingTime(e.at)} ·{' '}
                    {e.byCommittee
                      ? // Outside the committee its acts are its own, never a named member's (issue 12).
                        (en ? sub.committeeNameEn : null) || sub.committeeName
                      : e.actorName
                        ? personName(e.actorName)
                        : e.step === 'due_date_moved'
                          ? t('calendar.system')
                          : '—'}
                    {e.actorRole && ` · ${t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}`}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

function DecisionCard({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('ethics.detail.decision')} data-testid="submission-decision">
      {!sub.outcome ? (
        <Typography.Text type="secondary">{t('ethics.detail.noDecision')}</Typography.Text>
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'outcome',
              label: t('ethics.detail.outcome'),
              children: (
                <Tag color={sub.outcome.startsWith('approved') ? 'green' : 'red'} data-testid="decision-outcome">
                  {t(`ethics.outcomes.${sub.outcome}`)}
                </Tag>
              ),
            },
            { key: 'date', label: t('ethics.detail.decidedDate'), children: sub.decidedDate ?? '—' },
            { key: 'conditions', label: t('ethics.detail.conditions'), children: sub.conditions ?? '—' },
            { key: 'followUp', label: t('ethics.detail.followUp'), children: sub.followUpDate ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}

/** EC-only: expedited views, meeting votes and conflict declarations (the server sends `review` to the EC alone). */
function ReviewCard({ review }: { review: NonNullable<SubmissionDetail['review']> }) {
  const { t } = useTranslation();
  const votes = [...review.expeditedViews, ...review.meetingVotes];
  return (
    <Card title={t('ethics.detail.review')} data-testid="submission-review">
      <Typography.Text strong>
        {t('ethics.detail.expeditedViews')} / {t('ethics.detail.meetingVotes')}
      </Typography.Text>
      {review.isRecused ? (
        // A member recused for this submission gets no individual vote from the server (issue 12).
        <div data-testid="review-recused">
          <Tag color="orange">{t('meetings.meeting.recusedHidden')}</Tag>
          <Typography.Text type="secondary">{t('meetings.meeting.recusedSelfHint')}</Typography.Text>
        </div>
      ) : votes.length === 0 ? (
        <div className="ctp-muted-inline">{t('ethics.detail.none')}</div>
      ) : (
        votes.map((v) => (
          <div key={`${v.memberId}-${v.meetingId ?? 'x'}`}>
            {personName(v.memberName)} — {t(`ethics.choices.${v.choice}`, { defaultValue: v.choice })}
            <Typography.Text type="secondary">
              {' '}
              · {v.meetingId ? t('ethics.meeting') : t('ethics.expedited')} · {beijingTime(v.at)}
            </Typography.Text>
          </div>
        ))
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('ethics.detail.conflicts')}</Typography.Text>
        {review.conflicts.length === 0 ? (
          <div className="ctp-muted-inline">{t('ethics.detail.none')}</div>
        ) : (
          review.conflicts.map((c) => (
            <div key={`${c.memberId}-${c.at}`}>
              {personName(c.memberName)} — {c.reason}
            </div>
          ))
        )}
      </div>
    </Card>
  );
}

export default function SubmissionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const q = useQuery(trpc.submissions.get.queryOptions({ id }));
  const back = (
    <Link to="/ethics">
      <ArrowLeftOutlined /> {t('ethics.detail.back')}
    </Link>
  );
  if (q.isLoading) return <Card loading />;
  if (q.error || !q.data) {
    const err = q.error ? apiError(q.error, t('common.networkError')) : null;
    return (
      <Result
        status={err?.code === 'NOT_FOUND' || !err ? '404' : 'error'}
        title={err?.code === 'NOT_FOUND' || !err ? t('ethics.detail.notFound') : err.message}
        extra={back}
      />
    );
  }
  const s = q.data;
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <span data-testid="submission-title">
            {t(`ethics.types.${s.type}`)} · {pick(en, s.trialTitle, s.trialTitleEn)}
            {s.isKeyProject && (
              <>
                {' '}
                <KeyProjectTag />
              </>
            )}
          </span>
        }
        subtitle={s.title ? <UserText text={s.title} /> : undefined}
        extra={<SubmissionStateTag state={s.state} />}
      />
      <Flex vertical gap={16}>
        <Card data-testid="submission-header">
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={[
              {
                key: 'acceptanceNo',
                label: t('ethics.queue.acceptanceNo'),
                children: s.acceptanceNo ? (
                  <span className="ctp-mono" data-testid="acceptance-no">
                    {s.acceptanceNo}
                  </span>
                ) : (
                  t('ethics.queue.notAccepted')
                ),
              },
              {
                key: 'trial',
                label: t('ethics.queue.trial'),
                children: <Link to={`/trials/${s.trialId}`}>{pick(en, s.trialTitle, s.trialTitleEn)}</Link>,
              },
              { key: 'site', label: t('ethics.queue.site'), children: pick(en, s.hospitalName, s.hospitalNameEn) },
              { key: 'type', label: t('ethics.queue.type'), children: t(`ethics.types.${s.type}`) },
              { key: 'state', label: t('ethics.queue.state'), children: <SubmissionStateTag state={s.state} /> },
              {
                key: 'committee',
                label: t('ethics.detail.committee'),
                children: pick(en, s.committeeName, s.committeeNameEn),
              },
              {
                key: 'risk',
                label: t('ethics.detail.risk'),
                children: s.riskLevel ? t(`ethics.risk.${s.riskLevel}`) : '—',
              },
              {
                key: 'path',
                label: t('ethics.detail.path'),
                children: s.reviewPath ? t(`ethics.paths.${s.reviewPath}`) : '—',
              },
              {
                key: 'submittedAt',
                label: t('ethics.detail.submittedAt'),
                children: s.submittedAt ? beijingTime(s.submittedAt) : '—',
              },
              { key: 'acceptedDate', label: t('ethics.detail.acceptedDate'), children: s.acceptedDate ?? '—' },
            ]}
          />
        </Card>
        <SubmissionStepButtons sub={s} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <ClockCard sub={s} />
              <DecisionCard sub={s} />
              <LetterPanel sub={s} />
            </Flex>
          </Col>
          <Col xs={24} xl={14}>
            <TimelineCard sub={s} />
          </Col>
        </Row>
        <DocumentsPanel sub={s} />
        <ModificationsPanel sub={s} />
        <ReviewersPanel sub={s} />
        {s.review && <ReviewCard review={s.review} />}
      </Flex>
    </>
  );
}
