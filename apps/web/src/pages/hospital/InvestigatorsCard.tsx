import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personName } from '../../lib/proper-name.ts';
import { FreeSlots, RowActions } from './profile-table-ui.tsx';
import { dash, type HospitalProfile, type InvestigatorRow, specialtyLabel } from './profile-ui.ts';

/** The investigators: title and level (who may lead a drug trial), specialties, GCP training, load. */
export function InvestigatorsCard({
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
