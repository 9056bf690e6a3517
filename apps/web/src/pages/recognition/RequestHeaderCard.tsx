import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick } from '../trials/site-ui.tsx';
import { RequestStepButtons } from './RequestStepButtons.tsx';
import { downloadBase64, type RecognitionDetail, RecognitionStateTag } from './recognition-ui.tsx';

/** Where the request stands: state, agreement, the letter once recognised, the fallback submission, and the steps. */
export function RequestHeaderCard({ r }: { r: RecognitionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card data-testid="recognition-header" style={{ marginBottom: 16 }}>
      <Space wrap size="middle">
        <RecognitionStateTag state={r.state} outcome={r.outcome} />
        <Typography.Text type="secondary">
          {t('recognition.request.agreement')}
          {t('punct.colon')}
          {pick(en, r.agreementName, r.agreementNameEn)}
        </Typography.Text>
        {r.letterNo && <RecognitionLetter id={r.id} letterNo={r.letterNo} />}
        {r.fallbackSubmissionId && (
          <Typography.Text data-testid="fallback">
            {t('recognition.request.fallback')} ·{' '}
            <Link to={`/ethics/submissions/${r.fallbackSubmissionId}`} data-testid="fallback-link">
              {t('recognition.request.fallbackLink')}
            </Link>
          </Typography.Text>
        )}
      </Space>
      {(r.conditions || r.reasons) && (
        <Alert
          style={{ marginTop: 12 }}
          type={r.reasons ? 'warning' : 'info'}
          title={
            <>
              {r.conditions ? t('recognition.request.conditions') : t('recognition.request.reasons')}
              {t('punct.colon')}
              <UserText text={r.conditions ?? r.reasons} />
            </>
          }
        />
      )}
      <RequestStepButtons r={r} />
    </Card>
  );
}

/** The recognition letter's number, its PDF to download and to view. */
function RecognitionLetter({ id, letterNo }: { id: string; letterNo: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const letter = useMutation({
    mutationFn: () => queryClient.fetchQuery(trpc.recognition.requests.letter.queryOptions({ id })),
    onSuccess: (l) => downloadBase64(l.fileName, l.base64),
    onError: (e) => message.error(apiError(e, t('common.networkError')).message),
  });
  return (
    <>
      <Typography.Text>
        {t('recognition.request.letterNo')}
        {t('punct.colon')}
        <span className="ctp-mono" data-testid="letter-no">
          {letterNo}
        </span>
      </Typography.Text>
      <Button size="small" onClick={() => letter.mutate()} data-testid="recognition-letter">
        {t('recognition.request.letter')}
      </Button>
      <Button
        size="small"
        type="link"
        href={`/api/files/recognition-letters/${encodeURIComponent(id)}`}
        target="_blank"
        data-testid="recognition-letter-view"
      >
        {t('recognition.request.letterView')}
      </Button>
    </>
  );
}
