import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personName, properName } from '../../lib/proper-name.ts';
import { FreeSlots, RowActions } from './profile-table-ui.tsx';
import { dash, type HospitalProfile, type SpecialtyRow, specialtyLabel } from './profile-ui.ts';

/** The filed specialties: scope, disease areas, beds, concurrent trials against active ones, and their PIs. */
export function SpecialtiesCard({
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
