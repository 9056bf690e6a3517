import type { AuditAction } from './audit.ts';

/**
 * The confidential deliberation of an ethics committee inside audit payloads (issue 12; DESIGN §2: the admin reads
 * no confidential deliberation). The ONE list: per audit action, the `before`/`after` fields that carry a vote, a
 * conflict declaration, an internal note, attendance or the identity of the member acting inside the committee; and
 * the actions whose actor is such a member (who voted, who objected, who declared).
 *
 * The chain keeps every field (verification recomputes hashes over the stored rows); only the admin's view
 * (`audit.list`, and any export built from it) is redacted, by `redactAuditEvent`.
 */
export const DELIBERATION_AUDIT_FIELDS: Partial<Record<AuditAction, { fields: readonly string[]; actor: boolean }>> = {
  'meeting.vote': { fields: ['memberId', 'choice'], actor: true },
  'meeting.declare_conflict': { fields: ['memberId', 'reason'], actor: true },
  'meeting.record_attendance': { fields: ['memberId', 'present'], actor: false },
  'review.declare': { fields: ['memberId', 'hasConflict', 'statement', 'reviewerRemoved'], actor: true },
  'review.assign': { fields: ['memberId', 'memberName'], actor: false },
  'review.unassign': { fields: ['memberId'], actor: false },
  'review.save_worksheet': { fields: ['memberId', 'recommendedOutcome'], actor: true },
  'review.submit_worksheet': { fields: ['memberId', 'recommendedOutcome'], actor: true },
  // The expedited objection's actor is the reviewer who said no.
  'submission.refer_to_meeting': { fields: [], actor: true },
  // Internal notes: why a file was accepted despite the checklist; the triage note.
  'submission.accept': { fields: ['comment'], actor: false },
  'submission.triage': { fields: ['comment'], actor: false },
};

/** What replaces a redacted value in the admin's view. */
export const REDACTED = '[redacted]';

export function deliberationOf(action: string): { fields: readonly string[]; actor: boolean } | undefined {
  return (DELIBERATION_AUDIT_FIELDS as Record<string, { fields: readonly string[]; actor: boolean }>)[action];
}

function redactPayload(payload: unknown, fields: readonly string[]): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const f of fields) if (f in out) out[f] = REDACTED;
  return out;
}

/**
 * Pure: an audit event as the admin may read it — deliberation fields replaced by `REDACTED`, and for actions whose
 * actor acts inside the committee, no actor. `redacted` says that something was taken out.
 */
export function redactAuditEvent<
  E extends {
    action: string;
    before: unknown;
    after: unknown;
    actorUserId: string | null;
    actorName: string | null;
    actorEmail: string | null;
  },
>(event: E): E & { redacted: boolean } {
  const rule = deliberationOf(event.action);
  if (!rule) return { ...event, redacted: false };
  return {
    ...event,
    before: redactPayload(event.before, rule.fields),
    after: redactPayload(event.after, rule.fields),
    ...(rule.actor ? { actorUserId: null, actorName: null, actorEmail: null } : {}),
    redacted: true,
  };
}
