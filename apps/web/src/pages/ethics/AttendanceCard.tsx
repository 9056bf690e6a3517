import { useMutation } from '@tanstack/react-query';
import { Card, Flex, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { type Meeting, type OnError, useInvalidateMeeting } from './meeting-ui.tsx';

/** Who is present: the secretary or chair toggles each member; the quorum follows. */
export function AttendanceCard({ meeting, runs, onError }: { meeting: Meeting; runs: boolean; onError: OnError }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const record = useMutation(
    trpc.meetings.recordAttendance.mutationOptions({
      onSuccess: invalidate,
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Card title={t('meetings.meeting.attendance')} data-testid="attendance-card">
      {meeting.members.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.meeting.noMembers')}</Typography.Text>
      ) : (
        <Flex wrap gap={12}>
          {meeting.members.map((mb) => (
            <Card key={mb.id} size="small" style={{ minWidth: 200 }}>
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{personName(mb.name)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t(`meetings.roles.${mb.role}`)} · {t(`meetings.expertise.${mb.expertise}`)} ·{' '}
                  {mb.isAffiliated ? t('meetings.committee.affiliated') : t('meetings.committee.unaffiliated')}
                </Typography.Text>
                <Switch
                  checked={mb.isPresent}
                  disabled={!runs}
                  loading={record.isPending && record.variables?.memberId === mb.id}
                  checkedChildren={t('meetings.meeting.present')}
                  unCheckedChildren={t('meetings.meeting.absent')}
                  onChange={(present) => record.mutate({ meetingId: meeting.id, memberId: mb.id, present })}
                  data-testid="attendance-toggle"
                  data-member={mb.name}
                />
              </Space>
            </Card>
          ))}
        </Flex>
      )}
    </Card>
  );
}
