import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personName } from '../../lib/proper-name.ts';
import { dash, type HospitalProfile } from './profile-ui.ts';

/** Whom a sponsor contacts at the hospital's trial office. */
export function ContactsCard({ profile }: { profile: HospitalProfile }) {
  const { t, i18n } = useTranslation();
  const h = profile.hospital;
  return (
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
  );
}
