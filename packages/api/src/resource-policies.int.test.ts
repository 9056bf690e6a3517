import type { DbHandle } from '@ctp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenantWorld, TENANT_B_ACCOUNTS, type TenantWorld } from '../../../test/helpers/tenant-world.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../test/helpers/test-app.ts';
import { ChangeWatch } from './testing/db-checksum.ts';
import { callPath, idFieldsOf, validInput, walkRouter } from './testing/router-walk.ts';

/**
 * Resource-level policies (issue 12): every procedure that takes an id is called by each role of tenant B that its
 * role-level policy admits, with tenant A's ids. Each call must be refused as NOT_FOUND or FORBIDDEN, return no
 * data and change nothing. Generated from the router: a new procedure with an id is covered, or fails here until
 * its ids are mapped below.
 */

/** Which of A's records a field names, by field (any procedure). */
const FIELD_RECORD: Record<string, (w: TenantWorld) => unknown> = {
  shortlistId: (w) => w.shortlistId,
  webhookId: (w) => w.webhookId,
  trialId: (w) => w.trialId,
  trialSiteId: (w) => w.trialSiteId,
  submissionId: (w) => w.submissionId,
  previousSubmissionId: (w) => w.submissionId,
  againstSubmissionId: (w) => w.draftSubmissionId,
  submissionIds: (w) => [w.submissionId],
  meetingId: (w) => w.meetingId,
  memberId: (w) => w.memberId,
  committeeId: (w) => w.committeeId,
  requestId: (w) => w.recognitionRequestId,
  inquiryId: (w) => w.inquiryId,
  attachmentId: (w) => w.inquiryAttachmentId,
  hospitalId: (w) => w.hospitalId,
  hospitalOrgId: (w) => w.hospitalId,
  hospitalIds: (w) => [w.hospitalId],
  hospitalSpecialtyId: (w) => w.hospitalSpecialtyId,
  hospitalSpecialtyIds: (w) => [w.hospitalSpecialtyId],
  specialtyIds: (w) => [w.hospitalSpecialtyId],
  investigatorId: (w) => w.investigatorId,
  membershipId: (w) => w.membershipIdA,
  userId: (w) => w.userIdA,
  committeeIds: (w) => [w.committeeId],
  inviteCommitteeIds: (w) => [w.committeeId],
  entityId: (w) => w.submissionId,
  orgId: (w) => w.hospitalId,
  leadHospitalId: (w) => w.hospitalId,
  croOrgId: (w) => w.hospitalId,
  leadOrgId: (w) => w.hospitalId,
  memberOrgIds: (w) => [w.hospitalId],
  actorUserId: (w) => w.userIdA,
  baseId: (w) => w.baseId,
  projectId: (w) => w.projectId,
  // A project's milestone and a public registry number: the project itself is the commission's (no tenant B caller).
  milestoneId: () => 1,
  registryId: () => 'NCT00000000',
  providerId: (w) => w.providerId,
  // Registry name-review items belong to the platform, not to a tenant (admin only): a made-up id.
  queueId: () => 'a-made-up-queue-id',
};

/** What `id` names, by procedure path prefix. */
const ID_RECORD: [prefix: string, record: (w: TenantWorld) => unknown][] = [
  ['shortlists.', (w) => w.shortlistId],
  ['tokens.', (w) => w.apiTokenId],
  ['bases.', (w) => w.baseId],
  ['projects.', (w) => w.projectId],
  ['providers.', (w) => w.providerId],
  ['trials.', (w) => w.trialId],
  ['submissions.', (w) => w.submissionId],
  ['modifications.', (w) => w.submissionId],
  ['recognition.agreements.', (w) => w.agreementId],
  ['recognition.requests.', (w) => w.recognitionRequestId],
  ['hospitals.updateSpecialty', (w) => w.hospitalSpecialtyId],
  ['hospitals.retireSpecialty', (w) => w.hospitalSpecialtyId],
  ['hospitals.updateInvestigator', (w) => w.investigatorId],
  ['hospitals.retireInvestigator', (w) => w.investigatorId],
  ['organisations.get', (w) => w.hospitalId],
  ['hospitals.get', (w) => w.hospitalId],
];

/**
 * Procedures whose ids name shared records, so another tenant's call is meant to succeed: what it returns is
 * the public directory or the caller's own records.
 */
const SHARED_BY_DESIGN: Record<string, string> = {
  'organisations.get': 'the directory of organisations is read by every signed-in user',
  'bases.get': 'collaborative bases are public records of the city (issue 18)',
  'bases.linkableTrials': 'answers with the caller’s own trials only (none for a non-member)',
  'bases.create': 'the commission names member organisations from the directory',
  'providers.get': 'a service provider’s profile is public to every signed-in user, like a hospital’s (issue 18)',
  'hospitals.get': 'a hospital profile is public capacity information (DESIGN §6)',
  'sites.compare': 'comparing public hospital profiles',
  'inquiries.targets':
    'the public specialties of hospitals, to choose inquiry targets (another tenant’s trialId is NOT_FOUND: inquiries.int)',
  'trials.create': 'names a lead hospital and a CRO from the directory; the trial is the caller’s own',
  'shortlists.create': 'no id',
  'recognition.agreements.create': 'the commission names committees from the directory',
  'recognition.localContext.get': 'hospital local context is read by ECs of any agreement (DESIGN §4.2)',
  'recognition.agreements.get': 'agreements are listed to every signed-in user (who recognises whom is public)',
};

/**
 * Procedures acting on a shared record (a public agreement): B's call must still be refused and change nothing,
 * but saying why (PRECONDITION_FAILED: not invited) reveals nothing that is not public.
 */
const SHARED_RECORD_ACTIONS = new Set(['recognition.agreements.join', 'recognition.agreements.leave']);

/** A list filtered by another tenant's id answers with nothing: that is "no data", not a leak. */
function isEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object' && 'items' in data) return isEmpty((data as { items: unknown }).items);
  return false;
}

/** Ids of A that no use-case flow creates cheaply here; a made-up id tests only NOT_FOUND. */
const NOT_BUILT: Record<string, string> = {
  'recognition.objections.resolve': 'an objection id',
  'recognition.acks.act': 'an amendment acknowledgement id',
};

const procedures = walkRouter();

let database: DbHandle;
let world: TenantWorld;
beforeAll(async () => {
  database = await createSeededDatabase();
  world = await buildTenantWorld(database);
}, 60_000);
afterAll(() => database.sqlite.close());

function overridesFor(path: string, fields: string[]): { overrides: Record<string, unknown>; unmapped: string[] } {
  const overrides: Record<string, unknown> = {};
  const unmapped: string[] = [];
  for (const field of fields) {
    const record = field === 'id' ? ID_RECORD.find(([prefix]) => path.startsWith(prefix))?.[1] : FIELD_RECORD[field];
    if (record) overrides[field] = record(world);
    else if (field === 'id' && NOT_BUILT[path]) overrides[field] = 'a-made-up-id';
    else unmapped.push(field);
  }
  return { overrides, unmapped };
}

describe('tenant A’s ids used by tenant B (issue 12)', () => {
  it('maps every id field of every procedure to a record of A', () => {
    const unmapped = procedures.flatMap((p) => {
      const fields = idFieldsOf(p.input);
      return overridesFor(p.path, fields).unmapped.map((f) => `${p.path}.${f}`);
    });
    expect(unmapped).toEqual([]);
  });

  it('refuses them as NOT_FOUND or FORBIDDEN, with no data and no change, for every role of B', async () => {
    const tenantB = TENANT_B_ACCOUNTS.map((email) => callerAs(database, email));
    const offenders: unknown[] = [];
    const noValidInput: string[] = [];
    let calls = 0;
    let covered = 0;
    const watch = new ChangeWatch(database);
    for (const p of procedures) {
      const fields = idFieldsOf(p.input);
      if (fields.length === 0 || SHARED_BY_DESIGN[p.path] || !p.policy) continue;
      const callers = tenantB.filter((c) => p.policy!.allows(c.ctx.session?.actor ?? null));
      if (callers.length === 0) continue; // a platform role's procedure (admin, commission): no tenant B caller
      const input = validInput(p, overridesFor(p.path, fields).overrides);
      if (!input) {
        noValidInput.push(p.path);
        continue;
      }
      covered++;
      for (const caller of callers) {
        const outcome = await callPath(caller, p.path, input.value).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        calls++;
        const role = caller.ctx.session?.actor?.role;
        const changed = watch.changed();
        if (changed) offenders.push({ path: p.path, role, changed });
        if (outcome.ok && isEmpty(outcome.data)) continue;
        if (outcome.ok) {
          offenders.push({ path: p.path, role, answered: JSON.stringify(outcome.data).slice(0, 200) });
          continue;
        }
        const error = await apiErrorOf(Promise.reject(outcome.error));
        const expected = [
          'NOT_FOUND',
          'FORBIDDEN',
          ...(SHARED_RECORD_ACTIONS.has(p.path) ? ['PRECONDITION_FAILED'] : []),
        ];
        if (!expected.includes(error.code))
          offenders.push({ path: p.path, role, code: error.code, detail: error.detail });
      }
    }
    console.info(
      `resource-level policies: ${covered} procedures taking ids, ${calls} calls by ${TENANT_B_ACCOUNTS.length} tenant-B accounts`,
    );
    expect(noValidInput).toEqual([]);
    expect(offenders).toEqual([]);
    expect(covered).toBeGreaterThan(60);
  });
});
