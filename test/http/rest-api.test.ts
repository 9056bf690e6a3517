import { createRequire } from 'node:module';
import type { TokenScope } from '@ctp/contracts';
import { apiTokenCalls, auditEvents, registryTrials } from '@ctp/db';
import { prepareRegistryImport, runRegistryImport, verifyAuditChain } from '@ctp/domain';
import { Validator } from '@seriousme/openapi-schema-validator';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_ROUTES } from '../../packages/api/src/rest/rest-routes.ts';
import { apiErrorOf, callerAs, startTestServer } from '../helpers/test-app.ts';

const require = createRequire(import.meta.url);
const FhirValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (resource: unknown, verbose?: boolean) => unknown[];
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

async function tokenFor(email: string, scopes: TokenScope[], role: 'sponsor' | 'site_admin' | 'commission') {
  const caller = callerAs(server.database, email);
  return caller.tokens.create({ name: `集成测试 ${scopes.join('+')}`, role, scopes, expiresAt: NEXT_YEAR });
}

const api = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(init.headers as Record<string, string>) },
  });

describe('REST API /api/v1 with API tokens (issue 17)', () => {
  it('answers a site search for 肺癌 to a sponsor token, and 401 once the token is revoked', async () => {
    const { token, id } = await tokenFor('sponsor@demo.ctp', ['read'], 'sponsor');
    expect(token).toMatch(/^ctp_[A-Za-z0-9_-]{43}$/);
    const res = await api(`/sites/search?q=${encodeURIComponent('肺癌')}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { hospitalName: string }[]; total: number; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);

    // The token's access log has the call; the list shows when and from where it was last used.
    const calls = server.database.db.select().from(apiTokenCalls).where(eq(apiTokenCalls.tokenId, id)).all();
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([['GET', '/sites/search', 200]]);
    const listed = await callerAs(server.database, 'sponsor@demo.ctp').tokens.list();
    const mine = listed.find((t) => t.id === id)!;
    expect(mine.status).toBe('active');
    expect(mine.lastUsedIp).toBe('127.0.0.1');
    expect(JSON.stringify(listed)).not.toContain(token);

    await callerAs(server.database, 'sponsor@demo.ctp').tokens.revoke({ id });
    const refused = await api('/sites/search?q=x', token, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    const error = (await refused.json()) as { error: { code: string; detail: string; message: string } };
    expect(error.error).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'TOKEN_INVALID' });
    expect(error.error.message).toBe('The API token is not valid, has expired or has been revoked.');
  });

  it('refuses a read-only token a milestone write, and records enrolment with the scope, audited as the token', async () => {
    const board = await callerAs(server.database, 'site@demo.ctp').trialSites.board();
    const site = board.find((s) => s.state === 'enrolling')!;
    expect(site).toMatchObject({ state: 'enrolling' });
    const readOnly = await tokenFor('site@demo.ctp', ['read'], 'site_admin');
    const auditBefore = server.database.db.select().from(auditEvents).all().length;
    const refused = await api(`/trial-sites/${site.id}/milestones`, readOnly.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ milestone: 'siv', date: '2026-01-05' }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { detail: string } }).error.detail).toBe('TOKEN_SCOPE_MISSING');
    expect(server.database.db.select().from(auditEvents).all().length).toBe(auditBefore);

    const writer = await tokenFor('site@demo.ctp', ['read', 'trialSites.recordEnrolment'], 'site_admin');
    const month = Object.keys(site.enrolmentByMonth).sort().at(-1)!;
    const prior = site.enrolmentByMonth[month] as {
      screened: number;
      enrolled: number;
      screenFailures: number;
      withdrawn: number;
    };
    const res = await api(`/trial-sites/${site.id}/enrolment`, writer.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...prior, month, screened: prior.screened + 3, enrolled: prior.enrolled + 2 }),
    });
    expect(res.status).toBe(200);
    const audit = server.database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()!;
    expect(audit).toMatchObject({ action: 'site.record_enrolment', entityId: site.id, apiTokenId: writer.id });
    expect(verifyAuditChain(server.database.db).ok).toBe(true);
  });

  it('pages lists by cursor, answers 304 to If-None-Match, and refuses an unknown parameter in the caller’s language', async () => {
    const { token } = await tokenFor('commission@demo.ctp', ['read'], 'commission');
    const first = await api('/trials?limit=2', token);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: { id: string }[]; total: number; nextCursor: string };
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(2);
    const page2 = (await (await api(`/trials?limit=2&cursor=${page1.nextCursor}`, token)).json()) as {
      items: { id: string }[];
    };
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    expect(page2.items.map((t) => t.id)).not.toContain(page1.items[1]!.id);

    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await api('/trials?limit=2', token, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    const bad = await api('/metrics/overview?districtt=玄武区', token, { headers: { 'accept-language': 'en' } });
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as { error: { code: string; fieldErrors: { path: string; message: string }[] } };
    expect(error.error.code).toBe('VALIDATION');
    expect(error.error.fieldErrors).toEqual([{ path: 'districtt', message: 'The API does not know this parameter.' }]);
    const overview = await api(`/metrics/overview?district=${encodeURIComponent('玄武区')}`, token);
    expect(overview.status).toBe(200);
    // A letter that does not exist is a JSON 404 like any other error, not an empty file.
    const letter = await api('/submissions/no-such-submission/letter', token);
    expect(letter.status).toBe(404);
    expect(((await letter.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await api('/no/such/path', token)).status).toBe(404);
  });

  it('refuses tokens to EC roles and to the platform admin, and a token cannot mint tokens', async () => {
    for (const email of ['ec@demo.ctp', 'chair@demo.ctp', 'member@demo.ctp', 'admin@demo.ctp']) {
      const error = await apiErrorOf(
        callerAs(server.database, email).tokens.create({
          name: 'x token',
          role: 'sponsor',
          scopes: ['read'],
          expiresAt: NEXT_YEAR,
        }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    const wrongRole = await apiErrorOf(
      callerAs(server.database, 'sponsor@demo.ctp').tokens.create({
        name: 'x token',
        role: 'commission',
        scopes: ['read'],
        expiresAt: NEXT_YEAR,
      }),
    );
    expect(wrongRole.detail).toBe('TOKEN_ROLE_NOT_HELD');
    const pastExpiry = await apiErrorOf(
      callerAs(server.database, 'sponsor@demo.ctp').tokens.create({
        name: 'x token',
        role: 'sponsor',
        scopes: ['read'],
        expiresAt: '2020-01-01',
      }),
    );
    expect(pastExpiry.detail).toBe('TOKEN_EXPIRY_OUT_OF_RANGE');
    // EC deliberation is not reachable: no route calls a meeting, review or committee procedure.
    expect(
      REST_ROUTES.filter((r) =>
        /^(meetings|reviews|committees|modifications|audit|tokens|webhooks)\./.test(r.procedure),
      ),
    ).toEqual([]);
  });

  it('serves a valid OpenAPI 3.1 document listing every route, and a docs page generated from it', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const verdict = await validator.validate(doc);
    expect(verdict.errors ?? []).toEqual([]);
    expect(verdict.valid).toBe(true);
    for (const route of REST_ROUTES)
      expect(doc.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toMatchObject({
        operationId: route.operationId,
      });
    expect(Object.keys(doc.paths).length).toBe(new Set(REST_ROUTES.map((r) => r.path)).size);

    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    const html = await docs.text();
    for (const route of REST_ROUTES) expect(html).toContain(`/api/v1${route.path}`);
  });

  it('exports a platform trial and an imported NCT trial as FHIR R4 Bundles that pass the official R4 JSON schema', async () => {
    const { token } = await tokenFor('commission@demo.ctp', ['read'], 'commission');
    const trials = (await (await api('/trials?limit=1', token)).json()) as { items: { id: string }[] };
    // An imported CT.gov study (the shape of the registry fixtures), with a site resolved to a Nanjing hospital.
    const study = {
      protocolSection: {
        identificationModule: { nctId: 'NCT09000101', briefTitle: 'Fixture study of NSCLC' },
        statusModule: {
          overallStatus: 'RECRUITING',
          startDateStruct: { date: '2025-03' },
          lastUpdatePostDateStruct: { date: '2025-04-01' },
        },
        sponsorCollaboratorsModule: { leadSponsor: { name: 'Fixture Pharma', class: 'INDUSTRY' } },
        conditionsModule: { conditions: ['Non-small Cell Lung Cancer'] },
        designModule: { phases: ['PHASE2', 'PHASE3'], enrollmentInfo: { count: 300 } },
        contactsLocationsModule: {
          locations: [
            { facility: 'Jiangsu Province Hospital', city: 'Nanjing', country: 'China', status: 'RECRUITING' },
          ],
        },
      },
    };
    const prepared = prepareRegistryImport(
      'ctgov',
      [{ name: 'fixture.json', bytes: Buffer.from(JSON.stringify([study])) }],
      { partial: false },
    );
    runRegistryImport(server.database.db, { actor: null, now: Date.now, requestId: 'fixture' }, prepared);
    const nct = server.database.db
      .select()
      .from(registryTrials)
      .where(eq(registryTrials.registryId, 'NCT09000101'))
      .get()!;
    const validator = new FhirValidator();
    for (const id of [trials.items[0]!.id, nct.registryId]) {
      const res = await api(`/trials/${id}/fhir`, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/fhir+json');
      const bundle = (await res.json()) as {
        resourceType: string;
        entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
      };
      expect(validator.validate(bundle, true)).toEqual([]);
      expect(bundle.resourceType).toBe('Bundle');
      const study = bundle.entry[0]!.resource;
      expect(study.resourceType).toBe('ResearchStudy');
      expect(study.identifier!.map((i) => i.value)).toContain(id);
      // Each resource of the bundle is valid on its own too.
      for (const e of bundle.entry) expect(validator.validate(e.resource, true)).toEqual([]);
      // …and the validator does refuse what R4 does not allow (a status outside its value set).
      expect(validator.validate({ ...study, status: 'running' }, true).length).toBeGreaterThan(0);
      const kinds = new Set(bundle.entry.map((e) => e.resource.resourceType));
      expect(kinds.has('Location')).toBe(true);
    }
  });
});
