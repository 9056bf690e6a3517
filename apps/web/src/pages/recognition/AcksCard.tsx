import { useMutation } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingDate } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ObjectAckModal, type TextValues } from './RequestStepModals.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { useRequestModal, useStepHandlers } from './request-ui.ts';

type AckVersion = { kind: string; versionLabel: string; versionDate: string };

/** Amendments approved at the lead after recognition: the EC acknowledges each, or objects with a note. */
export function AcksCard({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const acknowledge = useMutation(trpc.recognition.acks.act.mutationOptions(useStepHandlers()));
  const object = useRequestModal<TextValues, string>();
  return (
    <Card title={t('recognition.request.acks')} style={{ marginBottom: 16 }} data-testid="acks">
      <List
        dataSource={r.acks}
        locale={{ emptyText: t('recognition.request.noAcks') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`ack-${a.id}`}
            actions={
              r.canAcknowledge && a.state === 'ack_pending'
                ? [
                    <Button
                      key="ok"
                      size="small"
                      type="primary"
                      data-testid="ack-acknowledge"
                      onClick={() => acknowledge.mutate({ id: a.id, acknowledge: true })}
                    >
                      {t('recognition.request.acknowledge')}
                    </Button>,
                    <Button key="no" size="small" danger onClick={() => object.open(a.id)}>
                      {t('recognition.request.object')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color={a.state === 'ack_pending' ? 'orange' : a.state === 'objected' ? 'red' : 'green'}>
                    {t(`recognition.request.ackStates.${a.state}`)}
                  </Tag>
                  <span>{beijingDate(a.createdAt)}</span>
                </Space>
              }
              description={
                <>
                  {(a.versions as AckVersion[]).map((v) => (
                    <Tag key={`${v.kind}-${v.versionLabel}`}>
                      {t(`documents.kinds.${v.kind}`, { defaultValue: v.kind })} {v.versionLabel} ({v.versionDate})
                    </Tag>
                  ))}
                  {a.note && <div>{a.note}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      <ObjectAckModal modal={object} />
    </Card>
  );
}
