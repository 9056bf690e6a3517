import type { StageStatus } from '@ctp/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Stage = StageStatus & { reason: string | null; attribution: string | null };

/**
 * A site's start-up stages against the 60/60/30 targets, as the trial page's delay prompt shows them (the same
 * `stageStatuses` on the server): each late stage in red (overdue) or orange (reached late) with its reason.
 */
export function SiteStages({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const late = stages.filter((s) => s.status === 'missed' || s.status === 'overdue');
  if (!late.length)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {stages.length ? t('projects.onTime') : '—'}
      </Typography.Text>
    );
  return (
    <Space direction="vertical" size={2}>
      {late.map((s) => (
        <div key={s.stage} data-testid={`stage-${s.stage}-${s.status}`}>
          <Tooltip title={t('delays.lateTitle', { target: s.targetDate, rule: t(`delays.stageTargets.${s.stage}`) })}>
            <Tag color={s.status === 'overdue' ? 'red' : 'orange'}>
              {t('delays.late', { stage: t(`delays.stages.${s.stage}`), count: s.daysLate })}
            </Tag>
          </Tooltip>
          <Typography.Text type={s.reason ? undefined : 'warning'} style={{ fontSize: 12 }}>
            {s.reason && s.attribution
              ? t('projects.reasonOf', {
                  reason: t(`delays.reasons.${s.reason}`),
                  attribution: t(`delays.attributions.${s.attribution}`),
                })
              : t('projects.noReason')}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}
