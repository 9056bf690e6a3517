import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueDateMoved } from '../../components/DueDateMoved.tsx';
import { UserText } from '../../components/UserText.tsx';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { pick } from '../trials/site-ui.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';

type TimelineEvent = RecognitionDetail['timeline'][number];

/** The request's steps, who took each and when, with comments and moved due dates. */
export function RecognitionTimelineCard({ r }: { r: RecognitionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const lead = r.leadDecision;
  const actorOf = (e: TimelineEvent) =>
    e.byCommittee
      ? // EC people act under their committee's name outside it (issue 12): the lead EC opened it.
        e.step === 'open' && lead
        ? pick(en, lead.committeeName, lead.committeeNameEn)
        : pick(en, r.committeeName, r.committeeNameEn)
      : e.actorName
        ? personName(e.actorName)
        : e.step === 'due_date_moved'
          ? t('calendar.system')
          : '—';
  return (
    <Card title={t('recognition.request.timeline')} data-testid="recognition-timeline">
      <Timeline
        items={r.timeline.map((e) => ({
          children: (
            <>
              <div>
                {t(`recognition.states.${e.toState}`)} · {actorOf(e)} · {beijingTime(e.at)}
              </div>
              {e.comment && (
                <Typography.Text type="secondary">
                  <UserText text={e.comment} />
                </Typography.Text>
              )}
              <DueDateMoved detail={e.detail} />
            </>
          ),
        }))}
      />
    </Card>
  );
}
