import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { capabilityLabel, type HospitalProfile } from './profile-ui.ts';

/** The capabilities ticked (central pharmacy, −80 ℃ storage, …); its site admin edits them. */
export function CapabilitiesCard({ profile, onEdit }: { profile: HospitalProfile; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card
      title={t('hospital.capabilities')}
      extra={
        onEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-capabilities">
            {t('hospital.editCapabilities')}
          </Button>
        )
      }
      style={{ height: '100%' }}
    >
      {profile.capabilities.length ? (
        <Space size={[6, 6]} wrap data-testid="capabilities">
          {profile.capabilities.map((c) => (
            <Tag key={c} color="geekblue" variant="filled">
              {capabilityLabel(c, en)}
            </Tag>
          ))}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noCapabilities')} />
      )}
    </Card>
  );
}
