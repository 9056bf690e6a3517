import { type ActorRef, canManageTrial } from '@ctp/contracts';
import type { inquiries, trials } from '@ctp/db';

/**
 * Resource-level access to a trial and its sites (CONVENTIONS §6): pure functions over the loaded rows, the one place
 * these rules live. `trial-access.ts` loads; the use-cases of every aggregate that touches a trial ask here. The
 * rules the web needs too (who manages a trial, who acts for a site, a side on a site, who records a delay) live in
 * `@ctp/contracts` (trial-policy.ts), over the few fields they read, and are imported from there.
 */
type TrialRow = typeof trials.$inferSelect;
type InquiryRow = typeof inquiries.$inferSelect;

/** Pure: may the actor see this trial at all? Commission and admin read everything (no deliberations live here). */
export function canReadTrial(
  actor: ActorRef | null,
  trial: TrialRow,
  siteHospitalIds: string[],
  piUserIds: (string | null)[],
): boolean {
  if (!actor) return false;
  if (actor.role === 'commission' || actor.role === 'admin') return true;
  if (canManageTrial(actor, trial)) return true;
  if (actor.role === 'site_admin') return siteHospitalIds.includes(actor.orgId);
  if (actor.role === 'investigator') return piUserIds.includes(actor.userId);
  if (actor.role === 'ec_secretary' || actor.role === 'ec_member' || actor.role === 'ec_chair')
    return siteHospitalIds.includes(actor.orgId);
  return false;
}

/** Pure: an inquiry (询问, issue 14) is answered by the trial office of the hospital it was sent to. */
export function answersInquiry(actor: ActorRef | null, inquiry: Pick<InquiryRow, 'hospitalOrgId'>): boolean {
  return actor !== null && actor.role === 'site_admin' && actor.orgId === inquiry.hospitalOrgId;
}

/**
 * Pure: who reads an inquiry's attachments: the trial office it was sent to, always; the trial's sponsor (or CRO; or,
 * for an investigator-initiated trial, the hospital running it) once the answer is sent (no longer `sent`).
 */
export function canReadInquiryAttachments(
  actor: ActorRef | null,
  inquiry: Pick<InquiryRow, 'hospitalOrgId' | 'status'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
): boolean {
  if (answersInquiry(actor, inquiry)) return true;
  if (inquiry.status === 'sent') return false;
  return canManageTrial(actor, trial);
}
