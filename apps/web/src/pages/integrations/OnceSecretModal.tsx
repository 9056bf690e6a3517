import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a token or a signing secret the one time it exists in clear; the server keeps only its digest or uses it to sign. */
export function OnceSecretModal({
  title,
  help,
  secret,
  onClose,
}: {
  title: string;
  help: string;
  secret: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard?.writeText(secret).then(
      () => message.success(t('integrations.tokens.copied')),
      () => undefined,
    );
  };
  return (
    <Modal
      open={secret !== null}
      title={title}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('integrations.tokens.done')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={help} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret ?? ''} data-testid="secret-value" style={{ fontFamily: 'monospace' }} />
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('integrations.tokens.copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
}
