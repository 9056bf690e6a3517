import {
  metricsFilterInput,
  recognitionRequestsListInput,
  recordEnrolmentInput,
  recordMilestoneInput,
  sitesSearchInput,
  submissionsListInput,
  type TokenScope,
  trialsListInput,
} from '@ctp/contracts';
import { z } from 'zod';

/**
 * The REST API `/api/v1` (issue 17) as a table over the tRPC procedures: each route names the procedure it calls, the
 * zod schema of its query or body (the procedure's own input, or the part of it a query string can carry), and the
 * token scope it needs. The handler, the OpenAPI document and the docs page are all generated from this table, and
 * the procedure enforces its own policy and validation: there is no second implementation. EC deliberation
 * (votes, worksheets, minutes, meetings) is deliberately absent.
 */
export type RestRoute = {
  method: 'GET' | 'POST';
  /** OpenAPI path template, e.g. `/trials/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: { en: string; zh: string };
  scope: TokenScope;
  /** The procedure called; a `file` route names the stored file the transport serves instead. */
  procedure: string;
  /** Path parameters, all strings (ids). */
  params?: readonly string[];
  /** GET: the query parameters (flat object of scalars and arrays of scalars). POST: the JSON body. */
  query?: z.ZodObject;
  body?: z.ZodObject;
  /** Builds the procedure's input; default: path params merged over the query or body. */
  toInput?: (parts: { params: Record<string, string>; query: Record<string, unknown>; body: unknown }) => unknown;
  /** A list procedure returning an array: the REST layer pages it by cursor (`limit`, `cursor`). */
  pagedArray?: boolean;
  /** The procedure pages by itself (`limit`/`cursor` in, `nextCursor` out). */
  pagedByProcedure?: boolean;
  kind?: 'json' | 'file' | 'fhir';
};

const unwrap = <T extends z.ZodType>(schema: T): z.ZodObject => {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodPipe) {
    s = s instanceof z.ZodPipe ? (s.in as z.ZodType) : (s.unwrap() as z.ZodType);
  }
  if (!(s instanceof z.ZodObject)) throw new Error('REST query schemas must be zod objects');
  return s;
};

const idParam = ['id'] as const;

export const REST_ROUTES: readonly RestRoute[] = [
  {
    method: 'GET',
    path: '/sites/search',
    operationId: 'searchSites',
    tag: 'Sites',
    summary: {
      en: 'Search hospitals and specialties for a trial (the web app’s site search)',
      zh: '检索适合试验的机构与专业',
    },
    scope: 'read',
    procedure: 'sites.search',
    query: unwrap(sitesSearchInput),
    pagedByProcedure: true,
  },
  {
    method: 'GET',
    path: '/hospitals/{id}',
    operationId: 'getHospital',
    tag: 'Hospitals',
    summary: {
      en: 'A hospital’s profile: specialties, investigators, capabilities and capacity',
      zh: '机构档案：专业、研究者、能力与容量',
    },
    scope: 'read',
    procedure: 'hospitals.get',
    params: idParam,
  },
  {
    method: 'GET',
    path: '/trials',
    operationId: 'listTrials',
    tag: 'Trials',
    summary: { en: 'Trials the token’s organisation may see', zh: '本机构可见的试验' },
    scope: 'read',
    procedure: 'trials.list',
    query: unwrap(trialsListInput),
    pagedArray: true,
  },
  {
    method: 'GET',
    path: '/trials/{id}',
    operationId: 'getTrial',
    tag: 'Trials',
    summary: {
      en: 'A trial with its sites, their states, milestones and enrolment',
      zh: '试验及其各中心的状态、里程碑与入组',
    },
    scope: 'read',
    procedure: 'trials.get',
    params: idParam,
  },
  {
    method: 'GET',
    path: '/trials/{id}/fhir',
    operationId: 'getTrialFhir',
    tag: 'Trials',
    summary: { en: 'The trial as a FHIR R4 Bundle (ResearchStudy, sites, PIs)', zh: '以 FHIR R4 Bundle 导出试验' },
    scope: 'read',
    procedure: 'trials.fhir',
    params: idParam,
    kind: 'fhir',
  },
  {
    method: 'POST',
    path: '/trial-sites/{trialSiteId}/milestones',
    operationId: 'recordMilestone',
    tag: 'Trials',
    summary: { en: 'Record a site milestone (trial office / sponsor, as the workflow allows)', zh: '记录中心里程碑' },
    scope: 'trialSites.recordMilestone',
    procedure: 'trialSites.recordMilestone',
    params: ['trialSiteId'],
    body: recordMilestoneInput.omit({ trialSiteId: true }),
  },
  {
    method: 'POST',
    path: '/trial-sites/{trialSiteId}/enrolment',
    operationId: 'recordEnrolment',
    tag: 'Trials',
    summary: { en: 'Record a month of screening and enrolment at a site', zh: '记录中心某月的筛选与入组' },
    scope: 'trialSites.recordEnrolment',
    procedure: 'trialSites.recordEnrolment',
    params: ['trialSiteId'],
    // The documented shape (the procedure still applies its cross-field checks).
    body: z.object(unwrap(recordEnrolmentInput).shape).omit({ trialSiteId: true }),
  },
  {
    method: 'GET',
    path: '/submissions',
    operationId: 'listSubmissions',
    tag: 'Ethics',
    summary: {
      en: 'Ethics submissions of the applicant’s sites or the sponsor’s trials',
      zh: '伦理送审列表（申请方/申办方）',
    },
    scope: 'read',
    procedure: 'submissions.list',
    query: unwrap(submissionsListInput),
    pagedArray: true,
  },
  {
    method: 'GET',
    path: '/submissions/{id}',
    operationId: 'getSubmission',
    tag: 'Ethics',
    summary: {
      en: 'A submission’s state, decision, conditions and timeline (no deliberation)',
      zh: '送审状态、决定、条件与时间线',
    },
    scope: 'read',
    procedure: 'submissions.get',
    params: idParam,
  },
  {
    method: 'GET',
    path: '/submissions/{id}/letter',
    operationId: 'getSubmissionLetter',
    tag: 'Ethics',
    summary: { en: 'The issued approval letter (PDF)', zh: '已签发的批件（PDF）' },
    scope: 'read',
    procedure: 'files.submissionLetter',
    params: idParam,
    kind: 'file',
  },
  {
    method: 'GET',
    path: '/recognition/requests',
    operationId: 'listRecognitionRequests',
    tag: 'Recognition',
    summary: { en: 'Mutual-recognition requests the organisation takes part in', zh: '互认申请列表' },
    scope: 'read',
    procedure: 'recognition.requests.list',
    query: unwrap(recognitionRequestsListInput),
    pagedArray: true,
  },
  {
    method: 'GET',
    path: '/recognition/requests/{id}',
    operationId: 'getRecognitionRequest',
    tag: 'Recognition',
    summary: { en: 'A recognition request’s state, clock and decision', zh: '互认申请的状态、时限与决定' },
    scope: 'read',
    procedure: 'recognition.requests.get',
    params: idParam,
  },
  {
    method: 'GET',
    path: '/metrics/overview',
    operationId: 'getMetricsOverview',
    tag: 'Metrics',
    summary: { en: 'The commission’s headline figures, with filters', zh: '卫健委总览指标（可筛选）' },
    scope: 'read',
    procedure: 'metrics.overview',
    query: unwrap(metricsFilterInput),
  },
];
