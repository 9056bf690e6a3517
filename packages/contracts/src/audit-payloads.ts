import { z } from 'zod';
import type { AuditAction } from './audit.ts';

/**
 * The payload of every audit action (issue 15, after documenso's typed audit-log events): what `before` and `after`
 * hold, as zod schemas checked by `writeAuditEvent` before the row is written (a payload that does not match fails the
 * write, so the change rolls back). Schemas see the payload as stored, i.e. after its canonical JSON round trip (no
 * `undefined`, no class instances).
 *
 * `exact({...})`: the payload is these fields and no other. `snapshot({...})`: a copy of a stored row or of the
 * columns a change touched — the named fields are checked, the other columns pass (the row's own schema types them).
 * `deliberation(schema)` marks a field as the committee's deliberation (issue 12): the admin's audit view redacts it
 * (`DELIBERATION_AUDIT_FIELDS` is read from these marks); `memberActs: true` hides the actor of an action taken by a
 * member inside the committee.
 */
type Schema = z.ZodType;
export type AuditPayloadSpec = { before: Schema | null; after: Schema | null; memberActs?: boolean };

const DELIBERATION = new WeakSet<Schema>();
/** Marks a payload field as deliberation (a new schema instance: the shared `str` etc. stay unmarked). */
export function deliberation<T extends Schema>(schema: T): T {
  const marked = schema.meta({ deliberation: true }) as T;
  DELIBERATION.add(marked);
  return marked;
}
export const isDeliberation = (schema: Schema) => DELIBERATION.has(schema);

const exact = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
const snapshot = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);

const str = z.string();
const num = z.number();
const bool = z.boolean();
const nullableStr = z.string().nullable();
const json = z.unknown();

/** A workflow step of a submission or recognition request: state and version before, and after with the patch. */
const stepBefore = exact({ state: str, version: num });
const submissionStep = <S extends z.ZodRawShape>(extra: S) =>
  exact({ state: str, version: num, comment: str.optional(), ...extra });
const recognitionStep = <S extends z.ZodRawShape>(extra: S) => exact({ state: str, version: num, ...extra });
/** The site lifecycle (applySiteStep): state before; state, step, the milestone date it records, a reason. */
const siteStep = snapshot({ state: str, step: str, reason: str.optional() });
const milestoneDates = {
  selected: str.optional(),
  ethicsSubmitted: str.optional(),
  ethicsApproved: str.optional(),
  contractSigned: str.optional(),
  siv: str.optional(),
  fpi: str.optional(),
  lpi: str.optional(),
  closed: str.optional(),
};
const boundVersions = z.array(snapshot({ kind: str, documentId: str }));
const checklist = z.array(json).optional();
const agreementSnapshot = snapshot({ nameZh: str, status: str, members: z.array(json) });
const enrolment = { month: str, screened: num, enrolled: num, screenFailures: num, withdrawn: num };
/**
 * Declared for an action no use-case writes: membership.create, organisation.create, organisation.update,
 * committee.create and trial.update — no call of `writeAuditEvent` outside tests names them. Memberships come with
 * `user.create` / `user.update`; organisations and committees with the seed (`seed.demo`); a hospital's own changes
 * are `hospital.update_profile`; a trial has no update use-case. They stay in the closed enum because the audit
 * table's column is typed by it; any object passes until a use-case writes one and gives it its real fields.
 */
const notYetWritten = { before: snapshot({}).nullable(), after: snapshot({}).nullable() };
/** A committee's SOP settings (committee_settings), as `effectiveSop` reads them. */
const committeeSop = {
  quorumMinPercent: num,
  quorumMinCount: num,
  quorumNeedsNonMedical: bool,
  quorumNeedsUnaffiliated: bool,
  reviewLimitDays: num,
  defaultFollowUpMonths: num,
};

export const AUDIT_PAYLOADS = {
  'auth.login': { before: null, after: exact({ membershipId: nullableStr, ip: nullableStr.optional() }) },
  'auth.logout': { before: null, after: null },
  'auth.password_change': { before: null, after: exact({ otherSessionsRevoked: num }) },
  'auth.password_change_failed': { before: null, after: exact({ reason: str, ip: nullableStr.optional() }) },
  'auth.switch_membership': {
    before: exact({ membershipId: nullableStr }),
    after: exact({ membershipId: str, role: str, orgId: str }),
  },
  'user.create': { before: null, after: exact({ email: str, name: str, memberships: z.array(json) }) },
  'membership.create': notYetWritten,
  'organisation.create': notYetWritten,
  'organisation.update': notYetWritten,
  'committee.create': notYetWritten,
  'seed.demo': { before: null, after: snapshot({ hospitals: num, users: num }) },
  // The generated national/province database (issue 16): its seed and what it wrote.
  'seed.scale': { before: null, after: snapshot({ seed: num }) },
  'reference.sync': { before: null, after: exact({ rows: num }) },
  'hospital.update_profile': { before: snapshot({}), after: snapshot({ version: num }) },
  'hospital.confirm_capacity': {
    before: exact({ capacityConfirmedAt: num.nullable() }),
    after: exact({ capacityConfirmedAt: num }),
  },
  'specialty.add': { before: null, after: snapshot({ specialtyCode: str, version: num }) },
  'specialty.update': {
    before: snapshot({ specialtyCode: str }),
    after: snapshot({ specialtyCode: str, version: num }),
  },
  'specialty.retire': {
    before: exact({ specialtyCode: str, retiredAt: z.null(), version: num }),
    after: exact({ specialtyCode: str, retiredAt: num, reason: str.optional(), version: num }),
  },
  'investigator.add': { before: null, after: snapshot({ name: str, version: num }) },
  'investigator.update': { before: snapshot({ name: str }), after: snapshot({ name: str, version: num }) },
  'investigator.retire': {
    before: exact({ name: str, retiredAt: z.null(), version: num }),
    after: exact({ name: str, retiredAt: num, reason: str.optional(), version: num }),
  },
  'capability.set': { before: exact({ capabilities: z.array(json) }), after: exact({ capabilities: z.array(json) }) },
  'shortlist.create': { before: null, after: exact({ name: str }) },
  'shortlist.rename': { before: exact({ name: str }), after: exact({ name: str }) },
  'shortlist.archive': { before: exact({ name: str }), after: snapshot({}).nullable() },
  'shortlist.add_item': { before: null, after: exact({ hospitalId: str, note: nullableStr, query: json.nullable() }) },
  'shortlist.update_item': {
    before: exact({ hospitalId: str, note: nullableStr }),
    after: exact({ hospitalId: str, note: nullableStr }),
  },
  'shortlist.remove_item': { before: exact({ hospitalId: str, note: nullableStr }), after: null },
  'trial.create': { before: null, after: snapshot({ id: str, titleZh: str, type: str, conditions: z.array(str) }) },
  'trial.update': notYetWritten,
  'inquiry.send': { before: null, after: exact({ trialId: str, trialSiteId: str, replyBy: str }) },
  'inquiry.answer': { before: exact({ status: str }), after: snapshot({ interested: bool }) },
  'site.select': { before: exact({ state: str }), after: siteStep.extend(milestoneDates) },
  'site.transition': { before: exact({ state: str }), after: siteStep.extend(milestoneDates) },
  'site.record_milestone': {
    // A first recording moves the site a step; a correction rewrites one date (`correction: true`).
    before: exact({ state: str.optional(), ...milestoneDates }),
    after: exact({ state: str.optional(), step: str.optional(), correction: bool.optional(), ...milestoneDates }),
  },
  'site.record_enrolment': {
    before: exact(enrolment).nullable(),
    after: exact({ ...enrolment, correctionReason: nullableStr }),
  },
  'site.record_delay': {
    before: exact({ stage: str, reason: str, attribution: str, note: nullableStr }).nullable(),
    after: exact({
      stage: str,
      status: str,
      targetDate: nullableStr,
      daysLate: num.nullable(),
      reason: str,
      attribution: str,
      note: nullableStr,
      side: str,
    }),
  },
  'submission.create': { before: null, after: snapshot({ id: str, trialSiteId: str, type: str, state: str }) },
  'submission.submit': { before: stepBefore, after: submissionStep({ submittedAt: num.optional() }) },
  'submission.start_screening': { before: stepBefore, after: submissionStep({}) },
  'submission.accept': {
    before: stepBefore,
    // The acceptance note stays inside the committee (why a file was accepted despite the checklist).
    after: exact({
      state: str,
      version: num,
      acceptanceNo: str,
      acceptedDate: str,
      comment: deliberation(str.optional()),
      checklist,
    }),
  },
  'submission.return': { before: stepBefore, after: submissionStep({ reasons: z.array(str), checklist }) },
  'submission.resubmit': { before: stepBefore, after: submissionStep({}) },
  'submission.triage': {
    before: stepBefore,
    after: exact({ state: str, version: num, reviewPath: str, comment: deliberation(str.optional()) }),
  },
  'submission.request_info': { before: stepBefore, after: submissionStep({}) },
  'submission.respond': { before: stepBefore, after: submissionStep({}) },
  'submission.withdraw': { before: stepBefore, after: submissionStep({}) },
  'submission.schedule': {
    before: stepBefore,
    after: submissionStep({ meetingId: str, reviewPath: str, meetingDate: str }),
  },
  // The expedited objection: its actor is the reviewer who said no.
  'submission.refer_to_meeting': { before: stepBefore, after: submissionStep({ reviewPath: str }), memberActs: true },
  'submission.decide': {
    before: stepBefore,
    after: submissionStep({ outcome: str, conditions: nullableStr, decidedDate: str, followUpDate: nullableStr }),
  },
  'submission.upload_document': {
    before: null,
    after: exact({
      documentId: str,
      kind: str,
      versionLabel: str,
      versionDate: nullableStr,
      originalName: str,
      mimeType: str,
      sizeBytes: num,
      sha256: str,
    }),
  },
  'submission.issue_letter': {
    before: stepBefore,
    after: submissionStep({ letterNo: str, letterKind: str, sha256: str }),
  },
  'submission.unschedule': {
    before: stepBefore,
    after: submissionStep({ meetingId: z.null(), meetingDate: str }),
  },
  'submission.submit_modifications': { before: stepBefore, after: submissionStep({ round: num }) },
  'submission.verify_modifications': { before: stepBefore, after: submissionStep({ round: num, verdict: str }) },
  'committee.add_member': { before: null, after: snapshot({ memberId: str, committeeId: str, name: str }) },
  // The SOP before (the defaults, marked `isDefault`, when the committee had none of its own) and after the change.
  'committee.update_sop': {
    before: exact({ ...committeeSop, isDefault: z.literal(true).optional() }),
    after: exact(committeeSop),
  },
  'meeting.create': {
    before: null,
    after: snapshot({ id: str, committeeId: str, meetingDate: str, agenda: z.array(str) }),
  },
  'meeting.record_attendance': {
    before: exact({ memberId: deliberation(str), present: deliberation(bool) }).nullable(),
    after: exact({ memberId: deliberation(str), present: deliberation(bool) }),
  },
  'meeting.declare_conflict': {
    before: null,
    after: exact({
      conflictId: num,
      memberId: deliberation(str),
      submissionId: nullableStr,
      reason: deliberation(nullableStr.optional()),
    }),
    memberActs: true,
  },
  'meeting.vote': {
    before: exact({ memberId: deliberation(str), choice: deliberation(str) }).nullable(),
    after: exact({
      meetingId: nullableStr,
      memberId: deliberation(str),
      choice: deliberation(str),
      voteId: num,
      rowChecksum: str,
    }),
    memberActs: true,
  },
  'review.assign': {
    before: null,
    after: exact({ reviewerId: str, memberId: deliberation(str), memberName: deliberation(str) }),
  },
  'review.unassign': { before: exact({ reviewerId: str, memberId: deliberation(str) }), after: null },
  'review.declare': {
    before: exact({ memberId: deliberation(str), hasConflict: deliberation(bool) }).nullable(),
    after: exact({
      memberId: deliberation(str),
      hasConflict: deliberation(bool),
      statement: deliberation(nullableStr),
      meetingId: nullableStr,
      reviewerRemoved: deliberation(bool),
    }),
    memberActs: true,
  },
  'review.save_worksheet': {
    before: exact({ worksheetId: str, status: str, version: num }).nullable(),
    after: exact({
      worksheetId: str,
      memberId: deliberation(str),
      status: str,
      version: num,
      recommendedOutcome: deliberation(nullableStr),
    }),
    memberActs: true,
  },
  'review.submit_worksheet': {
    before: exact({ worksheetId: str, status: str, version: num }).nullable(),
    after: exact({
      worksheetId: str,
      memberId: deliberation(str),
      status: str,
      version: num,
      recommendedOutcome: deliberation(nullableStr),
    }),
    memberActs: true,
  },
  'meeting.save_minutes': {
    before: exact({ version: num }).nullable(),
    after: exact({ version: num, summaryLength: num, items: num }),
  },
  'meeting.approve_minutes': {
    before: exact({ status: str, version: num }),
    after: exact({ status: str, version: num, items: num }),
  },
  'committee.end_member_term': {
    before: exact({ memberId: str, termEnd: nullableStr }),
    after: exact({ memberId: str, termEnd: str }),
  },
  'committee.update_procedures': {
    before: snapshot({ isDefault: bool }),
    after: exact({ expedited: json, checklists: json }),
  },
  'committee.update_member': {
    before: snapshot({ memberId: str, version: num }),
    after: snapshot({ memberId: str, version: num }),
  },
  'recognition.agreement_create': { before: null, after: agreementSnapshot.extend({ version: num }) },
  'recognition.agreement_update': { before: agreementSnapshot, after: agreementSnapshot.extend({ version: num }) },
  'recognition.agreement_join': { before: agreementSnapshot, after: agreementSnapshot.extend({ version: num }) },
  'recognition.agreement_leave': { before: agreementSnapshot, after: agreementSnapshot.extend({ version: num }) },
  'recognition.local_context_save': { before: snapshot({}).nullable(), after: snapshot({ version: num }) },
  'recognition.request_open': {
    before: null,
    after: exact({ agreementId: str, trialSiteId: str, committeeId: str, leadSubmissionId: str }),
  },
  'recognition.submit_packet': {
    before: stepBefore,
    after: recognitionStep({ packetJson: str, packetSubmittedAt: num }),
  },
  'recognition.accept': { before: stepBefore, after: recognitionStep({ acceptedDate: str }) },
  'recognition.review': { before: stepBefore, after: recognitionStep({ checklistJson: str }) },
  'recognition.request_action': { before: stepBefore, after: recognitionStep({}) },
  'recognition.respond': { before: stepBefore, after: recognitionStep({}) },
  'recognition.decide': {
    before: stepBefore,
    after: recognitionStep({
      outcome: str,
      conditions: nullableStr,
      reasons: nullableStr,
      decidedDate: str,
      letterNo: nullableStr,
      fallbackSubmissionId: nullableStr,
      boundVersions: boundVersions.optional(),
    }),
  },
  'recognition.letter_store': { before: null, after: exact({ letterNo: str, sha256: str, sizeBytes: num }) },
  'recognition.objection_raise': { before: null, after: exact({ objectionId: str, category: str, text: str }) },
  'recognition.objection_resolve': {
    before: exact({ objectionId: str, state: str }),
    after: exact({ objectionId: str, state: str, resolution: str }),
  },
  'recognition.ack': {
    before: exact({ ackId: str, state: str }).nullable(),
    after: exact({
      ackId: str,
      state: str,
      sourceSubmissionId: str.optional(),
      note: nullableStr.optional(),
      boundVersions: boundVersions.optional(),
    }),
  },
  'recognition.sae_read': { before: null, after: exact({ committeeId: nullableStr.optional(), readAt: num }) },
  'recognition.versions_follow': {
    before: null,
    after: exact({ sourceSubmissionId: str, ackId: nullableStr, boundVersions }),
  },
  'incentive.set_weights': {
    before: exact({ version: num.nullable(), weights: json }),
    after: exact({ version: num, weights: json, note: str.optional() }),
  },
  'trial.flag_key_project': {
    before: exact({ keyProject: bool }),
    after: exact({ keyProject: bool, reason: str.optional() }),
  },
  'trial.unflag_key_project': {
    before: exact({ keyProject: bool }),
    after: exact({ keyProject: bool, reason: str.optional() }),
  },
  'calendar.set_days': {
    before: exact({ days: z.array(json) }),
    after: exact({ days: z.array(json), movedDueDates: z.array(json) }),
  },
  'calendar.complete_year': {
    before: exact({ complete: bool }),
    after: exact({ complete: bool, holidays: num, makeupDays: num, movedDueDates: z.array(json) }),
  },
  'registry.import': {
    before: null,
    after: snapshot({ source: str, fileName: str, sha256: str.optional(), outcome: str }),
  },
  'registry.resolve': {
    before: exact({ status: str, rawName: str, city: nullableStr }),
    after: snapshot({ status: str, hospitalId: str }),
  },
  'registry.reject': {
    before: exact({ status: str, rawName: str, city: nullableStr }),
    after: snapshot({ status: str }),
  },
  // Admin users page (issue 14). A reset's temporary password is never in the payload.
  'user.update': {
    before: exact({ name: str, memberships: z.array(json) }),
    after: exact({
      name: str,
      memberships: z.array(json),
      revoked: z.array(json),
      added: z.array(json),
      sessionsEnded: num,
    }),
  },
  'user.disable': { before: exact({ disabled: bool }), after: exact({ disabled: bool, sessionsEnded: num }) },
  'user.enable': { before: exact({ disabled: bool }), after: exact({ disabled: bool, sessionsEnded: num }) },
  'user.reset_password': { before: null, after: exact({ sessionsEnded: num }) },
  // Inquiry answers with attachments (issue 14).
  'inquiry.attach': {
    before: null,
    after: exact({ attachmentId: str, originalName: str, mimeType: str, sizeBytes: num, sha256: str }),
  },
  'inquiry.remove_attachment': { before: exact({ attachmentId: str, originalName: str, sha256: str }), after: null },
  // Open interfaces (issue 17). Never the token or the webhook secret.
  'api_token.create': { before: null, after: exact({ name: str, role: str, scopes: z.array(str), expiresAt: str }) },
  'api_token.revoke': { before: exact({ name: str }), after: null },
  'webhook.create': { before: null, after: exact({ url: str, events: z.array(str) }) },
  'webhook.disable': { before: exact({ url: str }), after: null },
  // Collaborative bases (issue 18): the whole record as it is after each change (its version row keeps it too).
  'base.create': { before: null, after: snapshot({ nameZh: str, status: str, members: z.array(json) }) },
  'base.update': { before: snapshot({ version: num }), after: snapshot({ version: num }) },
  'base.update_member_part': { before: snapshot({ version: num }), after: snapshot({ version: num }) },
  'base.set_status': { before: exact({ status: str }), after: exact({ status: str, step: str, reason: str }) },
  'base.link_trial': { before: null, after: exact({ trialId: str }) },
  'base.unlink_trial': { before: null, after: exact({ trialId: str }) },
  'project.create': { before: null, after: snapshot({ titleZh: str, leadOrgId: str, milestones: z.array(json) }) },
  'project.update': { before: snapshot({ version: num }), after: snapshot({ version: num }) },
  'project.set_milestone': {
    before: exact({ milestoneId: num, nameZh: str, plannedDate: str, actualDate: str.nullable() }).nullable(),
    after: exact({ milestoneId: num, nameZh: str, plannedDate: str, actualDate: str.nullable() }),
  },
  'project.link_trial': { before: null, after: exact({ trialId: str, reason: str.optional() }) },
  'project.unlink_trial': { before: null, after: exact({ trialId: str, reason: str.optional() }) },
  // Service providers (issue 18): the profile as it was and is (qualifications and contacts included).
  'provider.update': {
    before: snapshot({ version: num, categories: z.array(str), qualifications: z.array(json) }),
    after: snapshot({ version: num, categories: z.array(str), qualifications: z.array(json) }),
  },
  'shortlist.add_provider': { before: null, after: exact({ providerId: str, note: nullableStr }) },
  'shortlist.remove_provider': { before: exact({ providerId: str, note: nullableStr }), after: null },
  'trial.link_provider': { before: null, after: exact({ providerId: str, category: str }) },
  'trial.unlink_provider': { before: exact({ providerId: str, category: str }), after: null },
} satisfies Record<AuditAction, AuditPayloadSpec>;

type AuditPayloadSpecs = typeof AUDIT_PAYLOADS;
/**
 * One side of an action's payload as a use-case passes it (zod's input type, before the canonical JSON round trip):
 * required when its schema refuses null, optional when it accepts null, absent when the action has no such side.
 */
type PayloadSide<K extends 'before' | 'after', S> = S extends Schema
  ? null extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: undefined };
/** What `before` and `after` of an audit row of action `A` hold, typed from its schemas in `AUDIT_PAYLOADS`. */
export type AuditPayloadOf<A extends AuditAction> = PayloadSide<'before', AuditPayloadSpecs[A]['before']> &
  PayloadSide<'after', AuditPayloadSpecs[A]['after']>;

/** What went wrong with a payload, for the error a developer reads: the action, the side and zod's issues. */
export function auditPayloadIssues(action: AuditAction, before: unknown, after: unknown): string[] {
  const spec = AUDIT_PAYLOADS[action];
  const issues: string[] = [];
  for (const [side, schema, value] of [
    ['before', spec.before, before],
    ['after', spec.after, after],
  ] as const) {
    if (value === undefined || value === null) {
      if (schema && !schema.safeParse(null).success) issues.push(`${side}: required`);
      continue;
    }
    if (!schema) {
      issues.push(`${side}: this action has no ${side} payload`);
      continue;
    }
    const r = schema.safeParse(value);
    if (!r.success) for (const i of r.error.issues) issues.push(`${side}.${i.path.join('.')}: ${i.message}`);
  }
  return issues;
}

/** The deliberation fields of a payload schema (the top-level fields marked with `deliberation`). */
export function deliberationFieldsOf(schema: Schema | null): string[] {
  let s: Schema | null = schema;
  // Unwrap `.nullable()` around the object.
  while (s && s instanceof z.ZodNullable) s = s.unwrap() as Schema;
  if (!s || !(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, Schema>)
    .filter(([, field]) => isDeliberation(field))
    .map(([name]) => name);
}
