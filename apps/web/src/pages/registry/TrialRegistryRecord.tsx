import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgLabel } from '../../components/OrgName.tsx';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { PhaseTags, RegistryLink, RegistryStatusTag } from './registry-ui.tsx';

/** On the trial page: the registry record that carries this trial's NCT or CTR number, when one was imported. */
export function TrialRegistryRecord({ trialId }: { trialId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const records = useQuery(trpc.registry.ofTrial.queryOptions({ trialId }));
  if (!records.data?.length) return null;
  return (
    <>
      {records.data.map((r) => (
        <Card
          key={r.registryId}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="trial-registry-record"
          title={
            <Space>
              {t('registry.trial.title')}
              <Tag variant="filled">{t(`registry.sourceShort.${r.source}`)}</Tag>
              <RegistryLink source={r.source} registryId={r.registryId} />
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t('registry.trial.intro')}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('registry.profile.title')} span={3}>
              {r.briefTitle}
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.profile.byStatus')}>
              <RegistryStatusTag status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.profile.byPhase')}>
              <PhaseTags phases={r.phases} />
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.trial.enrolment')}>{r.enrolment ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.profile.sponsor')}>{r.leadSponsor ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.profile.start')}>{r.startDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.trial.lastUpdate')}>{r.lastUpdateDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.trial.conditions')} span={3}>
              {[...r.conditions, ...r.mesh].join('; ') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(s) => `${s.facility}-${s.city}-${s.piName}`}
            // Platform hospitals first: those are the locations this platform knows.
            dataSource={[...r.sites].sort((a, b) => Number(!!b.hospitalId) - Number(!!a.hospitalId))}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            title={() => t('registry.trial.sites')}
            columns={[
              { title: t('registry.queue.rawName'), dataIndex: 'facility' },
              {
                title: t('registry.queue.city'),
                key: 'city',
                render: (_, s) => [s.city, s.country].filter(Boolean).join(', '),
              },
              {
                title: t('registry.trial.onPlatform'),
                key: 'hospital',
                render: (_, s) =>
                  s.hospitalId
                    ? orgLabel({ nameZh: s.hospitalName ?? '', nameEn: s.hospitalNameEn }, i18n.language)
                    : '—',
              },
              { title: t('registry.trial.pi'), key: 'pi', render: (_, s) => (s.piName ? personName(s.piName) : '—') },
            ]}
          />
          {r.ethics.length > 0 && (
            <Descriptions size="small" column={1} title={t('registry.trial.ethics')} style={{ marginTop: 12 }}>
              {r.ethics.map((e) => (
                <Descriptions.Item key={`${e.ecName}-${e.date}`} label={e.ecName}>
                  {t(`registry.trial.decisions.${e.decision}`)} {e.date ?? ''}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      ))}
    </>
  );
}
