import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { capabilityLabel, type HospitalProfile } from './profile-ui.ts';

/** The profile's change history from the audit log: what changed, by whom, when. */
export function HistoryCard({ profile: p }: { profile: HospitalProfile }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const fields = (keys: string[]) =>
    keys.map((k) => t(`hospital.fields.${k}`, { defaultValue: k })).join(en ? ', ' : '、');
  const caps = (codes: string[]) => codes.map((c) => capabilityLabel(c, en)).join(en ? ', ' : '、');
  return (
    <Card
      title={t('hospital.history')}
      extra={<Typography.Text type="secondary">{t('hospital.historyNote')}</Typography.Text>}
      style={{ height: '100%' }}
    >
      {p.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hospital.noHistory')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto', paddingTop: 8 }} data-testid="history">
          <Timeline
            items={p.history.map((e) => ({
              key: e.id,
              color: e.action.endsWith('.retire') ? 'red' : e.action.endsWith('.add') ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2}>
                  <span>
                    <Typography.Text strong>
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    </Typography.Text>
                    {e.subject && <span> · {en ? e.subject.en : e.subject.zh}</span>}
                  </span>
                  {e.changes.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('hospital.changed', { fields: fields(e.changes) })}
                    </Typography.Text>
                  )}
                  {e.added.length > 0 && (
                    <Typography.Text type="secondary">{t('hospital.added', { items: caps(e.added) })}</Typography.Text>
                  )}
                  {e.removed.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('hospital.removed', { items: caps(e.removed) })}
                    </Typography.Text>
                  )}
                  {e.reason && (
                    <Typography.Text type="secondary">
                      {t('hospital.reasonGiven', { reason: e.reason })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {beijingTime(e.at)} · {e.actorName ? personName(e.actorName) : t('hospital.system')}
                    {e.role && ` · ${t(`roles.${e.role}`, { defaultValue: e.role })}`}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
