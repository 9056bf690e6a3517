import { useQuery } from '@tanstack/react-query';
import { Card, Col, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DueCell } from '../ethics/ethics-ui.tsx';
import { pick } from '../trials/site-ui.tsx';
import { AcksCard } from './AcksCard.tsx';
import { LeadDecisionCard } from './LeadDecisionCard.tsx';
import { LocalChecklistCard } from './LocalChecklistCard.tsx';
import { ObjectionsCard } from './ObjectionsCard.tsx';
import { PacketCard } from './PacketCard.tsx';
import { RecognitionTimelineCard } from './RecognitionTimelineCard.tsx';
import { RequestHeaderCard } from './RequestHeaderCard.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { SiteEffectiveVersions } from './SiteEffectiveVersions.tsx';

/**
 * One recognition request: the lead EC's decision, the local packet and checklist, the EC's steps, objections, acks.
 * Each card is one job in its own file; each step that needs words is its own modal (`RequestStepModals.tsx`).
 */
export default function RecognitionRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.recognition.requests.get.queryOptions({ id }));
  if (query.isLoading) return <Card loading />;
  if (query.error || !query.data)
    return (
      <Result
        status="404"
        title={t('recognition.request.notFound')}
        subTitle={query.error ? apiError(query.error, t('common.networkError')).message : undefined}
        extra={<Link to="/recognition">{t('recognition.request.back')}</Link>}
      />
    );
  return <RequestView r={query.data} />;
}

function RequestView({ r }: { r: RecognitionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      <PageHeader
        title={pick(en, r.trialTitle, r.trialTitleEn)}
        subtitle={`${pick(en, r.hospitalName, r.hospitalNameEn)} · ${pick(en, r.committeeName, r.committeeNameEn)}`}
        extra={<Link to="/recognition">{t('recognition.request.back')}</Link>}
      />
      <RequestHeaderCard r={r} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <PacketCard r={r} />
          <LocalChecklistCard r={r} />
          <ObjectionsCard r={r} />
          <AcksCard r={r} />
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('recognition.request.clock')} style={{ marginBottom: 16 }} data-testid="recognition-clock">
            <DueCell clock={r.clock} />
          </Card>
          <SiteEffectiveVersions
            trialSiteId={r.trialSiteId}
            icfSuperseded={r.icfSuperseded}
            leadIcfLabel={r.leadDecision.approvedVersions.find((v) => v.kind === 'icf')?.versionLabel ?? null}
          />
          <LeadDecisionCard r={r} />
          <RecognitionTimelineCard r={r} />
        </Col>
      </Row>
    </>
  );
}
