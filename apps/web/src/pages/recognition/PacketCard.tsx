import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { useStepHandlers } from './request-ui.ts';

const PACKET_FIELDS = [
  'piQualification',
  'piCurrentLoad',
  'capacityAndEquipment',
  'localIcfClauses',
  'feesAndInsurance',
  'notes',
] as const;
type Packet = Record<string, string | number | null>;

/** The site's local packet (本地资料): a form while the site may submit it, read-only after. */
export function PacketCard({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  const packet = r.packet as Packet;
  return (
    <Card title={t('recognition.request.packet')} style={{ marginBottom: 16 }} data-testid="packet">
      {r.availableSteps.includes('submit_packet' as never) ? (
        <PacketForm r={r} packet={packet} />
      ) : (
        <Descriptions column={1} size="small" bordered>
          {PACKET_FIELDS.map((k) => (
            <Descriptions.Item key={k} label={t(`recognition.request.${k}`)}>
              <UserText text={String(packet[k] ?? '')} style={{ whiteSpace: 'pre-wrap' }} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

/** Prefilled from the hospital's profile; the site checks it and submits (`submitPacket`). */
function PacketForm({ r, packet }: { r: RecognitionDetail; packet: Packet }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const submitPacket = useMutation(trpc.recognition.requests.submitPacket.mutationOptions(useStepHandlers()));
  const required = [{ required: true, whitespace: true, message: t('recognition.request.required') }];
  return (
    <Form
      layout="vertical"
      initialValues={{ ...packet, piCurrentLoad: packet.piCurrentLoad ?? 0 }}
      onFinish={(v) => submitPacket.mutate({ id: r.id, version: r.version, ...v })}
    >
      <Alert type="info" showIcon title={t('recognition.request.prefilled')} style={{ marginBottom: 12 }} />
      <Form.Item name="piQualification" label={t('recognition.request.piQualification')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="packet-pi" />
      </Form.Item>
      <Form.Item name="piCurrentLoad" label={t('recognition.request.piCurrentLoad')}>
        <InputNumber min={0} max={200} />
      </Form.Item>
      <Form.Item name="capacityAndEquipment" label={t('recognition.request.capacityAndEquipment')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="packet-capacity" />
      </Form.Item>
      <Form.Item name="localIcfClauses" label={t('recognition.request.localIcfClauses')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="feesAndInsurance" label={t('recognition.request.feesAndInsurance')} rules={required}>
        <Input.TextArea rows={2} data-testid="packet-fees" />
      </Form.Item>
      <Form.Item name="notes" label={t('recognition.request.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitPacket.isPending} data-testid="packet-submit">
        {t('recognition.request.submitPacket')}
      </Button>
    </Form>
  );
}
