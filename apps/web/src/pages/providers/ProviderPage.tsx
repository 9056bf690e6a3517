import { EditOutlined } from '@ant-design/icons';
import type { ProviderContact, ProviderQualificationView } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { districtLabel } from '../../components/place-labels.ts';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ProviderFormModal, type ProviderFormValues } from './ProviderFormModal.tsx';
import { areaLabel, categoryLabel, ExpiryNote, qualificationLabel } from './provider-ui.tsx';

/** A service provider's profile (issue 18): public to every signed-in role; its own admin keeps it. */
export default function ProviderPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const editing = useEntityModal<ProviderFormValues>();
  const provider = useQuery(trpc.providers.get.queryOptions({ id }));
  if (provider.isLoading) return <PageLoading />;
  if (provider.error || !provider.data)
    return <Empty description={apiError(provider.error, t('common.networkError')).message} style={{ marginTop: 64 }} />;
  const p = provider.data;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {properName(p.nameZh, p.nameEn, lang)}
            {p.isDemo && <Tag>{t('providers.demo')}</Tag>}
          </Space>
        }
        subtitle={p.summary ? <UserText text={p.summary} /> : t('providers.profileTitle')}
        extra={
          p.canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => editing.open()} data-testid="provider-edit">
              {t('providers.edit')}
            </Button>
          )
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="provider-profile">
        {p.expiringCount > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('providers.expiringCount', { count: p.expiringCount })}
            description={t('providers.expiryHint')}
            data-testid="provider-expiry-alert"
          />
        )}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('providers.category')}>
              <Space size={[0, 4]} wrap>
                {p.categories.map((c) => (
                  <Tag key={c} color="blue">
                    {categoryLabel(c, lang)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('providers.district')}>
              {p.districts.map((d) => districtLabel(d, lang)).join(t('punct.list'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('providers.areas')}>
              {p.therapeuticAreas.map((a) => areaLabel(a, lang)).join(t('punct.list')) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('providers.website')}>{p.website ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('providers.updatedAt')}>{beijingTime(p.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('providers.qualifications')}>
          <Table<ProviderQualificationView>
            rowKey={(q) => `${q.kind}-${q.number}`}
            size="middle"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.qualifications}
            locale={{ emptyText: t('providers.noQualifications') }}
            columns={[
              { title: t('providers.qualification'), key: 'kind', render: (_, q) => qualificationLabel(q.kind, lang) },
              { title: t('providers.number'), dataIndex: 'number' },
              { title: t('providers.issuedOn'), key: 'issuedOn', render: (_, q) => q.issuedOn ?? '—' },
              {
                title: t('providers.expiresOn'),
                key: 'expiresOn',
                render: (_, q) => (
                  <Space>
                    {q.expiresOn}
                    <ExpiryNote q={q} />
                  </Space>
                ),
              },
              { title: t('providers.scope'), key: 'scope', render: (_, q) => <UserText text={q.scope} /> },
            ]}
          />
        </Card>
        <Card title={t('providers.contacts')}>
          <Table<ProviderContact>
            rowKey={(c) => `${c.name}-${c.phone ?? ''}`}
            size="middle"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.contacts}
            columns={[
              { title: t('providers.contactName'), key: 'name', render: (_, c) => personName(c.name, lang) },
              { title: t('providers.contactTitle'), key: 'title', render: (_, c) => <UserText text={c.title} /> },
              { title: t('providers.phone'), key: 'phone', render: (_, c) => c.phone ?? '—' },
              { title: t('providers.email'), key: 'email', render: (_, c) => c.email ?? '—' },
            ]}
          />
        </Card>
      </Space>
      {p.canEdit && <ProviderFormModal provider={p} modal={editing} />}
    </>
  );
}
