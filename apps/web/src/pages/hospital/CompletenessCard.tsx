import type { ProfileCompletenessKey } from '@ctp/contracts';
import { Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingDate } from '../../lib/beijing-time.ts';
import type { HospitalProfile } from './profile-ui.ts';

export function CompletenessCard({ profile: p }: { profile: HospitalProfile }) {
  const { t } = useTranslation();
  const { percent, missing } = p.completeness;
  return (
    <Card title={t('hospital.completeness')} size="small" data-testid="completeness">
      <Flex gap={16} align="center">
        <Progress type="circle" size={72} percent={percent} status={percent === 100 ? 'success' : 'normal'} />
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <span>
            <Typography.Text type="secondary">{t('hospital.lastConfirmed')}</Typography.Text>
            <span data-testid="last-confirmed">
              {p.lastConfirmedAt ? beijingDate(p.lastConfirmedAt) : t('hospital.neverConfirmed')}
            </span>{' '}
            {p.stale && <Tag color="orange">{t('hospital.stale')}</Tag>}
          </span>
          {missing.length === 0 ? (
            <Typography.Text type="success">{t('hospital.completeAll')}</Typography.Text>
          ) : (
            <div>
              <Typography.Text type="secondary">{t('hospital.missing')}</Typography.Text>
              <Space size={[4, 4]} wrap>
                {missing.map((k: ProfileCompletenessKey) => (
                  <Tag key={k} variant="filled" color="warning">
                    {t(`hospital.completenessItems.${k}`)}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
