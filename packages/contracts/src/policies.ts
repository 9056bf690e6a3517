import type { Role } from './roles.ts';

/**
 * Pure access policies (CONVENTIONS §6), shared by the server (to enforce) and the web (to decide what to show).
 * Every procedure names one of these; resource-level checks take the resource as a second argument.
 */
export type ActorRef = { userId: string; role: Role; orgId: string; committeeId: string | null };
export type Policy = { name: string; allows: (actor: ActorRef | null) => boolean };

function roles(name: string, allowed: readonly Role[]): Policy {
  return { name, allows: (a) => a !== null && allowed.includes(a.role) };
}

export const POLICIES = {
  /** Anyone, signed in or not: sign-in, health, locale. */
  public: { name: 'public', allows: () => true } satisfies Policy,
  /** Any signed-in user with an active membership. */
  signedIn: { name: 'signedIn', allows: (a) => a !== null } satisfies Policy,
  /** Platform administration: organisations, users, calendars. */
  administer: roles('administer', ['admin']),
  /** Browsing the audit log: administrators only (it contains before/after of every record). */
  readAuditLog: roles('readAuditLog', ['admin']),
  /** The organisation directory is readable by every signed-in role (hospital profiles are public to users). */
  readDirectory: { name: 'readDirectory', allows: (a) => a !== null } satisfies Policy,
  /** Site search, compare and hospital profiles: every signed-in role (the commission too). */
  searchSites: { name: 'searchSites', allows: (a) => a !== null } satisfies Policy,
  /** Shortlists belong to a sponsor organisation and are kept by its sponsor users. */
  keepShortlists: roles('keepShortlists', ['sponsor']),
  /** A hospital's profile, specialties, investigators and capabilities: its own site admin (see canEditHospital). */
  editHospitalProfile: roles('editHospitalProfile', ['site_admin']),
  /** Trials: sponsors create drug/device trials, a trial office creates investigator-initiated ones. */
  createTrials: roles('createTrials', ['sponsor', 'site_admin']),
  /** Reading trials and boards; each use-case narrows to what the actor may see. */
  readTrials: { name: 'readTrials', allows: (a) => a !== null } satisfies Policy,
  /** Sending inquiries, selecting sites: the trial's sponsor side. */
  runTrialSites: roles('runTrialSites', ['sponsor', 'site_admin']),
  /** Answering inquiries: a hospital's trial office. */
  answerInquiries: roles('answerInquiries', ['site_admin']),
  /** Milestones and enrolment: the site (trial office, PI) and, for some steps, the sponsor. */
  recordSiteProgress: roles('recordSiteProgress', ['site_admin', 'investigator', 'sponsor']),
  /** The hospital's or the PI's own board of trial sites. */
  readSiteBoard: roles('readSiteBoard', ['site_admin', 'investigator']),
  /** Start-up delay reasons of a site that missed a stage target: the hospital's trial office or the sponsor. */
  recordDelays: roles('recordDelays', ['site_admin', 'sponsor']),
  /** Each user's own notifications. */
  ownNotifications: { name: 'ownNotifications', allows: (a) => a !== null } satisfies Policy,
  /** Ethics submissions: the trial office or PI submits and answers; the sponsor may prepare drafts (issue 5). */
  prepareSubmissions: roles('prepareSubmissions', ['site_admin', 'investigator', 'sponsor']),
  /** Screening, acceptance, triage and requests for information: the committee's secretary. */
  screenSubmissions: roles('screenSubmissions', ['ec_secretary']),
  /** Reading submissions and the EC work queue; each use-case narrows to the actor's own committee, site or trial. */
  readSubmissions: roles('readSubmissions', [
    'site_admin',
    'investigator',
    'sponsor',
    'ec_secretary',
    'ec_member',
    'ec_chair',
  ]),
  /** Committee roster and SOP settings: the committee's secretary or chair (use-cases check it is their own). */
  manageCommittee: roles('manageCommittee', ['ec_secretary', 'ec_chair']),
  /** Committee roster, meetings, live quorum: the committee's own EC roles only (confidential). */
  readCommittee: roles('readCommittee', ['ec_secretary', 'ec_member', 'ec_chair']),
  /** Meetings (agenda, attendance) and recording decisions: the committee's secretary or chair. */
  runMeetings: roles('runMeetings', ['ec_secretary', 'ec_chair']),
  /** Votes and conflict declarations: the secretary or chair records them, or the member for themselves. */
  reviewSubmissions: roles('reviewSubmissions', ['ec_secretary', 'ec_member', 'ec_chair']),
  /** Assigning primary reviewers (主审) to a submission: the committee's secretary. */
  assignReviewers: roles('assignReviewers', ['ec_secretary']),
  /** Review worksheets (审查工作表): the assigned reviewer, after declaring no conflict (use-case checks it). */
  keepWorksheets: roles('keepWorksheets', ['ec_member', 'ec_chair']),
  /** After "approved with modifications": the applicant (trial office or PI) submits the modifications… */
  submitModifications: roles('submitModifications', ['site_admin', 'investigator']),
  /** …and the committee's secretary verifies them or asks again. */
  verifyModifications: roles('verifyModifications', ['ec_secretary']),
  /** Meeting minutes (会议纪要): drafted by the secretary… */
  draftMinutes: roles('draftMinutes', ['ec_secretary']),
  /** …approved and locked by the chair. */
  approveMinutes: roles('approveMinutes', ['ec_chair']),
  /** The commission's metrics, drill-downs, key-project board and exports: the commission; the admin reads them. */
  readMetrics: roles('readMetrics', ['commission', 'admin']),
  /** Incentive weights and city key projects (重点攻关项目): the commission only. */
  steerMetrics: roles('steerMetrics', ['commission']),
  /** A hospital's trial office sees its own incentive score and how it was made. */
  readOwnIncentive: roles('readOwnIncentive', ['site_admin']),
  /** Recognition agreements (互认协议): created and changed by the platform admin or the commission. */
  manageAgreements: roles('manageAgreements', ['admin', 'commission']),
  /** Joining an agreement: the EC's secretary confirms for its own committee. */
  joinAgreements: roles('joinAgreements', ['ec_secretary']),
  /** Agreements, requests, boards: every signed-in role; each use-case narrows to what the actor may see. */
  readRecognition: { name: 'readRecognition', allows: (a) => a !== null } satisfies Policy,
  /** The hospital's local-context profile: its own trial office (see canEditHospital). */
  editLocalContext: roles('editLocalContext', ['site_admin']),
  /** The local packet and answers to the EC: the participating site's trial office or PI, or the sponsor. */
  prepareRecognition: roles('prepareRecognition', ['site_admin', 'investigator', 'sponsor']),
  /** Accepting, reviewing and deciding recognition requests, objections and acknowledgements: the EC's secretary or chair. */
  runRecognition: roles('runRecognition', ['ec_secretary', 'ec_chair']),
  /** An EC's recognition tasks: acknowledgements and SAE/SUSAR reports delivered under recognition (read receipts). */
  readRecognitionTasks: roles('readRecognitionTasks', ['ec_secretary', 'ec_member', 'ec_chair']),
  /** Registry imports and the name review queue (名称核对): the platform admin. */
  manageRegistry: roles('manageRegistry', ['admin']),
  /** Registry history of hospitals and trials (public records): every signed-in role. */
  readRegistry: { name: 'readRegistry', allows: (a) => a !== null } satisfies Policy,
  /**
   * API tokens and webhooks of the actor's own organisation (issue 17): the roles that answer for an organisation's
   * systems — a sponsor, a hospital's trial office, the commission. Never an EC role.
   */
  manageIntegrations: roles('manageIntegrations', ['sponsor', 'site_admin', 'commission']),
  /** Collaborative bases (issue 18): every signed-in role reads them. */
  readBases: { name: 'readBases', allows: (a) => a !== null } satisfies Policy,
  /** Registering a base, reviewing its status: the commission. */
  registerBases: roles('registerBases', ['commission']),
  /**
   * Keeping a base current: the commission (all of it), or a member organisation's sponsor or trial office (its own
   * part, and linking the trials it runs through the base) — see the use-cases.
   */
  keepBases: roles('keepBases', ['commission', 'sponsor', 'site_admin']),
  /**
   * Key technology projects (issue 18): the commission follows them with the platform's figures (the admin reads, as
   * it reads metrics).
   */
  readProjects: roles('readProjects', ['commission', 'admin']),
  /** Registering a project, its milestones and the trials it links: the commission. */
  steerProjects: roles('steerProjects', ['commission']),
  /** Service providers (issue 18): every signed-in role finds them and reads their profiles. */
  searchProviders: { name: 'searchProviders', allows: (a) => a !== null } satisfies Policy,
  /** A provider's own profile: its provider admin (see keepsProviderProfile). */
  keepProviderProfile: roles('keepProviderProfile', ['provider_admin']),
  /** Which providers a trial uses: the trial's sponsor side (an IIT's trial office) — see canManageTrial. */
  recordTrialProviders: roles('recordTrialProviders', ['sponsor', 'site_admin']),
} as const satisfies Record<string, Policy>;
export type PolicyName = keyof typeof POLICIES;

/** Resource-level: only the site admin of that very hospital edits its profile (not the platform admin either). */
export function canEditHospital(actor: ActorRef | null, hospitalId: string): boolean {
  return POLICIES.editHospitalProfile.allows(actor) && actor?.orgId === hospitalId;
}

/** Resource-level: an EC role acts only for the committee its membership names (not another hospital's EC). */
export function canActForCommittee(actor: ActorRef | null, committeeId: string): boolean {
  return (
    actor !== null &&
    (actor.role === 'ec_secretary' || actor.role === 'ec_member' || actor.role === 'ec_chair') &&
    actor.committeeId === committeeId
  );
}

/**
 * Resource-level: may this actor record things on behalf of the whole committee (attendance, agenda, another member's
 * vote), not just for themselves? Its secretary or chair. The meeting page offers those acts by the same rule.
 */
export function runsCommittee(actor: ActorRef | null, committeeId: string): boolean {
  return (
    actor !== null &&
    (actor.role === 'ec_secretary' || actor.role === 'ec_chair') &&
    canActForCommittee(actor, committeeId)
  );
}

// Page policies that used to sit beside zod schemas (calendar.ts, metrics.ts): here, the web's menu reads them without
// pulling zod into the first load (issue 16).
/** The calendar page: the admin keeps it; EC secretaries, whose clocks depend on it, read it (and are reminded). */
export const calendarPagePolicy: Policy = {
  name: 'calendarPage',
  allows: (a) => a !== null && (a.role === 'admin' || a.role === 'ec_secretary'),
};

/** The incentive page: the commission's ranking (admin read-only) or a trial office's own score. */
export const incentivePagePolicy: Policy = {
  name: 'incentivePage',
  allows: (a) => POLICIES.readMetrics.allows(a) || POLICIES.readOwnIncentive.allows(a),
};
