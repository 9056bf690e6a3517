import { ArrowLeftOutlined } from '@ant-design/icons';
import { runsCommittee } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AgendaCard } from './AgendaCard.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { MinutesCard } from './MinutesCard.tsx';
import { QuorumIndicator } from './meeting-ui.tsx';

/** A convened meeting: agenda, attendance, live quorum, declarations, votes, decisions and minutes (EC-only). */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const q = useQuery(trpc.meetings.get.queryOptions({ meetingId: id }));
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <Alert type="error" showIcon title={apiError(q.error, t('common.networkError')).message} />;
  const m = q.data;
  // The same rule the server enforces on attendance, agenda and recording for another member.
  const runs = m ? runsCommittee(actor, m.committeeId) : false;
  return (
    <>
      <PageHeader
        title={m ? `${m.meetingDate} ${m.title ?? ''}` : '…'}
        subtitle={t('meetings.list.subtitle')}
        extra={
          <Link to="/ethics/meetings">
            <ArrowLeftOutlined /> {t('meetings.meeting.back')}
          </Link>
        }
      />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="meeting-error"
        />
      )}
      {m && (
        <Flex vertical gap={16}>
          <QuorumIndicator quorum={m.quorum} />
          <AttendanceCard meeting={m} runs={runs} onError={setError} />
          <AgendaCard meeting={m} runs={runs} onError={setError} />
          <MinutesCard meetingId={m.id} />
        </Flex>
      )}
    </>
  );
}
