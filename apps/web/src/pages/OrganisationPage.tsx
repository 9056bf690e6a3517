import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { orgLabel } from '../components/OrgName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { apiError } from '../lib/api-error.ts';
import { useTRPC } from '../lib/trpc.ts';

export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const org = useQuery(trpc.organisations.get.queryOptions({ id }));
  if (org.isLoading) return <Skeleton active />;
  if (org.error || !org.data) {
    return (
      <Result
        status="404"
        title={t('directory.notFound')}
        subTitle={org.error ? apiError(org.error, t('common.networkError')).message : null}
        extra={
          <Link to="/directory">
            <Button type="primary">{t('directory.back')}</Button>
          </Link>
        }
      />
    );
  }
  const o = org.data;
  // Hospitals have a full profile page (capacity, investigators, history); the directory keeps the other kinds.
  if (o.kind === 'hospital') return <Navigate to={`/hospitals/${o.id}`} replace />;
  const other = i18n.language === 'en' ? o.nameZh : o.nameEn;
  return (
    <>
      <PageHeader
        title={orgLabel(o, i18n.language)}
        subtitle={other}
        extra={<Link to="/directory">{t('directory.back')}</Link>}
      />
      <Card title={t('directory.profile')}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('directory.kind')}>{t(`orgKinds.${o.kind}`)}</Descriptions.Item>
          {o.aliases.length > 0 && (
            <Descriptions.Item label={t('directory.aliases')} span={2}>
              <Space size={[4, 4]} wrap>
                {o.aliases.map((a) => (
                  <Tag key={a} variant="filled">
                    {a}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </>
  );
}
