import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.tsx';
import { pick } from '../trials/site-ui.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';

/** What the lead EC decided and approved: the basis the local EC recognises. */
export function LeadDecisionCard({ r }: { r: RecognitionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const lead = r.leadDecision;
  return (
    <Card title={t('recognition.request.leadTitle')} style={{ marginBottom: 16 }} data-testid="lead-decision">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('recognition.request.leadCommittee')}>
          {pick(en, lead.committeeName, lead.committeeNameEn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('recognition.request.leadOutcome')}>
          {lead.outcome ? t(`ethics.outcomes.${lead.outcome}`) : '—'} {lead.decidedDate ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('recognition.request.leadConditions')}>
          <UserText text={lead.conditions} />
        </Descriptions.Item>
        <Descriptions.Item label={t('recognition.request.leadLetter')}>
          {lead.letter ? `${lead.letter.letterNo} (${lead.letter.issueDate})` : '—'}
          {lead.letter && r.leadLetterReadable && (
            <Button
              size="small"
              type="link"
              href={`/api/files/letters/${encodeURIComponent(r.leadSubmissionId)}?download=1`}
              data-testid="lead-letter-download"
            >
              {t('recognition.request.leadLetterDownload')}
            </Button>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('recognition.request.leadOpinions')}>
          {lead.opinions.length
            ? lead.opinions.map((o) => (
                <div key={o.at}>
                  <UserText text={o.comment} />
                </div>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('recognition.request.leadVersions')}>
          {lead.approvedVersions.length
            ? lead.approvedVersions.map((v) => (
                <Tag key={`${v.kind}-${v.versionLabel}`}>
                  <a
                    href={`/api/files/documents/${encodeURIComponent(v.documentId)}`}
                    target="_blank"
                    rel="noopener"
                    data-testid={`lead-version-${v.kind}`}
                  >
                    {t(`documents.kinds.${v.kind}`)} {v.versionLabel}
                  </a>
                </Tag>
              ))
            : t('recognition.request.noVersions')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('recognition.request.leadNote')}
      </Typography.Text>
    </Card>
  );
}
