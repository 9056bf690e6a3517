import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { orgLabel } from '../components/OrgName.tsx';
import { districtLabel, levelLabel } from '../components/place-labels.ts';
import { TodoCard } from '../components/TodoCard.tsx';
import { navFor } from '../layout/nav.tsx';
import { personName, properName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { me, active, actor } = useSession();
  const trpc = useTRPC();
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));
  const org = useQuery({
    ...trpc.organisations.get.queryOptions({ id: active?.orgId ?? '' }),
    enabled: Boolean(active),
  });
  const count = (kinds: string[]) => orgs.data?.filter((o) => kinds.includes(o.kind)).length ?? 0;

  if (!active) {
    return (
      <Card>
        <Typography.Title level={4}>{t('noRole.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('noRole.subtitle')}</Typography.Text>
      </Card>
    );
  }

  return (
    <div className="ctp-home" data-testid={`home-${active.role}`}>
      <Card className="ctp-welcome" variant="borderless">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home.greeting', { name: personName(me.user.name, i18n.language) })}
        </Typography.Title>
        <Typography.Text className="ctp-welcome-sub">
          {t('home.actingAs', { org: orgLabel(active, i18n.language), role: t(`roles.${active.role}`) })}
        </Typography.Text>
        <Typography.Paragraph className="ctp-welcome-intro">{t(`home.roleIntro.${active.role}`)}</Typography.Paragraph>
      </Card>
      <TodoCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.orgCard')} data-testid="home-org">
            {org.isLoading ? (
              <Skeleton active />
            ) : org.data ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('directory.name')}>
                  <Link
                    to={
                      org.data.kind === 'hospital'
                        ? `/hospitals/${org.data.id}`
                        : org.data.kind === 'provider'
                          ? `/providers/${org.data.id}`
                          : `/directory/${org.data.id}`
                    }
                  >
                    {orgLabel(org.data, i18n.language)}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('directory.kind')}>{t(`orgKinds.${org.data.kind}`)}</Descriptions.Item>
                {org.data.kind === 'hospital' && (
                  <>
                    <Descriptions.Item label={t('directory.district')}>
                      {districtLabel(org.data.district, i18n.language) ?? t('common.unknown')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('directory.level')}>
                      {levelLabel(org.data.level, i18n.language) ?? t('common.unknown')}
                    </Descriptions.Item>
                  </>
                )}
                {active.committeeName && (
                  <Descriptions.Item label={t('home.committee')}>
                    {properName(active.committeeName, active.committeeNameEn)}
                  </Descriptions.Item>
                )}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.platformFigures')}>
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('home.hospitals')} value={count(['hospital'])} loading={orgs.isLoading} />
              </Col>
              <Col span={12}>
                <Statistic title={t('home.sponsors')} value={count(['sponsor', 'cro'])} loading={orgs.isLoading} />
              </Col>
            </Row>
          </Card>
          <Card title={t('home.shortcuts')} style={{ marginTop: 16 }}>
            {navFor(actor)
              .filter((i) => i.path !== '/')
              .map((i) => (
                <Link key={i.path} to={i.path} className="ctp-shortcut">
                  <Tag icon={i.icon} color="processing" variant="filled">
                    {t(i.labelKey)}
                  </Tag>
                </Link>
              ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
