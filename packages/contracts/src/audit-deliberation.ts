import type { AuditAction } from './audit.ts';
import { AUDIT_PAYLOADS, type AuditPayloadSpec, deliberationFieldsOf } from './audit-payloads.ts';

/**
 * The confidential deliberation of an ethics committee inside audit payloads (issue 12; DESIGN §2: the admin reads
 * no confidential deliberation): per audit action, the `before`/`after` fields that carry a vote, a conflict
 * declaration, an internal note, attendance or the identity of the member acting inside the committee; and the
 * actions whose actor is such a member (who voted, who objected, who declared). Read from the payload schemas
 * (`AUDIT_PAYLOADS` in `audit-payloads.ts`, issue 15): a field is deliberation where its schema is marked so.
 *
 * The chain keeps every field (verification recomputes hashes over the stored rows); only the admin's view
 * (`audit.list`, and any export built from it) is redacted, by `redactAuditEvent`.
 */
export const DELIBERATION_AUDIT_FIELDS: Partial<Record<AuditAction, { fields: readonly string[]; actor: boolean }>> =
  Object.fromEntries(
    (Object.entries(AUDIT_PAYLOADS) as [AuditAction, AuditPayloadSpec][]).flatMap(([action, spec]) => {
      const fields = [...new Set([...deliberationFieldsOf(spec.before), ...deliberationFieldsOf(spec.after)])];
      const actor = spec.memberActs === true;
      return fields.length > 0 || actor ? [[action, { fields, actor }]] : [];
    }),
  );

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
