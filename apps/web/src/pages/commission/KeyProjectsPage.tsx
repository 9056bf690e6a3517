import { POLICIES, type SiteState } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingDate } from '../../lib/beijing-time.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick, SiteStateTag } from '../trials/site-ui.tsx';
import { useCommissionNames } from './commission-ui.tsx';
import { KeyProjectTag } from './key-project-tag.tsx';
import type { RouterOutputs } from './types.ts';

type BoardTrial = RouterOutputs['keyProjects']['board']['trials'][number];
type BoardSite = BoardTrial['sites'][number];

function FlagForm() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const trials = useQuery(trpc.trials.list.queryOptions({}));
  const [form] = Form.useForm<{ trialId: string; reason: string }>();
  const flag = useMutation(
    trpc.keyProjects.flag.mutationOptions({
      onSuccess: () => {
        message.success(t('commission.keyProjects.flagged'));
        form.resetFields();
        void qc.invalidateQueries({ queryKey: trpc.keyProjects.pathKey() });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  const en = i18n.language === 'en';
  const list = (trials.data ?? []) as { id: string; titleZh: string; titleEn: string | null }[];
  return (
    <Form form={form} layout="inline" onFinish={(v) => flag.mutate({ ...v, flagged: true })} data-testid="flag-form">
      <Form.Item name="trialId" rules={[{ required: true, message: t('commission.keyProjects.trial') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('commission.keyProjects.trial')}
          style={{ width: 460 }}
          options={list.map((tr) => ({ value: tr.id, label: pick(en, tr.titleZh, tr.titleEn) }))}
          data-testid="flag-trial"
        />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, min: 2, message: t('commission.keyProjects.reason') }]}>
        <Input placeholder={t('commission.keyProjects.reason')} style={{ width: 260 }} data-testid="flag-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={flag.isPending} data-testid="flag-submit">
        {t('commission.keyProjects.flag')}
      </Button>
    </Form>
  );
}

/** 重点攻关项目 board: every site's state, open review clock and overdue step against the 60/60/30 targets. */
export default function KeyProjectsPage() {
  const { t, i18n } = useTranslation();
  const names = useCommissionNames();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { actor } = useSession();
  const canSteer = POLICIES.steerMetrics.allows(actor);
  const board = useQuery(trpc.keyProjects.board.queryOptions());
  const unflag = useMutation(
    trpc.keyProjects.flag.mutationOptions({
      onSuccess: () => {
        message.success(t('commission.keyProjects.unflagged'));
        void qc.invalidateQueries({ queryKey: trpc.keyProjects.pathKey() });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  const en = i18n.language === 'en';
  return (
    <>
      <PageHeader title={t('commission.keyProjects.title')} subtitle={t('commission.keyProjects.subtitle')} />
      {canSteer && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <FlagForm />
        </Card>
      )}
      {board.error && <Alert type="error" showIcon title={apiError(board.error, t('common.networkError')).message} />}
      {board.data && board.data.trials.length === 0 && <Empty description={t('commission.keyProjects.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="key-project-board">
        {board.data?.trials.map((tr) => (
          <Card
            key={tr.trialId}
            title={
              <Space wrap>
                <KeyProjectTag />
                <Link to={`/trials/${tr.trialId}`}>{pick(en, tr.title, tr.titleEn)}</Link>
                {tr.projects.map((p) => (
                  <Link key={p.id} to={`/projects/${p.id}`}>
                    <Tag color="purple">{properName(p.titleZh, p.titleEn, i18n.language)}</Tag>
                  </Link>
                ))}
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">
                  {properName(tr.sponsorName, null, i18n.language)} ·{' '}
                  {t('commission.keyProjects.flaggedAt', { date: beijingDate(tr.flaggedAt) })}
                </Typography.Text>
                {canSteer && (
                  <Popconfirm
                    title={t('commission.keyProjects.unflag')}
                    onConfirm={() =>
                      unflag.mutate({ trialId: tr.trialId, flagged: false, reason: t('commission.keyProjects.unflag') })
                    }
                  >
                    <Button size="small">{t('commission.keyProjects.unflag')}</Button>
                  </Popconfirm>
                )}
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">
              {t('commission.keyProjects.reason')}
              {t('punct.colon')}
              <UserText text={tr.reason} />
            </Typography.Paragraph>
            <Table<BoardSite>
              rowKey="trialSiteId"
              size="small"
              pagination={false}
              dataSource={tr.sites}
              columns={[
                {
                  title: t('commission.keyProjects.site'),
                  key: 'site',
                  render: (_, s) =>
                    `${names.hospital(null, s.hospitalName)} · ${names.specialty(null, s.specialtyName)}`,
                },
                {
                  title: t('commission.keyProjects.state'),
                  key: 'state',
                  render: (_, s) => <SiteStateTag state={s.state as SiteState} />,
                },
                { title: t('commission.keyProjects.daysInState'), dataIndex: 'daysInState', align: 'right' },
                {
                  title: t('commission.keyProjects.clock'),
                  key: 'clock',
                  render: (_, s) =>
                    s.openSubmission?.clock ? (
                      <Typography.Text type={s.openSubmission.clock.isOverdue ? 'danger' : undefined}>
                        {s.openSubmission.clock.isOverdue ? `${t('commission.keyProjects.overdueClock')} · ` : ''}
                        {t('commission.keyProjects.due', {
                          date: s.openSubmission.clock.dueDate,
                          used: s.openSubmission.clock.usedDays,
                          limit: s.openSubmission.clock.limitDays,
                        })}
                        {s.openSubmission.clock.calendarUnknown && (
                          <Tooltip title={t('calendar.unknownWarningHelp')}>
                            <Tag color="warning" style={{ marginLeft: 4 }} data-testid="clock-calendar-unknown">
                              {t('calendar.unknownWarning')}
                            </Tag>
                          </Tooltip>
                        )}
                      </Typography.Text>
                    ) : (
                      t('commission.keyProjects.none')
                    ),
                },
                {
                  title: t('commission.keyProjects.overdue'),
                  key: 'overdue',
                  render: (_, s) =>
                    s.overdue ? (
                      <Tag color="red">
                        {t('commission.keyProjects.overdueText', {
                          stage: t(`commission.keyProjects.overdueStage.${s.overdue.stage}`),
                          count: s.overdue.daysOver,
                          date: s.overdue.dueDate,
                        })}
                      </Tag>
                    ) : (
                      t('commission.keyProjects.none')
                    ),
                },
              ]}
            />
          </Card>
        ))}
      </Space>
    </>
  );
}
