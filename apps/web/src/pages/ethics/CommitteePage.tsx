import { PlusOutlined } from '@ant-design/icons';
import {
  type ChecklistItem,
  EXPEDITED_RISK_CEILINGS,
  LEGAL_QUORUM,
  MEMBER_EXPERTISE,
  MEMBER_GENDERS,
  POLICIES,
  SUBMISSION_TYPES,
  type SubmissionType,
  VOTING_MEMBER_ROLES,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTodayValue, dayOf, pickerValue } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick } from '../trials/site-ui.tsx';
import { ChecklistEditor, type ChecklistForm, checklistsOfForm } from './ChecklistEditor.tsx';

function useInvalidateCommittee() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.committees.pathKey() });
}

/** 委员会设置: the roster with terms, and the SOP (quorum rule, limits, expedited rules, checklists). */
export default function CommitteePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const committeeId = actor?.committeeId ?? null;
  const q = useQuery({
    ...trpc.committees.get.queryOptions({ committeeId: committeeId ?? '' }),
    enabled: !!committeeId,
  });
  const p = useQuery({
    ...trpc.committees.procedures.queryOptions({ committeeId: committeeId ?? '' }),
    enabled: !!committeeId,
  });
  if (!committeeId) return <Result status="info" title={t('meetings.committee.noCommittee')} />;
  const manage = POLICIES.manageCommittee.allows(actor);
  const error = q.error ?? p.error;
  return (
    <>
      <PageHeader
        title={`${t('meetings.committee.title')}${q.data ? ` · ${pick(i18n.language === 'en', q.data.name, q.data.nameEn)}` : ''}`}
        subtitle={t('meetings.committee.subtitle')}
      />
      {error && <Alert type="error" showIcon title={apiError(error, t('common.networkError')).message} />}
      <Flex vertical gap={16}>
        <RosterCard
          committeeId={committeeId}
          data={q.data}
          loading={q.isLoading}
          manage={manage}
          ecUsers={p.data?.ecUsers ?? []}
        />
        {q.data && (
          <SopCard
            committeeId={committeeId}
            sop={q.data.sop}
            manage={manage}
            required={q.data.quorumRequired}
            serving={q.data.servingCount}
          />
        )}
        {p.data && <ProceduresCard committeeId={committeeId} procedures={p.data} manage={manage} />}
      </Flex>
    </>
  );
}

type Committee = {
  name: string;
  members: {
    id: string;
    name: string;
    role: string;
    expertise: string;
    isAffiliated: boolean;
    gender: string | null;
    termStart: string;
    termEnd: string | null;
    isServing: boolean;
    version: number;
  }[];
};
type Member = Committee['members'][number];

function RosterCard({
  committeeId,
  data,
  loading,
  manage,
  ecUsers,
}: {
  committeeId: string;
  data: Committee | undefined;
  loading: boolean;
  manage: boolean;
  ecUsers: { userId: string; name: string; email: string }[];
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateCommittee();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [ending, setEnding] = useState<{ id: string; name: string } | null>(null);
  const [endDate, setEndDate] = useState<Dayjs | null>(() => beijingTodayValue());
  const [error, setError] = useState<string | null>(null);
  const endTerm = useMutation(
    trpc.committees.endTerm.mutationOptions({
      onSuccess: async () => {
        setEnding(null);
        message.success(t('meetings.committee.termEnded'));
        await invalidate();
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Card
      title={t('meetings.committee.roster')}
      data-testid="roster-card"
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="roster-add">
            {t('meetings.committee.addMember')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.members ?? []}
        columns={[
          {
            title: t('meetings.committee.name'),
            dataIndex: 'name',
            render: (v: string) => personName(v),
          },
          { title: t('meetings.committee.role'), render: (_, m) => t(`meetings.roles.${m.role}`) },
          { title: t('meetings.committee.expertise'), render: (_, m) => t(`meetings.expertise.${m.expertise}`) },
          {
            title: t('meetings.committee.affiliated'),
            render: (_, m) =>
              m.isAffiliated ? (
                t('meetings.committee.affiliated')
              ) : (
                <Tag color="blue">{t('meetings.committee.unaffiliated')}</Tag>
              ),
          },
          {
            title: t('meetings.committee.gender'),
            render: (_, m) => (m.gender ? t(`meetings.genders.${m.gender}`) : '—'),
          },
          { title: t('meetings.committee.term'), render: (_, m) => `${m.termStart} – ${m.termEnd ?? ''}` },
          {
            title: '',
            render: (_, m) => (
              <Flex gap={8} align="center">
                <Tag color={m.isServing ? 'green' : 'default'}>
                  {m.isServing ? t('meetings.committee.serving') : t('meetings.committee.ended')}
                </Tag>
                {manage && m.role !== 'secretary' && (
                  <Button size="small" onClick={() => setEditing(m)} data-testid="roster-edit">
                    {t('meetings.committee.edit')}
                  </Button>
                )}
                {manage && m.isServing && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEnding({ id: m.id, name: m.name });
                      setEndDate(beijingTodayValue()); // today when the dialog opens, even on a page left open overnight
                    }}
                    data-testid="roster-end-term"
                  >
                    {t('meetings.committee.endTerm')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {adding && <MemberModal committeeId={committeeId} ecUsers={ecUsers} onClose={() => setAdding(false)} />}
      {editing && (
        <MemberModal committeeId={committeeId} ecUsers={ecUsers} editing={editing} onClose={() => setEditing(null)} />
      )}
      <Modal
        open={ending !== null}
        title={`${t('meetings.committee.endTerm')} · ${personName(ending?.name)}`}
        onCancel={() => setEnding(null)}
        confirmLoading={endTerm.isPending}
        onOk={() => ending && endDate && endTerm.mutate({ committeeId, memberId: ending.id, termEnd: dayOf(endDate) })}
      >
        <Form.Item label={t('meetings.committee.endTermDate')}>
          <DatePicker value={endDate} onChange={setEndDate} />
        </Form.Item>
      </Modal>
    </Card>
  );
}

type MemberValues = {
  userId?: string;
  name?: string;
  role: (typeof VOTING_MEMBER_ROLES)[number];
  expertise: (typeof MEMBER_EXPERTISE)[number];
  isAffiliated: boolean;
  gender?: (typeof MEMBER_GENDERS)[number];
  termStart: Dayjs;
  termEnd?: Dayjs;
};

/** Adds a member, or (`editing`) corrects a roster entry: role, expertise, affiliation, gender, term dates. */
function MemberModal({
  committeeId,
  ecUsers,
  editing,
  onClose,
}: {
  committeeId: string;
  ecUsers: { userId: string; name: string; email: string }[];
  editing?: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateCommittee();
  const [form] = Form.useForm<MemberValues>();
  const [error, setError] = useState<string | null>(null);
  const handlers = (done: string) => ({
    onSuccess: async () => {
      message.success(t(done));
      await invalidate();
      onClose();
    },
    onError: (e: unknown) => {
      const err = apiError(e, t('common.networkError'));
      applyFieldErrors(form, err);
      setError(err.message);
    },
  });
  const add = useMutation(trpc.committees.addMember.mutationOptions(handlers('meetings.committee.memberAdded')));
  const update = useMutation(
    trpc.committees.updateMember.mutationOptions(handlers('meetings.committee.memberUpdated')),
  );
  return (
    <Modal
      open
      title={
        editing
          ? `${t('meetings.committee.editMember')} · ${personName(editing.name)}`
          : t('meetings.committee.addMember')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'member-ok' } as Record<`data-${string}`, string>}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                role: editing.role as MemberValues['role'],
                expertise: editing.expertise as MemberValues['expertise'],
                isAffiliated: editing.isAffiliated,
                gender: (editing.gender ?? undefined) as MemberValues['gender'],
                termStart: pickerValue(editing.termStart),
                termEnd: editing.termEnd ? pickerValue(editing.termEnd) : undefined,
              }
            : { role: 'member', expertise: 'medical', isAffiliated: true, termStart: beijingTodayValue() }
        }
        onFinish={(v) =>
          editing
            ? update.mutate({
                committeeId,
                memberId: editing.id,
                version: editing.version,
                role: v.role,
                expertise: v.expertise,
                isAffiliated: v.isAffiliated,
                gender: v.gender ?? null,
                termStart: dayOf(v.termStart),
                termEnd: v.termEnd ? dayOf(v.termEnd) : null,
              })
            : add.mutate({
                committeeId,
                userId: v.userId || undefined,
                name: v.name?.trim() || undefined,
                role: v.role,
                expertise: v.expertise,
                isAffiliated: v.isAffiliated,
                gender: v.gender,
                termStart: dayOf(v.termStart),
                termEnd: v.termEnd ? dayOf(v.termEnd) : undefined,
              })
        }
      >
        {!editing && (
          <>
            <Form.Item name="userId" label={t('meetings.committee.user')} extra={t('meetings.committee.userHelp')}>
              <Select
                allowClear
                options={ecUsers.map((u) => ({ value: u.userId, label: `${personName(u.name)} (${u.email})` }))}
              />
            </Form.Item>
            <Form.Item name="name" label={t('meetings.committee.name')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('meetings.committee.role')}>
          <Radio.Group options={VOTING_MEMBER_ROLES.map((r) => ({ value: r, label: t(`meetings.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="expertise" label={t('meetings.committee.expertise')}>
          <Select options={MEMBER_EXPERTISE.map((e) => ({ value: e, label: t(`meetings.expertise.${e}`) }))} />
        </Form.Item>
        <Form.Item name="isAffiliated" label={t('meetings.committee.affiliated')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="gender" label={t('meetings.committee.gender')}>
          <Select allowClear options={MEMBER_GENDERS.map((g) => ({ value: g, label: t(`meetings.genders.${g}`) }))} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="termStart" label={t('meetings.committee.termStart')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="termEnd" label={t('meetings.committee.termEnd')}>
            <DatePicker />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

type Sop = {
  quorumMinPercent: number;
  quorumMinCount: number;
  quorumNeedsNonMedical: boolean;
  quorumNeedsUnaffiliated: boolean;
  reviewLimitDays: number;
  defaultFollowUpMonths: number;
};

/** `required`: the attendance a meeting needs today with the `serving` members (the meeting page applies it). */
function SopCard({
  committeeId,
  sop,
  manage,
  required,
  serving,
}: {
  committeeId: string;
  sop: Sop;
  manage: boolean;
  required: number;
  serving: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateCommittee();
  const [form] = Form.useForm<Sop>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.committees.updateSettings.mutationOptions({
      onSuccess: async () => {
        setError(null);
        message.success(t('meetings.committee.sopSaved'));
        await invalidate();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  return (
    <Card title={t('meetings.committee.sop')} data-testid="sop-card">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph data-testid="sop-quorum-required">
        {t('meetings.committee.quorumRequired', { required, serving, min: LEGAL_QUORUM.minCount })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={sop}
        disabled={!manage}
        onFinish={(v) => save.mutate({ committeeId, ...v })}
      >
        <Form.Item name="quorumMinPercent" label={t('meetings.committee.quorumMinPercent')}>
          <InputNumber min={50} max={100} />
        </Form.Item>
        <Form.Item name="quorumMinCount" label={t('meetings.committee.quorumMinCount')}>
          <InputNumber min={LEGAL_QUORUM.minCount} max={50} />
        </Form.Item>
        <Form.Item
          name="quorumNeedsNonMedical"
          label={t('meetings.committee.quorumNeedsNonMedical')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="quorumNeedsUnaffiliated"
          label={t('meetings.committee.quorumNeedsUnaffiliated')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="reviewLimitDays" label={t('meetings.committee.reviewLimitDays')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="defaultFollowUpMonths" label={t('meetings.committee.defaultFollowUpMonths')}>
          <InputNumber min={1} max={12} />
        </Form.Item>
        {manage && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sop-save">
              {t('meetings.committee.saveSop')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

type Procedures = {
  expedited: { types: SubmissionType[]; maxRisk: (typeof EXPEDITED_RISK_CEILINGS)[number]; reviewers: 1 | 2 };
  checklists: Partial<Record<SubmissionType, ChecklistItem[]>>;
};

function ProceduresCard({
  committeeId,
  procedures,
  manage,
}: {
  committeeId: string;
  procedures: Procedures;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateCommittee();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ expedited: Procedures['expedited']; checklists: ChecklistForm }>();
  const save = useMutation(
    trpc.committees.updateProcedures.mutationOptions({
      onSuccess: async () => {
        setError(null);
        message.success(t('meetings.committee.proceduresSaved'));
        await invalidate();
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  const initialChecklists = Object.fromEntries(
    SUBMISSION_TYPES.map((ty) => [ty, procedures.checklists[ty] ?? []]),
  ) as ChecklistForm;
  return (
    <Card title={t('meetings.committee.expedited')} data-testid="procedures-card">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!manage}
        initialValues={{ expedited: procedures.expedited, checklists: initialChecklists }}
        onFinish={(v) =>
          save.mutate({
            committeeId,
            expedited: v.expedited,
            checklists: checklistsOfForm(v.checklists),
          })
        }
      >
        <Form.Item name={['expedited', 'types']} label={t('meetings.committee.expeditedTypes')}>
          <Checkbox.Group options={SUBMISSION_TYPES.map((ty) => ({ value: ty, label: t(`ethics.types.${ty}`) }))} />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item
            name={['expedited', 'maxRisk']}
            label={t('meetings.committee.expeditedMaxRisk')}
            extra={t('meetings.committee.expeditedInitialLowOnly')}
          >
            <Radio.Group
              options={EXPEDITED_RISK_CEILINGS.map((r) => ({ value: r, label: t(`meetings.risks.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name={['expedited', 'reviewers']} label={t('meetings.committee.expeditedReviewers')}>
            <Radio.Group options={[1, 2].map((n) => ({ value: n, label: String(n) }))} />
          </Form.Item>
        </Flex>
        <Card type="inner" size="small" title={t('meetings.committee.checklists')}>
          <Typography.Paragraph type="secondary">{t('meetings.committee.checklistsHelp')}</Typography.Paragraph>
          <ChecklistEditor form={form} manage={manage} />
        </Card>
        {manage && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 12 }}
            data-testid="procedures-save"
          >
            {t('meetings.committee.saveProcedures')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
