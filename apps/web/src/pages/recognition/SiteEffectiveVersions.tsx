import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { effectiveFrom } from '../ethics/effective-from.ts';

/**
 * A recognised site's effective versions (bound by the recognition and by each acknowledged amendment), with the
 * superseded-ICF warning. Only for those who may read them (the site, its EC, the sponsor): for anyone else the query
 * is refused and the card is not shown.
 */
export function SiteEffectiveVersions({
  trialSiteId,
  icfSuperseded,
  leadIcfLabel,
}: {
  trialSiteId: string;
  icfSuperseded: boolean;
  leadIcfLabel: string | null;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const effective = useQuery(trpc.submissions.effectiveDocuments.queryOptions({ trialSiteId }, { retry: false }));
  if (!effective.data) return null;
  return (
    <Card title={t('recognition.request.siteVersions')} style={{ marginBottom: 16 }} data-testid="site-versions">
      {icfSuperseded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="request-icf-superseded"
          title={t('recognition.request.icfSuperseded', { lead: leadIcfLabel ?? '—' })}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={
          effective.data.length
            ? effective.data.map((e) => ({
                key: e.kind,
                label: t(`documents.kinds.${e.kind}`),
                children: (
                  <span data-testid={`site-version-${e.kind}`}>
                    <a href={`/api/files/documents/${encodeURIComponent(e.documentId)}`} target="_blank" rel="noopener">
                      <strong>{e.versionLabel}</strong>
                    </a>{' '}
                    · {e.versionDate} <Typography.Text type="secondary">{effectiveFrom(t, e)}</Typography.Text>
                  </span>
                ),
              }))
            : [{ key: 'none', label: '—', children: t('documents.effectiveEmpty') }]
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('recognition.request.siteVersionsHelp')}
      </Typography.Text>
    </Card>
  );
}
