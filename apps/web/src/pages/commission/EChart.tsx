import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Gives the chart's SVG a viewBox of its own size, so print CSS can scale it to the page: a printed page is narrower
 * than the screen and the chart is not re-rendered for it (the report's trend chart lost its right axis).
 */
function scalableSvg(box: HTMLElement) {
  const svg = box.querySelector('svg');
  const width = svg?.getAttribute('width');
  const height = svg?.getAttribute('height');
  if (svg && width && height) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

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
      on: (event: 'rendered', handler: () => void) => void;
    } | null = null;
    let observer: ResizeObserver | null = null;
    void import('./echarts-core.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const box = ref.current;
      chart = echarts.init(box, undefined, { renderer: 'svg' });
      chart.on('rendered', () => scalableSvg(box));
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
    <div
      className="ctp-echart"
      style={{ position: 'relative', height }}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
    >
      <div ref={ref} style={{ width: '100%', height }} />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: '#999' }}>
          {t('commission.charts.loading')}
        </div>
      )}
    </div>
  );
}
