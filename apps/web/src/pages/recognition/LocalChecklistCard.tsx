import { CHECKLIST_ANSWERS, LOCAL_CHECKLIST_ITEMS } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Radio, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { useStepHandlers } from './request-ui.ts';

type Answer = (typeof CHECKLIST_ANSWERS)[number];

/** The EC's local checklist (本地审查清单): a form while it reviews, the answers after. */
export function LocalChecklistCard({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('recognition.checklist.title')} style={{ marginBottom: 16 }} data-testid="checklist">
      <Typography.Paragraph type="secondary">{t('recognition.checklist.help')}</Typography.Paragraph>
      {r.availableSteps.includes('review' as never) ? (
        <LocalChecklistForm r={r} />
      ) : r.checklist ? (
        <Descriptions column={1} size="small">
          {r.checklist.map((c) => (
            <Descriptions.Item key={c.item} label={t(`recognition.checklist.items.${c.item}`)}>
              <Tag color={c.answer === 'issue' ? 'red' : c.answer === 'ok' ? 'green' : 'default'}>
                {t(`recognition.checklist.answers.${c.answer}`)}
              </Tag>
              {c.note}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** One answer (符合 / 有问题 / 不适用) and a note per item; saving it is the `review` step. */
function LocalChecklistForm({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saveChecklist = useMutation(trpc.recognition.requests.saveChecklist.mutationOptions(useStepHandlers()));
  return (
    <Form
      layout="vertical"
      initialValues={Object.fromEntries(
        LOCAL_CHECKLIST_ITEMS.map((i) => {
          const a = r.checklist?.find((c) => c.item === i);
          return [i, { answer: a?.answer, note: a?.note }];
        }),
      )}
      onFinish={(v: Record<string, { answer: Answer; note?: string }>) =>
        saveChecklist.mutate({
          id: r.id,
          version: r.version,
          items: LOCAL_CHECKLIST_ITEMS.filter((i) => v[i]?.answer).map((i) => ({
            item: i,
            answer: v[i]!.answer,
            note: v[i]!.note || undefined,
          })),
        })
      }
    >
      {LOCAL_CHECKLIST_ITEMS.map((i) => (
        <Row key={i} gutter={8} align="middle">
          <Col span={8}>{t(`recognition.checklist.items.${i}`)}</Col>
          <Col span={8}>
            <Form.Item name={[i, 'answer']} rules={[{ required: true, message: t('recognition.request.required') }]}>
              <Radio.Group
                data-testid={`check-${i}`}
                options={CHECKLIST_ANSWERS.map((a) => ({ value: a, label: t(`recognition.checklist.answers.${a}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={[i, 'note']}>
              <Input placeholder={t('recognition.checklist.note')} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Button htmlType="submit" loading={saveChecklist.isPending} data-testid="checklist-save">
        {t('recognition.checklist.save')}
      </Button>
    </Form>
  );
}
