import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DueCell } from '../ethics/ethics-ui.tsx';
import { pick } from '../trials/site-ui.tsx';
import { type RecognitionBoard, RecognitionStateTag } from './recognition-ui.tsx';

type Row = RecognitionBoard['rows'][number];

/** The sponsor's and the lead EC's board of a trial: every site's recognition state, clock and overdue flag. */
export default function RecognitionBoardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const board = useQuery(trpc.recognition.board.queryOptions({ trialId: id }));
  if (board.isLoading) return <Card loading />;
  if (board.error || !board.data)
    return <Result status="404" title={apiError(board.error, t('common.networkError')).message} />;
  const b = board.data;
  return (
    <>
      <PageHeader
        title={`${t('recognition.board.title')} · ${pick(en, b.trialTitle, b.trialTitleEn)}`}
        subtitle={t('recognition.board.subtitle')}
        extra={<Link to={`/trials/${b.trialId}`}>{pick(en, b.trialTitle, b.trialTitleEn)}</Link>}
      />
      <Alert
        style={{ marginBottom: 16 }}
        type={b.summary.overdue ? 'warning' : 'info'}
        showIcon
        data-testid="board-summary"
        title={t('recognition.board.summary', b.summary)}
        description={
          b.leadSubmission?.outcome
            ? `${t('recognition.board.lead')}${en ? ': ' : '：'}${pick(en, b.leadCommitteeName ?? '', b.leadCommitteeNameEn)} · ${t(`ethics.outcomes.${b.leadSubmission.outcome}`)} ${b.leadSubmission.decidedDate ?? ''}`
            : t('recognition.board.leadNotDecided')
        }
      />
      <Card>
        <Table<Row>
          rowKey="trialSiteId"
          dataSource={b.rows}
          pagination={false}
          data-testid="recognition-board"
          onRow={(r) => ({ 'data-testid': `board-row-${r.trialSiteId}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty /> }}
          columns={[
            {
              title: t('recognition.board.site'),
              key: 's',
              render: (_, r) => pick(en, r.hospitalName, r.hospitalNameEn),
            },
            {
              title: t('recognition.board.role'),
              key: 'r',
              width: 110,
              render: (_, r) => t(`recognition.board.roles.${r.role}`),
            },
            {
              title: t('recognition.board.siteState'),
              key: 'ss',
              width: 120,
              render: (_, r) => t(`trials.states.${r.siteState}`),
            },
            {
              title: t('recognition.board.recognition'),
              key: 'rec',
              render: (_, r) =>
                r.request ? (
                  <Space orientation="vertical" size={2}>
                    <Link to={`/recognition/requests/${r.request.id}`}>
                      <RecognitionStateTag state={r.request.state} outcome={r.request.outcome} />
                    </Link>
                    {r.request.fallbackSubmissionId && (
                      <Link to={`/ethics/submissions/${r.request.fallbackSubmissionId}`} data-testid="board-fallback">
                        {t('recognition.request.fallbackLink')}
                      </Link>
                    )}
                  </Space>
                ) : r.role === 'lead' ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text type="secondary">{t('recognition.board.noRequest')}</Typography.Text>
                    {r.skipReason && (
                      <Tag data-testid="skip-reason">{t(`recognition.skipReasons.${r.skipReason}`)}</Tag>
                    )}
                  </Space>
                ),
            },
            {
              title: t('recognition.board.due'),
              key: 'd',
              width: 200,
              render: (_, r) => (r.request ? <DueCell clock={r.request.clock} /> : null),
            },
            {
              title: t('recognition.board.icf'),
              key: 'icf',
              width: 130,
              render: (_, r) => (
                <span data-testid="effective-icf">{r.effectiveIcf ? r.effectiveIcf.versionLabel : '—'}</span>
              ),
            },
            {
              title: t('recognition.board.flags'),
              key: 'f',
              render: (_, r) => (
                <Space wrap>
                  {r.icfSuperseded && (
                    <Tooltip title={t('recognition.board.icfLead', { lead: b.leadIcf?.versionLabel ?? '—' })}>
                      <Tag color="red" data-testid="icf-superseded">
                        {t('recognition.board.icfSuperseded')}
                      </Tag>
                    </Tooltip>
                  )}
                  {(r.request?.openObjections ?? 0) > 0 && (
                    <Tag color="orange">
                      {t('recognition.board.openObjections', { count: r.request!.openObjections })}
                    </Tag>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
