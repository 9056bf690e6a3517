import { titleLabel } from '@ctp/contracts';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personName } from '../../lib/proper-name.ts';
import { DelayCell } from './DelayReasons.tsx';
import { EnrolmentCell, MilestonesCell, NextStepCell, pick, type SiteRow, SiteStateTag } from './site-ui.tsx';

/** The board table, shared by the sponsor's trial page and the hospital's / PI's site board. */
export function SiteTable({
  sites,
  loading,
  actions,
  showTrial,
  emptyText,
  delayEditable,
}: {
  sites: SiteRow[];
  loading: boolean;
  actions?: (s: SiteRow) => React.ReactNode;
  /** Whether the viewer records delay reasons for this site (its trial office, the trial's sponsor). */
  delayEditable?: (s: SiteRow) => boolean;
  /** The hospital's / PI's board: one column for the trial, and the hospital (always their own) left out. */
  showTrial?: boolean;
  emptyText?: string;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Table<SiteRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={sites}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1100 }}
      data-testid="site-board"
      onRow={(s) => ({ 'data-testid': `site-row-${s.hospitalId}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={emptyText ?? t('trials.board.empty')} /> }}
      columns={[
        ...(showTrial
          ? [
              {
                title: t('trials.siteBoard.trial'),
                key: 'trial',
                width: 260,
                render: (_: unknown, s: SiteRow) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/trials/${s.trialId}`} className="ctp-trial-title">
                      {pick(en, s.trialTitle, s.trialTitleEn)}
                    </Link>
                    <Typography.Text type="secondary" className="ctp-muted-inline">
                      {pick(en, s.sponsorName, s.sponsorNameEn)} · {t(`trials.phases.${s.trialPhase}`)}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: showTrial
            ? t('trials.board.specialty')
            : `${t('trials.board.hospital')} · ${t('trials.board.specialty')}`,
          key: 'hospital',
          width: showTrial ? 130 : 200,
          render: (_, s) => (
            <Space orientation="vertical" size={0}>
              <span>
                {showTrial ? pick(en, s.specialtyName, s.specialtyNameEn) : pick(en, s.hospitalName, s.hospitalNameEn)}
                {s.role === 'lead' && (
                  <Tag color="gold" variant="filled" style={{ marginInlineStart: 6 }}>
                    {t('trials.board.lead')}
                  </Tag>
                )}
              </span>
              {!showTrial && (
                <Typography.Text type="secondary">{pick(en, s.specialtyName, s.specialtyNameEn)}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('trials.board.pi'),
          key: 'pi',
          width: 110,
          render: (_, s) =>
            s.piName ? (
              <span title={s.piTitle ? titleLabel(s.piTitle, i18n.language) : undefined}>
                {personName(s.piName, i18n.language)}
              </span>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: t('trials.board.state'),
          key: 'state',
          width: 110,
          render: (_, s) => <SiteStateTag state={s.state} />,
        },
        {
          title: t('trials.board.daysInState'),
          key: 'days',
          width: 80,
          render: (_, s) => t('trials.days', { n: s.daysInState }),
        },
        {
          title: t('trials.board.milestones'),
          key: 'milestones',
          width: 180,
          render: (_, s) => <MilestonesCell milestones={s.milestones} />,
        },
        {
          title: t('trials.board.enrolment'),
          key: 'enrolment',
          width: 130,
          render: (_, s) => <EnrolmentCell site={s} />,
        },
        {
          title: t('trials.board.nextStep'),
          key: 'next',
          width: 190,
          render: (_, s) => (
            <>
              <NextStepCell next={s.nextStep} />
              <DelayCell site={s} editable={delayEditable?.(s) ?? false} />
            </>
          ),
        },
        ...(actions
          ? [{ title: t('common.actions'), key: 'actions', width: 160, render: (_: unknown, s: SiteRow) => actions(s) }]
          : []),
      ]}
    />
  );
}
