import {
  codeLabel,
  DELAY_ATTRIBUTION_LABELS,
  DELAY_REASON_LABELS,
  districtLabel,
  type ExportFile,
  INCENTIVE_TERMS,
  type Locale,
  metricRecordLabel,
  metricsExportInput,
  POLICIES,
  yesNo,
} from '@ctp/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { type Sheet, toXlsx } from '../exports/xlsx.ts';
import { getIncentiveRanking } from '../incentive/incentive.ts';
import {
  getMetricsDelays,
  getMetricsTrend,
  listMetricRecords,
  listMetricsByCommittee,
  listMetricsByGroup,
} from '../metrics/read-metrics.ts';
import { getProgrammeSections } from './programme-sections.ts';

type Col = [key: string, zh: string, en: string, width?: number];

const GROUP_COLS: Col[] = [
  ['label', '名称', 'Name', 30],
  ['specialtyActivePct', '资源转化率 %', 'Specialties converted %'],
  ['piActivePct', '在研 PI 占比 %', 'PIs active %'],
  ['startupMedianDays', '启动中位天数', 'Median start-up days'],
  ['ethicsMedianWorkingDays', '伦理审查中位工作日', 'Median ethics working days'],
  ['ethicsP75WorkingDays', '伦理审查 P75 工作日', 'P75 ethics working days'],
  ['ethicsWithinClockPct', '时限内完成 %', 'Within clock %'],
  ['recognitionAdoptionPct', '互认采用率 %', 'Recognition adoption %'],
  ['enrolmentAttainmentPct', '入组达成率 %', 'Enrolment attainment %'],
  ['nonEnrollingPct', '零入组中心 %', 'Non-enrolling sites %'],
  ['capacityLoadPct', '容量负荷 %', 'Capacity load %'],
  ['filedSpecialties', '备案专业数', 'Filed specialties'],
  ['filedInvestigators', '备案 PI 数', 'Filed PIs'],
  ['decidedReviews', '已审结审查数', 'Reviews decided'],
  ['activeSites', '在研中心数', 'Active sites'],
  ['registryTrials', '登记试验数', 'Registry trials'],
  ['registryRecruiting', '登记试验在招', 'Registry trials recruiting'],
];
const COMMITTEE_COLS: Col[] = [
  ['committeeName', '伦理委员会', 'Ethics committee', 36],
  ['decided', '已审结审查数', 'Reviews decided'],
  ['medianWorkingDays', '中位工作日', 'Median working days'],
  ['p75WorkingDays', 'P75 工作日', 'P75 working days'],
  ['withinClockPct', '时限内完成 %', 'Within clock %'],
  ['convenedMedian', '会议审查中位工作日', 'Convened median'],
  ['expeditedMedian', '简易程序中位工作日', 'Expedited median'],
  ['recognitions', '互认数', 'Recognitions'],
  ['recognitionMedian', '互认中位工作日', 'Recognition median'],
];
const TREND_COLS: Col[] = [
  ['month', '月份', 'Month', 10],
  ['specialtyActivePct', '资源转化率 %', 'Specialties converted %'],
  ['piActivePct', '在研 PI 占比 %', 'PIs active %'],
  ['startupMedianDays', '启动中位天数', 'Median start-up days'],
  ['ethicsMedianWorkingDays', '伦理审查中位工作日', 'Median ethics working days'],
  ['ethicsWithinClockPct', '时限内完成 %', 'Within clock %'],
  ['enrolledInMonth', '当月入组', 'Enrolled in month'],
];
const RECORD_COLS: Col[] = [
  ['kind', '类别', 'Kind', 12],
  ['hospitalName', '机构', 'Institution', 28],
  ['label', '专业/研究者/审查', 'Specialty / PI / review', 24],
  ['trialTitle', '试验', 'Trial', 40],
  ['committeeName', '伦理委员会', 'Ethics committee', 28],
  ['date', '日期', 'Date', 12],
  ['value', '数值', 'Value', 10],
  ['counted', '计入分子', 'Counted', 10],
];

function sheet(locale: Locale, name: string, cols: Col[], rows: Record<string, unknown>[]): Sheet {
  return {
    name,
    columns: cols.map(([key, zh, en, width]) => ({ header: locale === 'en' ? en : zh, key, width: width ?? 14 })),
    rows: rows.map((r) =>
      Object.fromEntries(
        cols.map(([key]) => {
          const v = r[key];
          return [
            key,
            // 是/否, Yes/No: never 0/1 (issue 14).
            typeof v === 'boolean' ? yesNo(locale, v) : typeof v === 'number' || typeof v === 'string' ? v : null,
          ];
        }),
      ),
    ),
  };
}

/**
 * `metrics.export`: any metrics table as XLSX, built from the very use-case result the page shows (same filters),
 * so the file and the table cannot disagree.
 */
export async function exportMetrics({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof metricsExportInput>;
}): Promise<ExportFile> {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = metricsExportInput.parse(raw);
  const l = ctx.locale;
  // The file is dated by Beijing's calendar (issue 14), like every date people read.
  const stamp = shanghaiDate(ctx.now());
  switch (input.table) {
    case 'byHospital': {
      const r = listMetricsByGroup({ ctx, input: { filters: input.filters, groupBy: input.groupBy } });
      // Districts are stored in Chinese; English files name them in English.
      const rows =
        input.groupBy === 'district' ? r.rows.map((row) => ({ ...row, label: districtLabel(row.label, l) })) : r.rows;
      return toXlsx(`metrics-${input.groupBy}-${stamp}.xlsx`, [
        sheet(l, l === 'en' ? 'Metrics' : '指标', GROUP_COLS, rows),
      ]);
    }
    case 'byCommittee': {
      const r = listMetricsByCommittee({ ctx, input: { filters: input.filters } });
      return toXlsx(`metrics-committees-${stamp}.xlsx`, [
        sheet(l, l === 'en' ? 'Ethics committees' : '伦理委员会', COMMITTEE_COLS, r.rows),
      ]);
    }
    case 'trend': {
      const r = getMetricsTrend({ ctx, input: { filters: input.filters } });
      const rows = r.months.map((m) => ({
        month: m.month,
        specialtyActivePct: m.conversion.specialtyActivePct,
        piActivePct: m.conversion.piActivePct,
        startupMedianDays: m.startup.medianDays,
        ethicsMedianWorkingDays: m.ethics.medianWorkingDays,
        ethicsWithinClockPct: m.ethics.withinClockPct,
        enrolledInMonth: m.enrolledInMonth,
      }));
      return toXlsx(`metrics-trend-${stamp}.xlsx`, [
        sheet(l, l === 'en' ? 'Monthly trend' : '月度趋势', TREND_COLS, rows),
      ]);
    }
    case 'records': {
      const r = listMetricRecords({
        ctx,
        input: { metric: input.metric ?? 'specialtyActivePct', filters: input.filters },
      });
      return toXlsx(`metrics-records-${r.metric}-${stamp}.xlsx`, [
        sheet(
          l,
          l === 'en' ? 'Records' : '明细',
          RECORD_COLS,
          r.records.map((rec) => ({
            ...rec,
            kind: codeLabel(l, 'recordKinds', rec.kind),
            label: metricRecordLabel(l, rec.kind, rec.label),
          })),
        ),
      ]);
    }
    case 'delays': {
      const r = getMetricsDelays({ ctx, input: { filters: input.filters } });
      const label = (m: Record<string, { zh: string; en: string }>, k: string | null) =>
        k === null ? null : m[k] ? (l === 'en' ? m[k].en : m[k].zh) : l === 'en' ? 'Not recorded' : '未登记';
      const counts = (m: Record<string, { zh: string; en: string }>, by: Record<string, number>) =>
        Object.entries(by).map(([k, n]) => ({
          key: label(m, k),
          count: n,
          pct: r.total ? Math.round((n / r.total) * 1000) / 10 : null,
        }));
      const countCols = (zh: string, en: string): Col[] => [
        ['key', zh, en, 24],
        ['count', '延误数', 'Delays'],
        ['pct', '占比 %', 'Share %'],
      ];
      return toXlsx(`metrics-delays-${stamp}.xlsx`, [
        sheet(
          l,
          l === 'en' ? 'By reason' : '按原因',
          countCols('延误原因', 'Delay reason'),
          counts(DELAY_REASON_LABELS, r.byReason),
        ),
        sheet(
          l,
          l === 'en' ? 'By attribution' : '按责任方',
          countCols('责任方', 'Attribution'),
          counts(DELAY_ATTRIBUTION_LABELS, r.byAttribution),
        ),
        sheet(
          l,
          l === 'en' ? 'By institution' : '按机构',
          [
            ['hospitalName', '机构', 'Institution', 30],
            ['total', '延误数', 'Delays'],
            ['recorded', '已登记原因', 'Reason recorded'],
            ['sponsor', '申办方', 'Sponsor'],
            ['hospital', '医院', 'Hospital'],
            ['both', '双方', 'Both'],
            ['unrecorded', '未登记', 'Not recorded'],
            ['topReason', '主要原因', 'Main reason', 24],
          ],
          r.byHospital.map((h) => ({ ...h, topReason: label(DELAY_REASON_LABELS, h.topReason) })),
        ),
      ]);
    }
    case 'programmes': {
      const r = getProgrammeSections({ ctx, input: { filters: input.filters } });
      const figures: Col[] = [
        ['trials', '试验数', 'Trials'],
        ['sites', '已选定中心', 'Sites selected'],
        ['sitesActivated', '已启动中心', 'Sites initiated'],
        ['startupMedianDays', '启动中位天数', 'Median start-up days'],
        ['ethicsMedianWorkingDays', '伦理审查中位工作日', 'Median ethics working days'],
        ['enrolmentAttainmentPct', '入组达成率 %', 'Enrolment attainment %'],
        ['delays', '阶段延误数', 'Stage delays'],
      ];
      const name = (zh: string, en: string | null) => (l === 'en' && en ? en : zh);
      return toXlsx(`report-programmes-${stamp}.xlsx`, [
        sheet(
          l,
          l === 'en' ? 'Collaborative bases' : '协同创新基地',
          [['name', '基地', 'Base', 40], ...figures],
          r.bases.map((b) => ({ ...b, name: name(b.nameZh, b.nameEn) })),
        ),
        sheet(
          l,
          l === 'en' ? 'Key technology projects' : '关键核心技术攻关项目',
          [
            ['name', '项目', 'Project', 40],
            ['lead', '牵头企业', 'Lead enterprise', 28],
            ...figures,
            ['milestonesReached', '已完成里程碑', 'Milestones reached'],
            ['milestonesOverdue', '逾期里程碑', 'Milestones overdue'],
          ],
          r.projects.map((p) => ({ ...p, name: name(p.titleZh, p.titleEn), lead: name(p.leadName, p.leadNameEn) })),
        ),
      ]);
    }
    case 'incentive': {
      const r = getIncentiveRanking({ ctx, input: input.filters });
      const cols: Col[] = [
        ['rank', '排名', 'Rank', 6],
        ['hospitalName', '机构', 'Institution', 30],
        ['score', '激励指数', 'Index'],
        ...INCENTIVE_TERMS.map(
          (t): Col => [
            t,
            `${codeLabel('zh-CN', 'incentiveTerms', t)}（贡献分）`,
            `${codeLabel('en', 'incentiveTerms', t)} (points)`,
          ],
        ),
      ];
      const rows = r.rows.map((h) => ({
        rank: h.rank,
        hospitalName: h.hospitalName,
        score: h.score,
        ...Object.fromEntries(h.terms.map((t) => [t.term, t.contribution])),
      }));
      return toXlsx(`incentive-${stamp}.xlsx`, [sheet(l, l === 'en' ? 'Incentive index' : '激励指数', cols, rows)]);
    }
  }
}
