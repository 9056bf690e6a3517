import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A tiny ECharts wrapper: the chart library is imported on first use (its own chunk), rendered as SVG so charts
 * stay sharp when the monthly report is printed or saved as PDF.
 */
export function EChart({
  option,
  height = 300,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    let disposed = false;
    let chart: {
      setOption: (o: EChartsCoreOption, notMerge?: boolean) => void;
      resize: () => void;
      dispose: () => void;
    } | null = null;
    let observer: ResizeObserver | null = null;
    void import('./echarts-core.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option }, true);
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative', height }} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <div ref={ref} style={{ width: '100%', height }} />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: '#999' }}>
          {t('commission.charts.loading')}
        </div>
      )}
    </div>
  );
}
