import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** The trial office's local-context profile (fees, insurance, local ICF clauses, HGR contact, languages). */
export default function LocalContextPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { actor } = useSession();
  const hospitalOrgId = actor?.orgId ?? '';
  const query = useQuery(trpc.recognition.localContext.get.queryOptions({ hospitalOrgId }));
  const [form] = Form.useForm();
  const save = useMutation(
    trpc.recognition.localContext.save.mutationOptions({
      onSuccess: async () => {
        message.success(t('recognition.localContext.saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.recognition.localContext.pathKey() });
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        message.error(err.message);
      },
    }),
  );
  const c = query.data;
  return (
    <>
      <PageHeader title={t('recognition.localContext.title')} subtitle={t('recognition.localContext.subtitle')} />
      {query.error && <Alert type="error" showIcon title={apiError(query.error, t('common.networkError')).message} />}
      {c && (
        <Card
          title={c.hospitalName}
          extra={
            <Typography.Text type="secondary">
              {c.version
                ? t('recognition.localContext.version', { version: c.version })
                : t('recognition.localContext.never')}
            </Typography.Text>
          }
        >
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 720 }}
            initialValues={{ ...c, reviewFeeYuan: c.reviewFeeYuan ?? undefined }}
            onFinish={(v) =>
              save.mutate({
                hospitalOrgId,
                version: c.version || undefined,
                reviewFeeYuan: v.reviewFeeYuan ?? null,
                feeSchedule: v.feeSchedule ?? '',
                insuranceRequirements: v.insuranceRequirements ?? '',
                localIcfClauses: v.localIcfClauses ?? '',
                hgrContactName: v.hgrContactName ?? '',
                hgrContactPhone: v.hgrContactPhone ?? '',
                languages: v.languages ?? [],
                vulnerablePopulationRules: v.vulnerablePopulationRules ?? '',
              })
            }
          >
            <Form.Item name="reviewFeeYuan" label={t('recognition.localContext.reviewFeeYuan')}>
              <InputNumber min={0} max={1_000_000} data-testid="lc-fee" />
            </Form.Item>
            {(['feeSchedule', 'insuranceRequirements', 'localIcfClauses', 'vulnerablePopulationRules'] as const).map(
              (k) => (
                <Form.Item key={k} name={k} label={t(`recognition.localContext.${k}`)}>
                  <Input.TextArea rows={2} data-testid={`lc-${k}`} />
                </Form.Item>
              ),
            )}
            <Form.Item name="hgrContactName" label={t('recognition.localContext.hgrContactName')}>
              <Input />
            </Form.Item>
            <Form.Item name="hgrContactPhone" label={t('recognition.localContext.hgrContactPhone')}>
              <Input />
            </Form.Item>
            <Form.Item name="languages" label={t('recognition.localContext.languages')}>
              <Select mode="tags" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="lc-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
