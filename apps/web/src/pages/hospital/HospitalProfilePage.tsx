import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  CAPABILITIES,
  canEditHospital,
  type ProfileCompletenessKey,
  UNIVERSITY_EN,
  universityOf,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { districtLabel, hospitalTypeLabel, levelLabel } from '../../components/place-labels.ts';
import { apiError } from '../../lib/api-error.ts';
import { beijingDate, beijingTime } from '../../lib/beijing-time.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { HospitalRegistryTrials } from '../registry/HospitalRegistryTrials.tsx';
import {
  CapabilitiesModal,
  type HospitalProfile,
  InvestigatorModal,
  type InvestigatorRow,
  ProfileModal,
  RetireModal,
  SpecialtyModal,
  type SpecialtyRow,
  specialtyLabel,
} from './profile-forms.tsx';

const dash = '—';
const capabilityLabel = (code: string, en: boolean) => {
  const c = CAPABILITIES.find((x) => x.code === code);
  return c ? (en ? c.en : c.zh) : code;
};

/**
 * A hospital's profile (机构资源档案): readable by every signed-in role; its own site admin sees edit controls.
 * The numbers (active trials, free slots) are the same ones site search shows.
 */
export default function HospitalProfilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const { actor } = useSession();
  const query = useQuery(trpc.hospitals.get.queryOptions({ id }));
  const canEdit = canEditHospital(actor, id);

  const [editing, setEditing] = useState<
    | { kind: 'profile' }
    | { kind: 'capabilities' }
    | { kind: 'specialty'; row: SpecialtyRow | null }
    | { kind: 'investigator'; row: InvestigatorRow | null }
    | null
  >(null);
  const [retiring, setRetiring] = useState<{
    kind: 'specialty' | 'investigator';
    id: string;
    version: number;
    label: string;
  } | null>(null);

  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) {
    return (
      <Result
        status="404"
        title={t('hospital.notFound')}
        subTitle={query.error ? apiError(query.error, t('common.networkError')).message : null}
        extra={
          <Link to="/directory">
            <Button type="primary">{t('hospital.back')}</Button>
          </Link>
        }
      />
    );
  }
  const p = query.data;
  const h = p.hospital;
  const name = properName(h.nameZh, h.nameEn, i18n.language);
  // The English name helps a Chinese reader; an English page already shows the Chinese beside its pinyin if needed.
  const other = en ? null : h.nameEn;
  const local = (text: string | null) => (text == null ? dash : properName(text, null, i18n.language));
  const close = () => setEditing(null);
  const aliases = h.aliases.filter((a) => a.alias !== h.nameZh && a.alias !== h.nameEn);
  const university = universityOf(h.parentUniversity);

  return (
    <div data-testid="hospital-profile">
      <PageHeader
        title={<span data-testid="hospital-name">{name}</span>}
        subtitle={
          <Flex vertical gap={6} style={{ marginTop: 4 }}>
            {other && <span>{other}</span>}
            <Space size={[4, 4]} wrap>
              {h.district && <Tag variant="filled">{districtLabel(h.district, i18n.language)}</Tag>}
              {h.level && <Tag variant="filled">{levelLabel(h.level, i18n.language)}</Tag>}
              {h.hospitalType && <Tag variant="filled">{hospitalTypeLabel(h.hospitalType, i18n.language)}</Tag>}
              {p.hasPhase1Unit && (
                <Tag color="green" variant="filled">
                  {t('search.phase1Tag')}
                </Tag>
              )}
              {p.stale && (
                <Tooltip title={t('hospital.staleHint')}>
                  <Tag color="orange" data-testid="stale-tag">
                    {t('hospital.stale')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          </Flex>
        }
        extra={
          canEdit ? (
            <Space wrap>
              <ConfirmButton hospitalId={h.id} />
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing({ kind: 'profile' })}
                data-testid="edit-profile"
              >
                {t('hospital.editProfile')}
              </Button>
            </Space>
          ) : (
            <Link to="/directory">{t('hospital.back')}</Link>
          )
        }
      />
      {h.isDemoData && <Alert type="info" showIcon title={t('hospital.demoNote')} style={{ marginBottom: 16 }} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('hospital.overview')} style={{ height: '100%' }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'address', label: t('hospital.fields.address'), children: local(h.address), span: 2 },
                {
                  key: 'filing',
                  label: t('hospital.fields.nmpaDrugFilingNo'),
                  children: h.nmpaDrugFilingNo ?? t('common.unknown'),
                },
                {
                  key: 'filingDate',
                  label: t('hospital.fields.nmpaDrugFilingDate'),
                  children: h.nmpaDrugFilingDate ?? dash,
                },
                { key: 'device', label: t('hospital.fields.deviceFilingNo'), children: h.deviceFilingNo ?? dash },
                { key: 'totalBeds', label: t('hospital.fields.totalBeds'), children: h.totalBeds ?? dash },
                { key: 'phase1Beds', label: t('hospital.fields.phase1Beds'), children: h.phase1Beds ?? dash },
                {
                  key: 'phase1Date',
                  label: t('hospital.fields.phase1FilingDate'),
                  children: h.phase1FilingDate ?? dash,
                },
                ...(university
                  ? [
                      {
                        key: 'univ',
                        label: t('hospital.parentUniversity'),
                        children: en ? (UNIVERSITY_EN[university] ?? local(university)) : university,
                        span: 2,
                      },
                    ]
                  : []),
                ...(aliases.length
                  ? [
                      {
                        key: 'aliases',
                        label: t('hospital.aliases'),
                        span: 2,
                        children: (
                          <Space size={[4, 4]} wrap>
                            {aliases.map((a) => (
                              <Tag key={a.alias} variant="filled">
                                {local(a.alias)}
                              </Tag>
                            ))}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <CompletenessCard profile={p} />
            <Card title={t('hospital.contacts')} size="small">
              {h.contactName || h.contactPhone || h.contactEmail ? (
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    {
                      key: 'n',
                      label: t('hospital.contactName'),
                      children: h.contactName ? personName(h.contactName, i18n.language) : dash,
                    },
                    { key: 'p', label: t('hospital.contactPhone'), children: h.contactPhone ?? dash },
                    {
                      key: 'e',
                      label: t('hospital.contactEmail'),
                      children: h.contactEmail ? <a href={`mailto:${h.contactEmail}`}>{h.contactEmail}</a> : dash,
                    },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('hospital.noContacts')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>

        <Col span={24}>
          <SpecialtiesCard
            profile={p}
            canEdit={canEdit}
            onAdd={() => setEditing({ kind: 'specialty', row: null })}
            onEdit={(row) => setEditing({ kind: 'specialty', row })}
            onRetire={(row) =>
              setRetiring({ kind: 'specialty', id: row.id, version: row.version, label: specialtyLabel(row, en) })
            }
          />
        </Col>
        <Col span={24}>
          <InvestigatorsCard
            profile={p}
            canEdit={canEdit}
            onAdd={() => setEditing({ kind: 'investigator', row: null })}
            onEdit={(row) => setEditing({ kind: 'investigator', row })}
            onRetire={(row) => setRetiring({ kind: 'investigator', id: row.id, version: row.version, label: row.name })}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('hospital.capabilities')}
            extra={
              canEdit && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ kind: 'capabilities' })}
                  data-testid="edit-capabilities"
                >
                  {t('hospital.editCapabilities')}
                </Button>
              )
            }
            style={{ height: '100%' }}
          >
            {p.capabilities.length ? (
              <Space size={[6, 6]} wrap data-testid="capabilities">
                {p.capabilities.map((c) => (
                  <Tag key={c} color="geekblue" variant="filled">
                    {capabilityLabel(c, en)}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noCapabilities')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <HistoryCard profile={p} />
        </Col>
        <Col span={24}>
          <HospitalRegistryTrials hospitalId={h.id} />
        </Col>
      </Row>

      {canEdit && (
        <>
          <ProfileModal profile={p} open={editing?.kind === 'profile'} onClose={close} />
          <CapabilitiesModal profile={p} open={editing?.kind === 'capabilities'} onClose={close} />
          <SpecialtyModal
            profile={p}
            specialty={editing?.kind === 'specialty' ? editing.row : null}
            open={editing?.kind === 'specialty'}
            onClose={close}
          />
          <InvestigatorModal
            profile={p}
            investigator={editing?.kind === 'investigator' ? editing.row : null}
            open={editing?.kind === 'investigator'}
            onClose={close}
          />
          <RetireModal profile={p} target={retiring} onClose={() => setRetiring(null)} />
        </>
      )}
    </div>
  );
}

function ConfirmButton({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirm = useMutation(
    trpc.hospitals.confirmCapacity.mutationOptions({
      onSuccess: async () => {
        message.success(t('hospital.confirmed'));
        await queryClient.invalidateQueries({ queryKey: trpc.hospitals.get.queryKey({ id: hospitalId }) });
        await queryClient.invalidateQueries({ queryKey: [['sites']] });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Popconfirm
      title={t('hospital.confirmTitle')}
      description={t('hospital.confirmBody')}
      okText={t('hospital.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => confirm.mutateAsync({ hospitalId })}
    >
      <Button type="primary" icon={<CheckCircleOutlined />} loading={confirm.isPending} data-testid="confirm-capacity">
        {t('hospital.confirm')}
      </Button>
    </Popconfirm>
  );
}

function CompletenessCard({ profile: p }: { profile: HospitalProfile }) {
  const { t } = useTranslation();
  const { percent, missing } = p.completeness;
  return (
    <Card title={t('hospital.completeness')} size="small" data-testid="completeness">
      <Flex gap={16} align="center">
        <Progress type="circle" size={72} percent={percent} status={percent === 100 ? 'success' : 'normal'} />
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <span>
            <Typography.Text type="secondary">{t('hospital.lastConfirmed')}</Typography.Text>
            <span data-testid="last-confirmed">
              {p.lastConfirmedAt ? beijingDate(p.lastConfirmedAt) : t('hospital.neverConfirmed')}
            </span>{' '}
            {p.stale && <Tag color="orange">{t('hospital.stale')}</Tag>}
          </span>
          {missing.length === 0 ? (
            <Typography.Text type="success">{t('hospital.completeAll')}</Typography.Text>
          ) : (
            <div>
              <Typography.Text type="secondary">{t('hospital.missing')}</Typography.Text>
              <Space size={[4, 4]} wrap>
                {missing.map((k: ProfileCompletenessKey) => (
                  <Tag key={k} variant="filled" color="warning">
                    {t(`hospital.completenessItems.${k}`)}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** Edit and retire as icon buttons, so the tables fit a laptop screen without scrolling sideways. */
function RowActions({ onEdit, onRetire, testId }: { onEdit: () => void; onRetire: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('hospital.edit')}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          onClick={onEdit}
          aria-label={t('hospital.edit')}
          data-testid={`edit-${testId}`}
        />
      </Tooltip>
      <Tooltip title={t('hospital.retire')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<StopOutlined />}
          onClick={onRetire}
          aria-label={t('hospital.retire')}
          data-testid={`retire-${testId}`}
        />
      </Tooltip>
    </Space>
  );
}

function FreeSlots({ n }: { n: number }) {
  return (
    <Typography.Text strong type={n > 0 ? 'success' : 'danger'}>
      {n}
    </Typography.Text>
  );
}

function SpecialtiesCard({
  profile: p,
  canEdit,
  onAdd,
  onEdit,
  onRetire,
}: {
  profile: HospitalProfile;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: (row: SpecialtyRow) => void;
  onRetire: (row: SpecialtyRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const n = (v: number) => v.toLocaleString(en ? 'en' : 'zh-CN');
  return (
    <Card
      title={
        <Space>
          {t('hospital.specialties')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('hospital.specialtiesCount', { count: p.specialties.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        canEdit && (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={onAdd} data-testid="add-specialty">
            {t('hospital.addSpecialty')}
          </Button>
        )
      }
    >
      <Table<SpecialtyRow>
        rowKey="id"
        size="small"
        dataSource={p.specialties}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noSpecialties')} /> }}
        data-testid="specialties-table"
        columns={[
          {
            title: t('hospital.specialty'),
            key: 'name',
            width: 200,
            render: (_, s) => (
              <Flex vertical>
                <Space size={4} wrap>
                  <Typography.Text strong>{specialtyLabel(s, en)}</Typography.Text>
                  {s.scope !== 'both' && (
                    <Tag variant="filled" color="purple">
                      {t(`hospital.scopes.${s.scope}`)}
                    </Tag>
                  )}
                </Space>
                {!en && <span className="ctp-muted">{s.nameEn}</span>}
                {s.filingDate && (
                  <span className="ctp-muted" style={{ fontSize: 12 }}>
                    {t('hospital.filingDate')} {s.filingDate}
                  </span>
                )}
              </Flex>
            ),
          },
          {
            title: t('hospital.diseaseAreas'),
            key: 'areas',
            width: 250,
            render: (_, s) =>
              s.diseaseAreas.length ? (
                <Space size={[4, 4]} wrap>
                  {s.diseaseAreas.map((a) => (
                    <Tag key={a.diseaseArea} variant="filled">
                      {en ? (a.diseaseAreaEn ?? properName(a.diseaseArea, null, 'en')) : a.diseaseArea}
                      {a.annualPatients !== null && (
                        <span className="ctp-muted"> · {t('hospital.perYear', { n: n(a.annualPatients) })}</span>
                      )}
                    </Tag>
                  ))}
                </Space>
              ) : (
                dash
              ),
          },
          { title: t('hospital.trialBeds'), dataIndex: 'trialBeds', width: 80, align: 'right' },
          { title: t('hospital.maxConcurrentShort'), dataIndex: 'maxConcurrentTrials', width: 90, align: 'right' },
          { title: t('hospital.active'), dataIndex: 'activeTrials', width: 64, align: 'right' },
          {
            title: t('hospital.freeSlots'),
            dataIndex: 'freeSlots',
            width: 80,
            align: 'right',
            render: (v: number) => <FreeSlots n={v} />,
          },
          {
            title: t('hospital.investigatorsOf'),
            key: 'pis',
            width: 180,
            render: (_, s) =>
              s.investigators.length ? (
                <Space size={[4, 4]} wrap>
                  {s.investigators.map((i) => (
                    <Tooltip
                      key={i.id}
                      title={`${en ? t(`hospital.titles.${i.title}`) : i.title} · ${t(`hospital.levels.${i.level}`)}`}
                    >
                      <Tag variant="filled" color={i.eligibleToLeadDrugTrial ? 'blue' : 'red'}>
                        {personName(i.name, i18n.language)}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              ) : (
                dash
              ),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 84,
                  fixed: 'right' as const,
                  render: (_: unknown, s: SpecialtyRow) => (
                    <RowActions onEdit={() => onEdit(s)} onRetire={() => onRetire(s)} testId={`specialty-${s.code}`} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function InvestigatorsCard({
  profile: p,
  canEdit,
  onAdd,
  onEdit,
  onRetire,
}: {
  profile: HospitalProfile;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: (row: InvestigatorRow) => void;
  onRetire: (row: InvestigatorRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const specialties = new Map(p.specialties.map((s) => [s.id, specialtyLabel(s, en)]));
  return (
    <Card
      title={
        <Space>
          {t('hospital.investigators')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('hospital.investigatorsCount', { count: p.investigators.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        canEdit && (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={onAdd} data-testid="add-investigator">
            {t('hospital.addInvestigator')}
          </Button>
        )
      }
    >
      <Table<InvestigatorRow>
        rowKey="id"
        size="small"
        dataSource={p.investigators}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 940 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noInvestigators')} />,
        }}
        data-testid="investigators-table"
        columns={[
          {
            title: t('hospital.name'),
            dataIndex: 'name',
            width: 90,
            render: (v: string) => <Typography.Text strong>{personName(v, i18n.language)}</Typography.Text>,
          },
          {
            title: t('hospital.title'),
            key: 'title',
            width: 270,
            render: (_, i) => (
              <Space size={[4, 4]} wrap>
                <span>{en ? t(`hospital.titles.${i.title}`) : i.title}</span>
                <Tag variant="filled">{t(`hospital.levels.${i.level}`)}</Tag>
                {!i.eligibleToLeadDrugTrial && (
                  <Tooltip title={t('hospital.notEligibleHint')}>
                    <Tag color="red" data-testid="not-eligible">
                      {t('hospital.notEligible')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('hospital.investigatorSpecialties'),
            key: 'specialties',
            render: (_, i) => {
              const names = i.specialtyIds.map((id) => specialties.get(id)).filter((x): x is string => Boolean(x));
              return names.length ? names.join(en ? ', ' : '、') : dash;
            },
          },
          {
            title: t('hospital.gcpTrainingDate'),
            dataIndex: 'gcpTrainingDate',
            width: 120,
            render: (v: string | null) => v ?? dash,
          },
          { title: t('hospital.maxConcurrentShort'), dataIndex: 'maxConcurrentTrials', width: 90, align: 'right' },
          { title: t('hospital.active'), dataIndex: 'activeTrials', width: 64, align: 'right' },
          {
            title: t('hospital.freeSlots'),
            dataIndex: 'freeSlots',
            width: 80,
            align: 'right',
            render: (v: number) => <FreeSlots n={v} />,
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 84,
                  fixed: 'right' as const,
                  render: (_: unknown, i: InvestigatorRow) => (
                    <RowActions onEdit={() => onEdit(i)} onRetire={() => onRetire(i)} testId={`investigator-${i.id}`} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function HistoryCard({ profile: p }: { profile: HospitalProfile }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const fields = (keys: string[]) =>
    keys.map((k) => t(`hospital.fields.${k}`, { defaultValue: k })).join(en ? ', ' : '、');
  const caps = (codes: string[]) => codes.map((c) => capabilityLabel(c, en)).join(en ? ', ' : '、');
  return (
    <Card
      title={t('hospital.history')}
      extra={<Typography.Text type="secondary">{t('hospital.historyNote')}</Typography.Text>}
      style={{ height: '100%' }}
    >
      {p.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noHistory')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto', paddingTop: 8 }} data-testid="history">
          <Timeline
            items={p.history.map((e) => ({
              key: e.id,
              color: e.action.endsWith('.retire') ? 'red' : e.action.endsWith('.add') ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2}>
                  <span>
                    <Typography.Text strong>
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    </Typography.Text>
                    {e.subject && <span> · {en ? e.subject.en : e.subject.zh}</span>}
                  </span>
                  {e.changes.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('hospital.changed', { fields: fields(e.changes) })}
                    </Typography.Text>
                  )}
                  {e.added.length > 0 && (
                    <Typography.Text type="secondary">{t('hospital.added', { items: caps(e.added) })}</Typography.Text>
                  )}
                  {e.removed.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('hospital.removed', { items: caps(e.removed) })}
                    </Typography.Text>
                  )}
                  {e.reason && (
                    <Typography.Text type="secondary">
                      {t('hospital.reasonGiven', { reason: e.reason })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {beijingTime(e.at)} · {e.actorName ? personName(e.actorName) : t('hospital.system')}
                    {e.role && ` · ${t(`roles.${e.role}`, { defaultValue: e.role })}`}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
