import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResolveObjectionModal, type TextValues } from './RequestStepModals.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { useRequestModal } from './request-ui.ts';

/** Objections raised on the request, and "resolve" on an open one for the EC. */
export function ObjectionsCard({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  const resolve = useRequestModal<TextValues, string>();
  return (
    <Card title={t('recognition.request.objections')} style={{ marginBottom: 16 }} data-testid="objections">
      <List
        dataSource={r.objections}
        locale={{ emptyText: t('recognition.request.noObjections') }}
        renderItem={(o) => (
          <List.Item
            actions={
              r.canResolveObjections && o.state === 'open'
                ? [
                    <Button key="resolve" size="small" onClick={() => resolve.open(o.id)}>
                      {t('recognition.request.resolve')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag>{t(`recognition.request.categories.${o.category}`)}</Tag>
                  <Tag color={o.state === 'open' ? 'orange' : 'green'}>
                    {t(`recognition.request.objectionStates.${o.state}`)}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <div>{o.text}</div>
                  {o.resolution && (
                    <Typography.Text type="success">
                      {t('recognition.request.resolution')}
                      {t('punct.colon')}
                      {o.resolution}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <ResolveObjectionModal modal={resolve} />
    </Card>
  );
}
