import type { BaseFigures as Figures } from '@ctp/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The base's figures, computed on the server from the platform's records (never typed in). */
export function BaseFiguresCard({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const items: [string, string | number][] = [
    [t('bases.figures.trialsLinked'), figures.trialsLinked],
    [t('bases.figures.trialsStarted'), figures.trialsStarted],
    [t('bases.figures.sitesActivated'), figures.sitesActivated],
    [
      t('bases.figures.medianStartupDays'),
      figures.medianStartupDays === null ? '—' : t('bases.figures.days', { value: figures.medianStartupDays }),
    ],
    [
      t('bases.figures.enrolment'),
      `${figures.enrolled} / ${figures.enrolmentTarget}${figures.enrolmentPct === null ? '' : ` (${figures.enrolmentPct}%)`}`,
    ],
    [t('bases.figures.registryTrials'), figures.registryTrialsOfMemberHospitals],
  ];
  return (
    <Card title={t('bases.figures.title')} data-testid="base-figures">
      <Row gutter={[16, 16]}>
        {items.map(([label, value]) => (
          <Col key={label} xs={12} md={8} xl={4}>
            <Statistic title={label} value={value} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('bases.figures.help')}
      </Typography.Paragraph>
    </Card>
  );
}
