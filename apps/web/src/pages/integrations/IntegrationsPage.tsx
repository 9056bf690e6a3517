import { ApiOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TokensCard } from './TokensCard.tsx';
import { WebhooksCard } from './WebhooksCard.tsx';

/** 开放接口 (issue 17): the organisation's API tokens and webhooks, and the way to the API reference. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        subtitle={t('integrations.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<FileTextOutlined />} href="/api/docs" target="_blank" rel="noopener">
              {t('integrations.docs')}
            </Button>
            <Button icon={<ApiOutlined />} href="/api/v1/openapi.json" target="_blank" rel="noopener">
              {t('integrations.openapi')}
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <TokensCard />
        <WebhooksCard />
      </Space>
    </>
  );
}
