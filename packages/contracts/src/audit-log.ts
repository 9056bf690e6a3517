import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './audit.ts';

export const auditListInput = z.object({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: z.string().max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.number().int().positive().optional(),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export type AuditEventView = {
  id: number;
  at: number;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  orgId: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The record's name (user, trial title, hospital, 受理号 …), resolved when listed; null when none is on file. */
  entityName: { zh: string; en: string } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
  /** Deliberation fields (or the acting member) taken out of the admin's view (`redactAuditEvent`). */
  redacted: boolean;
};
