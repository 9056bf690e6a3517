import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AgendaItemCard } from './AgendaItemCard.tsx';
import { type Meeting, type OnError, useInvalidateMeeting, useReadySubmissions } from './meeting-ui.tsx';

/** The agenda: submissions ready for a meeting are added by the secretary or chair; one card per item. */
export function AgendaCard({ meeting, runs, onError }: { meeting: Meeting; runs: boolean; onError: OnError }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const ready = useReadySubmissions(runs);
  const [pick, setPick] = useState<string | undefined>();
  const errorOf = (e: unknown) => onError(apiError(e, t('common.networkError')).message);
  const add = useMutation(
    trpc.meetings.addToAgenda.mutationOptions({
      onSuccess: async () => {
        setPick(undefined);
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const remove = useMutation(
    trpc.meetings.removeFromAgenda.mutationOptions({ onSuccess: invalidate, onError: errorOf }),
  );
  return (
    <Card
      title={t('meetings.meeting.agenda')}
      data-testid="agenda-card"
      extra={
        runs && (
          <Space>
            <Select
              style={{ minWidth: 320 }}
              value={pick}
              onChange={setPick}
              placeholder={t('meetings.meeting.addPlaceholder')}
              data-testid="agenda-add-select"
              options={ready
                .filter((s) => !meeting.agenda.some((a) => a.id === s.id))
                .map((s) => ({
                  value: s.id,
                  label: `${s.acceptanceNo ?? ''} ${(i18n.language === 'en' && s.trialTitleEn) || s.trialTitle}`,
                }))}
            />
            <Button
              disabled={!pick}
              loading={add.isPending}
              onClick={() => pick && add.mutate({ meetingId: meeting.id, submissionId: pick })}
              data-testid="agenda-add"
            >
              {t('meetings.meeting.addItem')}
            </Button>
          </Space>
        )
      }
    >
      {meeting.agenda.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.meeting.noAgenda')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {meeting.agenda.map((item) => (
            <AgendaItemCard
              key={item.id}
              meeting={meeting}
              item={item}
              runs={runs}
              onError={onError}
              onRemove={() => remove.mutate({ meetingId: meeting.id, submissionId: item.id })}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}
