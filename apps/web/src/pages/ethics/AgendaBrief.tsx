import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personName, properName } from '../../lib/proper-name.ts';
import type { AgendaItem } from './meeting-ui.tsx';

/** The item as the chair needs it (issue 14): trial, PI, sponsor, risk and the primary reviewers' opinions. */
export function AgendaBrief({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="agenda-brief">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'trial',
            label: t('meetings.meeting.trial'),
            span: 2,
            children: properName(item.trialTitle, item.trialTitleEn),
          },
          { key: 'pi', label: t('meetings.meeting.pi'), children: item.piName ? personName(item.piName) : '—' },
          {
            key: 'sponsor',
            label: t('meetings.meeting.sponsor'),
            children: properName(item.sponsorName, item.sponsorNameEn),
          },
          {
            key: 'risk',
            label: t('meetings.meeting.risk'),
            children: (
              <Tag color={item.riskLevel === 'high' ? 'red' : item.riskLevel === 'medium' ? 'orange' : 'green'}>
                {t(`ethics.risk.${item.riskLevel}`)}
              </Tag>
            ),
          },
        ]}
      />
      <div data-testid="primary-reviews">
        <Typography.Text strong>{t('meetings.meeting.primaryReviews')}</Typography.Text>
        {item.primaryReviews.length === 0 ? (
          <Typography.Text type="secondary"> {t('meetings.meeting.noPrimaryReviewers')}</Typography.Text>
        ) : (
          item.primaryReviews.map((r) => (
            <div key={r.memberId} className="ctp-muted-inline" data-testid="primary-review">
              <Typography.Text>{r.name}</Typography.Text>
              {' · '}
              {r.recommendedOutcome ? (
                <>
                  <Tag>{t(`ethics.outcomes.${r.recommendedOutcome}`)}</Tag>
                  <Typography.Text type="secondary">{r.opinion}</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">
                  {r.submitted ? t('meetings.meeting.reviewHidden') : t('meetings.meeting.reviewPending')}
                </Typography.Text>
              )}
            </div>
          ))
        )}
      </div>
    </Flex>
  );
}
