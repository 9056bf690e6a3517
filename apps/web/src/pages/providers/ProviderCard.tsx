import type { ProviderListItem } from '@ctp/contracts';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtLabel } from '../../components/place-labels.ts';
import { properName } from '../../lib/proper-name.ts';
import { ProviderShortlistButton } from './ProviderShortlistButton.tsx';
import { areaLabel, categoryLabel, QualificationTag } from './provider-ui.tsx';

/** One provider in the search result: services, coverage and qualifications, the expiring ones flagged. */
export function ProviderCard({ item, canShortlist }: { item: ProviderListItem; canShortlist: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card size="small" data-testid={`provider-${item.id}`}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Link to={`/providers/${item.id}`}>
              <Typography.Text strong>{properName(item.nameZh, item.nameEn, lang)}</Typography.Text>
            </Link>
            {item.isDemo && <Tag>{t('providers.demo')}</Tag>}
            {item.expiringCount > 0 && (
              <Tag color="orange" data-testid="provider-expiring">
                {t('providers.expiringCount', { count: item.expiringCount })}
              </Tag>
            )}
          </Space>
          {canShortlist && <ProviderShortlistButton providerId={item.id} />}
        </Space>
        <Space size={[0, 4]} wrap>
          {item.categories.map((c) => (
            <Tag key={c} color="blue">
              {categoryLabel(c, lang)}
            </Tag>
          ))}
        </Space>
        <Typography.Text type="secondary">
          {t('providers.district')}
          {t('punct.colon')}
          {item.districts.map((d) => districtLabel(d, lang)).join(t('punct.list'))}
          {item.therapeuticAreas.length > 0 && (
            <>
              {' · '}
              {t('providers.areas')}
              {t('punct.colon')}
              {item.therapeuticAreas.map((a) => areaLabel(a, lang)).join(t('punct.list'))}
            </>
          )}
        </Typography.Text>
        <Space size={[0, 4]} wrap>
          {item.qualifications.map((q) => (
            <QualificationTag key={`${q.kind}-${q.number}`} q={q} />
          ))}
        </Space>
      </Space>
    </Card>
  );
}
