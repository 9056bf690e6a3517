import { POLICIES, TRIAL_PHASES, TRIAL_TYPES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick } from '../trials/site-ui.tsx';
import { LeaveAgreementButton } from './LeaveAgreementButton.tsx';
import type { AgreementView } from './recognition-ui.tsx';

type FormValues = {
  nameZh: string;
  nameEn?: string;
  committeeIds: string[];
  trialTypes: string[];
  phases: string[];
  exclusions: string[];
  leadDecisionDays: number;
  leadLetterDays: number;
  participatingDays: number;
  reason?: string;
};

/** Recognition agreements: the admin or commission creates and edits them (with history); ECs confirm joining. */
export default function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { actor } = useSession();
  const list = useQuery(trpc.recognition.agreements.list.queryOptions());
  const canManage = POLICIES.manageAgreements.allows(actor);
  const committees = useQuery({ ...trpc.recognition.agreements.committees.queryOptions(), enabled: canManage });
  const [editing, setEditing] = useState<AgreementView | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const history = useQuery({
    ...trpc.recognition.agreements.get.queryOptions({ id: historyOf ?? '' }),
    enabled: historyOf !== null,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.recognition.agreements.pathKey() });
  const onError = (e: unknown) => {
    const err = apiError(e, t('common.networkError'));
    applyFieldErrors(form, err);
    setError(err.message);
  };
  const saved = async () => {
    message.success(t('recognition.agreements.saved'));
    setEditing(null);
    setError(null);
    await invalidate();
  };
  const create = useMutation(trpc.recognition.agreements.create.mutationOptions({ onSuccess: saved, onError }));
  const update = useMutation(trpc.recognition.agreements.update.mutationOptions({ onSuccess: saved, onError }));
  const join = useMutation(
    trpc.recognition.agreements.join.mutationOptions({
      onSuccess: async () => {
        message.success(t('recognition.agreements.joined'));
        await invalidate();
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  const open = (a: AgreementView | 'new') => {
    setError(null);
    setEditing(a);
    const v = a === 'new' ? null : a;
    form.setFieldsValue({
      nameZh: v?.nameZh ?? '',
      nameEn: v?.nameEn ?? '',
      committeeIds: [],
      trialTypes: v?.scope.trialTypes ?? [],
      phases: v?.scope.phases ?? [],
      exclusions: v
        ? (['highRisk', 'phaseIOrBe', 'ownLead'] as const).filter((k) => v.exclusions[k])
        : ['highRisk', 'phaseIOrBe', 'ownLead'],
      leadDecisionDays: v?.timelines.leadDecisionDays ?? 15,
      leadLetterDays: v?.timelines.leadLetterDays ?? 5,
      participatingDays: v?.timelines.participatingDays ?? 7,
      reason: '',
    });
  };
  const onOk = async () => {
    const v = await form.validateFields();
    const body = {
      nameZh: v.nameZh,
      nameEn: v.nameEn || undefined,
      scope: { trialTypes: v.trialTypes as never[], phases: v.phases as never[] },
      exclusions: {
        highRisk: v.exclusions.includes('highRisk'),
        phaseIOrBe: v.exclusions.includes('phaseIOrBe'),
        ownLead: v.exclusions.includes('ownLead'),
      },
      timelines: {
        leadDecisionDays: v.leadDecisionDays,
        leadLetterDays: v.leadLetterDays,
        participatingDays: v.participatingDays,
      },
    };
    if (editing === 'new') create.mutate({ ...body, committeeIds: v.committeeIds });
    else if (editing)
      update.mutate({
        id: editing.id,
        version: editing.version,
        ...body,
        inviteCommitteeIds: v.committeeIds,
        reason: v.reason ?? '',
      });
  };

  return (
    <>
      <PageHeader
        title={t('recognition.agreements.title')}
        subtitle={t('recognition.agreements.subtitle')}
        extra={
          canManage && (
            <Button type="primary" onClick={() => open('new')} data-testid="agreement-create">
              {t('recognition.agreements.create')}
            </Button>
          )
        }
      />
      {list.error && <Alert type="error" showIcon title={apiError(list.error, t('common.networkError')).message} />}
      {list.data?.length === 0 && <Empty description={t('recognition.agreements.empty')} />}
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {(list.data ?? []).map((a) => (
          <Card
            key={a.id}
            data-testid={`agreement-${a.id}`}
            title={
              <Space>
                {pick(en, a.nameZh, a.nameEn)}
                <Tag color={a.status === 'active' ? 'green' : 'default'}>
                  {t(`recognition.agreements.statuses.${a.status}`)}
                </Tag>
                <Typography.Text type="secondary">
                  {t('recognition.agreements.version', { version: a.version })}
                </Typography.Text>
              </Space>
            }
            extra={
              <Space>
                {a.canJoin && (
                  <Button type="primary" onClick={() => join.mutate({ id: a.id })} data-testid="agreement-join">
                    {t('recognition.agreements.join')}
                  </Button>
                )}
                {a.canLeave && <LeaveAgreementButton agreementId={a.id} />}
                {a.canEdit && (
                  <Button onClick={() => open(a)} data-testid="agreement-edit">
                    {t('recognition.agreements.edit')}
                  </Button>
                )}
                <Button type="link" onClick={() => setHistoryOf(a.id)} data-testid="agreement-history">
                  {t('recognition.agreements.history')}
                </Button>
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('recognition.agreements.scope')}>
                {[...a.scope.trialTypes.map((x) => t(`trials.types.${x}`)), ...a.scope.phases].join(t('punct.list')) ||
                  t('recognition.agreements.all')}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.agreements.exclusions')}>
                {(['highRisk', 'phaseIOrBe', 'ownLead'] as const)
                  .filter((k) => a.exclusions[k])
                  .map((k) => t(`recognition.agreements.${k}`))
                  .join(t('punct.list')) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.agreements.timelines')}>
                {t('recognition.agreements.leadDecisionDays')} {a.timelines.leadDecisionDays} +{' '}
                {a.timelines.leadLetterDays} · {t('recognition.agreements.participatingDays')}{' '}
                {a.timelines.participatingDays}
              </Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>
                {t('recognition.agreements.members')}
                {t('punct.colon')}
              </Typography.Text>
              {a.members.map((m) => (
                <Tag key={m.committeeId} color={m.state === 'joined' ? 'green' : 'default'} style={{ marginBottom: 4 }}>
                  {pick(en, m.hospitalName, m.hospitalNameEn)} · {t(`recognition.agreements.memberStates.${m.state}`)}
                </Tag>
              ))}
            </div>
          </Card>
        ))}
      </Space>
      <Modal
        open={editing !== null}
        width={720}
        title={editing === 'new' ? t('recognition.agreements.create') : t('recognition.agreements.edit')}
        onOk={() => void onOk()}
        okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'agreement-ok' } as never}
        onCancel={() => setEditing(null)}
      >
        <Form form={form} layout="vertical">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
          <Form.Item name="nameZh" label={t('recognition.agreements.name')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="agreement-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('recognition.agreements.nameEn')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="committeeIds"
            label={editing === 'new' ? t('recognition.agreements.committees') : t('recognition.agreements.invite')}
            rules={editing === 'new' ? [{ required: true, type: 'array', min: 2 }] : []}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              data-testid="agreement-committees"
              options={(committees.data ?? [])
                .filter((c) => editing === 'new' || !editing?.members.some((m) => m.committeeId === c.id))
                .map((c) => ({ value: c.id, label: pick(en, c.hospitalName, c.hospitalNameEn) }))}
            />
          </Form.Item>
          <Form.Item name="trialTypes" label={t('recognition.agreements.trialTypes')}>
            <Checkbox.Group options={TRIAL_TYPES.map((x) => ({ value: x, label: t(`trials.types.${x}`) }))} />
          </Form.Item>
          <Form.Item name="phases" label={t('recognition.agreements.phases')}>
            <Checkbox.Group options={TRIAL_PHASES.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="exclusions" label={t('recognition.agreements.exclusions')}>
            <Checkbox.Group
              options={(['highRisk', 'phaseIOrBe', 'ownLead'] as const).map((k) => ({
                value: k,
                label: t(`recognition.agreements.${k}`),
              }))}
            />
          </Form.Item>
          <Space wrap>
            {(['leadDecisionDays', 'leadLetterDays', 'participatingDays'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`recognition.agreements.${k}`)} rules={[{ required: true }]}>
                <InputNumber min={1} max={60} />
              </Form.Item>
            ))}
          </Space>
          {editing !== 'new' && (
            <Form.Item name="reason" label={t('recognition.agreements.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} data-testid="agreement-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Drawer
        open={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        title={t('recognition.agreements.history')}
        size="large"
      >
        <Timeline
          items={(history.data?.history ?? []).map((h) => ({
            children: (
              <>
                <div>
                  <Typography.Text strong>
                    {t('recognition.agreements.version', { version: h.version })}
                  </Typography.Text>{' '}
                  · {h.changedByName ?? '—'} · {beijingTime(h.changedAt)}
                </div>
                <Typography.Text type="secondary">{h.reason}</Typography.Text>
                <div>
                  {h.snapshot.members.map((m) => (
                    <Tag key={m.committeeId}>
                      {m.committeeId} · {t(`recognition.agreements.memberStates.${m.state}`)}
                    </Tag>
                  ))}
                </div>
              </>
            ),
          }))}
        />
      </Drawer>
    </>
  );
}
