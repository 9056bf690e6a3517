import { codeLabel, INCENTIVE_TERMS, type Locale, yesNo } from '@ctp/contracts';
import type { Sheet } from '../exports/xlsx.ts';
import { type Bilingual, inLocale } from './in-locale.ts';

export { nameIn } from './in-locale.ts';

/** The commission's metrics workbooks (`metrics.export`): column headers and sheet names in the reader's language. */
export type Col = [key: string, zh: string, en: string, width?: number];

export const GROUP_COLS: Col[] = [
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
export const COMMITTEE_COLS: Col[] = [
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
export const TREND_COLS: Col[] = [
  ['month', '月份', 'Month', 10],
  ['specialtyActivePct', '资源转化率 %', 'Specialties converted %'],
  ['piActivePct', '在研 PI 占比 %', 'PIs active %'],
  ['startupMedianDays', '启动中位天数', 'Median start-up days'],
  ['ethicsMedianWorkingDays', '伦理审查中位工作日', 'Median ethics working days'],
  ['ethicsWithinClockPct', '时限内完成 %', 'Within clock %'],
  ['enrolledInMonth', '当月入组', 'Enrolled in month'],
];
export const RECORD_COLS: Col[] = [
  ['kind', '类别', 'Kind', 12],
  ['hospitalName', '机构', 'Institution', 28],
  ['label', '专业/研究者/审查', 'Specialty / PI / review', 24],
  ['trialTitle', '试验', 'Trial', 40],
  ['committeeName', '伦理委员会', 'Ethics committee', 28],
  ['date', '日期', 'Date', 12],
  ['value', '数值', 'Value', 10],
  ['counted', '计入分子', 'Counted', 10],
];

export const DELAY_BY_HOSPITAL_COLS: Col[] = [
  ['hospitalName', '机构', 'Institution', 30],
  ['total', '延误数', 'Delays'],
  ['recorded', '已登记原因', 'Reason recorded'],
  ['sponsor', '申办方', 'Sponsor'],
  ['hospital', '医院', 'Hospital'],
  ['both', '双方', 'Both'],
  ['unrecorded', '未登记', 'Not recorded'],
  ['topReason', '主要原因', 'Main reason', 24],
];

const DELAY_KEY_HEADERS: Record<'reason' | 'attribution', Bilingual> = {
  reason: { zh: '延误原因', en: 'Delay reason' },
  attribution: { zh: '责任方', en: 'Attribution' },
};
export const delayCountCols = (by: 'reason' | 'attribution'): Col[] => [
  ['key', DELAY_KEY_HEADERS[by].zh, DELAY_KEY_HEADERS[by].en, 24],
  ['count', '延误数', 'Delays'],
  ['pct', '占比 %', 'Share %'],
];

export const INCENTIVE_COLS: Col[] = [
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

/** The monthly report's sections for the collaborative bases and the key technology projects (issue 18). */
const PROGRAMME_FIGURE_COLS: Col[] = [
  ['trials', '试验数', 'Trials'],
  ['sites', '已选定中心', 'Sites selected'],
  ['sitesActivated', '已启动中心', 'Sites initiated'],
  ['startupMedianDays', '启动中位天数', 'Median start-up days'],
  ['ethicsMedianWorkingDays', '伦理审查中位工作日', 'Median ethics working days'],
  ['enrolmentAttainmentPct', '入组达成率 %', 'Enrolment attainment %'],
  ['delays', '阶段延误数', 'Stage delays'],
];
export const PROGRAMME_BASE_COLS: Col[] = [['name', '基地', 'Base', 40], ...PROGRAMME_FIGURE_COLS];
export const PROGRAMME_PROJECT_COLS: Col[] = [
  ['name', '项目', 'Project', 40],
  ['lead', '牵头企业', 'Lead enterprise', 28],
  ...PROGRAMME_FIGURE_COLS,
  ['milestonesReached', '已完成里程碑', 'Milestones reached'],
  ['milestonesOverdue', '逾期里程碑', 'Milestones overdue'],
];

const SHEET_NAMES = {
  metrics: { zh: '指标', en: 'Metrics' },
  committees: { zh: '伦理委员会', en: 'Ethics committees' },
  trend: { zh: '月度趋势', en: 'Monthly trend' },
  records: { zh: '明细', en: 'Records' },
  byReason: { zh: '按原因', en: 'By reason' },
  byAttribution: { zh: '按责任方', en: 'By attribution' },
  byInstitution: { zh: '按机构', en: 'By institution' },
  incentive: { zh: '激励指数', en: 'Incentive index' },
  bases: { zh: '协同创新基地', en: 'Collaborative bases' },
  projects: { zh: '关键核心技术攻关项目', en: 'Key technology projects' },
} satisfies Record<string, Bilingual>;

/** One sheet: headers in the reader's language, booleans as 是/否 or Yes/No (never 0/1, issue 14). */
export function sheet(
  locale: Locale,
  name: keyof typeof SHEET_NAMES,
  cols: Col[],
  rows: Record<string, unknown>[],
): Sheet {
  return {
    name: inLocale(locale, SHEET_NAMES[name]),
    columns: cols.map(([key, zh, en, width]) => ({ header: inLocale(locale, { zh, en }), key, width: width ?? 14 })),
    rows: rows.map((r) =>
      Object.fromEntries(
        cols.map(([key]) => {
          const v = r[key];
          return [
            key,
            typeof v === 'boolean' ? yesNo(locale, v) : typeof v === 'number' || typeof v === 'string' ? v : null,
          ];
        }),
      ),
    ),
  };
}
