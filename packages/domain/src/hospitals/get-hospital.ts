import { type AuditAction, POLICIES } from '@ctp/contracts';
import { auditEvents, organisationAliases, specialtyCatalogue, users } from '@ctp/db';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { loadHospitalCapacity } from '../capacity/read-model-reads.ts';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { profileCompleteness } from './profile-completeness.ts';
import { changedKeys } from './profile-guard.ts';

/** The audit actions that make up a hospital profile's change history. */
export const PROFILE_HISTORY_ACTIONS = [
  'hospital.update_profile',
  'hospital.confirm_capacity',
  'specialty.add',
  'specialty.update',
  'specialty.retire',
  'investigator.add',
  'investigator.update',
  'investigator.retire',
  'capability.set',
] as const satisfies readonly AuditAction[];

export type ProfileHistoryItem = {
  id: number;
  at: number;
  action: AuditAction;
  entityType: string;
  entityId: string;
  actorName: string | null;
  role: string | null;
  /** What the row is about: an investigator's name, a specialty's names. */
  subject: { zh: string; en: string } | null;
  /** Which fields changed (update actions). */
  changes: string[];
  /** The reason given when a record was retired. */
  reason: string | null;
  /** Capability codes added and removed (capability.set). */
  added: string[];
  removed: string[];
};

const HISTORY_LIMIT = 50;

function parse(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

function capabilityChange(action: string, before: Record<string, unknown>, after: Record<string, unknown>) {
  if (action !== 'capability.set') return { added: [], removed: [] };
  const was = (before.capabilities ?? []) as string[];
  const now = (after.capabilities ?? []) as string[];
  return { added: now.filter((c) => !was.includes(c)), removed: was.filter((c) => !now.includes(c)) };
}

/**
 * A hospital's full profile for every signed-in role (profiles are not confidential): the capacity with derived
 * load (the same numbers search shows), aliases, trial office contacts, completeness, last confirmation, and the
 * last 50 changes. The change history names who changed what and which fields, not the values (those stay in the
 * admin's audit log).
 */
export function getHospital({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  if (!POLICIES.readDirectory.allows(ctx.actor)) throw forbidden();
  const [cap] = loadHospitalCapacity(ctx.db, ctx.now(), [input.id]);
  if (!cap) throw notFound('ORG_NOT_FOUND');
  const o = cap.org;
  const aliases = ctx.db
    .select({ alias: organisationAliases.alias, lang: organisationAliases.lang })
    .from(organisationAliases)
    .where(eq(organisationAliases.orgId, o.id))
    .all();

  // Rows written by the profile use-cases carry the hospital as org_id; admin edits of the organisation record
  // are found by entity. The action list keeps sign-ins of the hospital's staff out.
  const rows = ctx.db
    .select({ e: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      or(
        and(eq(auditEvents.orgId, o.id), inArray(auditEvents.action, PROFILE_HISTORY_ACTIONS)),
        and(eq(auditEvents.entityType, 'organisation'), eq(auditEvents.entityId, o.id)),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(HISTORY_LIMIT)
    .all();
  const catalogue = new Map(
    ctx.db
      .select({ code: specialtyCatalogue.code, zh: specialtyCatalogue.nameZh, en: specialtyCatalogue.nameEn })
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, c]),
  );
  const history: ProfileHistoryItem[] = rows.map(({ e, actorName }) => {
    const before = parse(e.beforeJson);
    const after = parse(e.afterJson);
    const code = (after.specialtyCode ?? before.specialtyCode) as string | undefined;
    const name = (after.name ?? before.name) as string | undefined;
    const spec = code ? catalogue.get(code) : undefined;
    return {
      id: e.id,
      at: e.at,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actorName,
      role: e.role,
      subject: spec ? { zh: spec.zh, en: spec.en } : name ? { zh: name, en: name } : null,
      changes: e.action.endsWith('.update') || e.action === 'hospital.update_profile' ? changedKeys(before, after) : [],
      reason: typeof after.reason === 'string' ? after.reason : null,
      ...capabilityChange(e.action, before, after),
    };
  });

  return {
    hospital: {
      id: o.id,
      code: o.code,
      nameZh: o.nameZh,
      nameEn: o.nameEn,
      shortName: o.shortName,
      district: o.district,
      level: o.level,
      hospitalType: o.hospitalType,
      parentUniversity: o.parentUniversity,
      address: o.address,
      nmpaDrugFilingNo: o.nmpaDrugFilingNo,
      nmpaDrugFilingDate: o.nmpaDrugFilingDate,
      deviceFilingNo: o.deviceFilingNo,
      phase1Beds: o.phase1Beds,
      phase1FilingDate: o.phase1FilingDate,
      totalBeds: o.totalBeds,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      contactEmail: o.contactEmail,
      isDemoData: o.isDemoData,
      version: o.version,
      aliases,
    },
    specialties: cap.specialties,
    investigators: cap.investigators,
    capabilities: cap.capabilities,
    hasPhase1Unit: cap.hasPhase1Unit,
    lastConfirmedAt: o.capacityConfirmedAt,
    stale: cap.stale,
    completeness: profileCompleteness(cap),
    history,
  };
}
export type HospitalProfile = ReturnType<typeof getHospital>;
