import { PROVIDER_CATEGORIES } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastAudit } from '../../../../test/helpers/db-counts.ts';
import { apiErrorOf, callerAs, createSeededDatabase, tableCounts } from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

const LAB = 'org-prov-xianlin-lab';

describe('service providers (issue 18)', () => {
  it('a sponsor finds a central lab and a CRO by Chinese, English and pinyin; facet counts equal totals', async () => {
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const byZh = await sponsor.providers.search({ q: '中心实验室', limit: 100 });
    const byEn = await sponsor.providers.search({ q: 'central lab', limit: 100 });
    const byPinyin = await sponsor.providers.search({ q: 'zxsys', limit: 100 });
    for (const r of [byZh, byEn, byPinyin]) {
      expect(r.items.map((p) => p.id)).toContain(LAB);
      expect(r.items.every((p) => p.categories.includes('central_lab'))).toBe(true);
    }
    expect(byEn.total).toBe(byZh.total);
    const croZh = await sponsor.providers.search({ q: '合同研究组织', limit: 100 });
    const croEn = await sponsor.providers.search({ q: 'contract research', limit: 100 });
    const croAbbr = await sponsor.providers.search({ q: 'CRO', limit: 100 });
    for (const r of [croZh, croEn, croAbbr]) {
      expect(r.total).toBe(4);
      expect(r.items.every((p) => p.categories.includes('cro'))).toBe(true);
    }
    expect(croEn.items.map((p) => p.id).sort()).toEqual(croZh.items.map((p) => p.id).sort());
    // A name in Chinese, its English name and its pinyin initials find the same provider first.
    for (const q of ['钟山临床', 'Zhongshan Clinical', 'zslc'])
      expect((await sponsor.providers.search({ q })).items[0]?.id, q).toBe('org-prov-zhongshan-cro');
    expect((await sponsor.providers.search({ q: '没有这种服务机构' })).total).toBe(0);

    // Every facet value's count is the total got by choosing it, with or without a query.
    for (const base of [
      {},
      { q: '中心实验室' },
      { district: '江宁区' as const },
      { q: 'ISO', category: 'cro' as const },
    ]) {
      // A search narrowed by a facet value answers exactly that value's count.
      const all = await sponsor.providers.search({ ...base, limit: 100 });
      expect(all.items.length).toBe(all.total);
      for (const f of 'category' in base ? [] : all.facets.category)
        expect((await sponsor.providers.search({ ...base, category: f.value as never })).total, f.value).toBe(f.count);
      for (const f of all.facets.qualification)
        expect((await sponsor.providers.search({ ...base, qualification: f.value as never })).total, f.value).toBe(
          f.count,
        );
      // (Within a district filter, choosing another district is a different search, not a narrowing.)
      for (const f of 'district' in base ? [] : all.facets.district)
        expect((await sponsor.providers.search({ ...base, district: f.value as never })).total, f.value).toBe(f.count);
    }
    // The demo holds three or more providers in every category.
    const all = await sponsor.providers.search({ limit: 100 });
    for (const c of PROVIDER_CATEGORIES)
      expect(all.facets.category.find((f) => f.value === c)?.count ?? 0, c).toBeGreaterThanOrEqual(3);
    expect(all.items.every((p) => p.isDemo)).toBe(true);
    // Labels follow the caller's language.
    const en = await callerAs(database, 'sponsor@demo.ctp', { locale: 'en' }).providers.search({ category: 'biobank' });
    expect(en.facets.category.find((f) => f.value === 'biobank')?.label).toBe('Biobank');
  });

  it('pages with a cursor through the whole result', async () => {
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const first = await sponsor.providers.search({ limit: 10 });
    const second = await sponsor.providers.search({ limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((p) => p.id)).not.toContain(first.items[0]!.id);
    expect(first.total).toBe(second.total);
  });

  it('the provider admin keeps its own profile (audited, versioned, searchable at once); others are refused', async () => {
    const admin = callerAs(database, 'provider@demo.ctp');
    const profile = await admin.providers.get({ id: LAB });
    expect(profile.canEdit).toBe(true);
    expect((await callerAs(database, 'sponsor@demo.ctp').providers.get({ id: LAB })).canEdit).toBe(false);
    const before = tableCounts(database);
    const update = {
      id: LAB,
      version: profile.version,
      categories: ['central_lab' as const, 'biobank' as const],
      qualifications: [{ kind: 'glp' as const, number: 'GLP-TEST-0001', expiresOn: '2031-01-01' }],
    };
    for (const email of ['sponsor@demo.ctp', 'site@demo.ctp', 'admin@demo.ctp', 'commission@demo.ctp'])
      expect((await apiErrorOf(callerAs(database, email).providers.update(update))).code, email).toBe('FORBIDDEN');
    // Another provider's profile: refused, nothing changed.
    expect((await apiErrorOf(admin.providers.update({ ...update, id: 'org-prov-hexi-lab', version: 1 }))).detail).toBe(
      'PROVIDER_NOT_OWN',
    );
    // Bad input: a localised error, nothing changed.
    const bad = await apiErrorOf(
      admin.providers.update({ ...update, qualifications: [{ ...update.qualifications[0]!, issuedOn: '2032-01-01' }] }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(tableCounts(database)).toEqual(before);

    const { version } = await admin.providers.update(update);
    expect(version).toBe(profile.version + 1);
    expect(tableCounts(database).auditEvents).toBe(before.auditEvents + 1);
    const row = lastAudit(database);
    expect(row).toMatchObject({ action: 'provider.update', entityId: LAB });
    expect(row.before?.categories).toEqual(profile.categories);
    expect(row.after?.qualifications).toEqual([expect.objectContaining({ kind: 'glp', number: 'GLP-TEST-0001' })]);
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    expect((await sponsor.providers.search({ q: 'GLP-TEST-0001' })).items.map((p) => p.id)).toEqual([LAB]);
    expect((await sponsor.providers.search({ q: '生物样本库', limit: 100 })).items.map((p) => p.id)).toContain(LAB);
    expect((await sponsor.providers.search({ q: 'CNAS', limit: 100 })).items.map((p) => p.id)).not.toContain(LAB);
    // A stale version is a conflict.
    expect((await apiErrorOf(admin.providers.update(update))).detail).toBe('STALE_VERSION');
  });

  it('flags qualifications expiring within 60 days of Beijing today, to the provider and in search', async () => {
    // 20:00 UTC on 31 March is already 1 April in Beijing: 60 days later is 31 May.
    const now = () => Date.parse('2026-03-31T20:00:00Z');
    const admin = callerAs(database, 'provider@demo.ctp', { now });
    const { version } = await admin.providers.get({ id: LAB });
    await admin.providers.update({
      id: LAB,
      version,
      qualifications: [
        { kind: 'cnas', number: 'CNAS ML-EXPIRING', expiresOn: '2026-05-31' },
        { kind: 'cap', number: 'CAP-EXPIRED', expiresOn: '2026-03-31' },
        { kind: 'iso15189', number: 'CNAS MT-VALID', expiresOn: '2026-06-01' },
      ],
    });
    const found = (await callerAs(database, 'sponsor@demo.ctp', { now }).providers.search({ q: '仙林' })).items[0]!;
    expect(found.id).toBe(LAB);
    expect(Object.fromEntries(found.qualifications.map((q) => [q.number, [q.status, q.daysLeft]]))).toEqual({
      'CNAS ML-EXPIRING': ['expiring', 60],
      'CAP-EXPIRED': ['expired', -1],
      'CNAS MT-VALID': ['valid', 61],
    });
    expect(found.expiringCount).toBe(2);
    const todos = await admin.home.todos();
    const group = todos.find((g) => g.code === 'qualificationsExpiring')!;
    expect(group.count).toBe(2);
    expect(group.items.map((i) => i.ref)).toEqual(['CAP-EXPIRED', 'CNAS ML-EXPIRING']);
    expect(group.items[0]!.link).toBe(`/providers/${LAB}`);
    // Nobody else gets the provider's to-do.
    const sponsorTodos = await callerAs(database, 'sponsor@demo.ctp', { now }).home.todos();
    expect(sponsorTodos.some((g) => g.code === 'qualificationsExpiring')).toBe(false);
  });

  it('a sponsor shortlists providers on its own lists only (audited)', async () => {
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { id: shortlistId } = await sponsor.shortlists.create({ name: '（测试）服务机构' });
    await sponsor.providers.shortlist({ shortlistId, providerId: LAB, note: '报价合适' });
    expect(lastAudit(database)).toMatchObject({ action: 'shortlist.add_provider', entityId: shortlistId });
    expect((await apiErrorOf(sponsor.providers.shortlist({ shortlistId, providerId: LAB }))).detail).toBe(
      'ALREADY_ON_SHORTLIST',
    );
    expect((await apiErrorOf(sponsor.providers.shortlist({ shortlistId, providerId: 'hosp-jsph' }))).detail).toBe(
      'PROVIDER_NOT_FOUND',
    );
    const listed = await sponsor.providers.shortlisted({ shortlistId });
    expect(listed.map((p) => [p.id, p.note])).toEqual([[LAB, '报价合适']]);
    // Another organisation's sponsor: the list is not found; a provider admin may not shortlist at all.
    const cro = callerAs(database, 'cro@demo.ctp');
    expect((await apiErrorOf(cro.providers.shortlisted({ shortlistId }))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(cro.providers.unshortlist({ shortlistId, providerId: LAB }))).code).toBe('NOT_FOUND');
    expect(
      (await apiErrorOf(callerAs(database, 'provider@demo.ctp').providers.shortlist({ shortlistId, providerId: LAB })))
        .code,
    ).toBe('FORBIDDEN');
    await sponsor.providers.unshortlist({ shortlistId, providerId: LAB });
    const removed = lastAudit(database);
    expect(removed.action).toBe('shortlist.remove_provider');
    expect(removed.before).toEqual({ providerId: LAB, note: '报价合适' });
    expect(await sponsor.providers.shortlisted({ shortlistId })).toEqual([]);
  });

  it('the trial’s sponsor records which providers it uses; readers of the trial see them', async () => {
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）服务机构关联试验',
      type: 'drug',
      phase: 'II',
      conditions: ['肺癌'],
      targetEnrolment: 60,
      riskLevel: 'low',
      leadHospitalId: 'hosp-jsph',
    });
    await sponsor.providers.linkTrial({ trialId, providerId: LAB, category: 'central_lab' });
    expect(lastAudit(database)).toMatchObject({ action: 'trial.link_provider', entityId: trialId });
    expect((await apiErrorOf(sponsor.providers.linkTrial({ trialId, providerId: LAB, category: 'cro' }))).detail).toBe(
      'PROVIDER_CATEGORY_NOT_OFFERED',
    );
    expect(
      (await apiErrorOf(sponsor.providers.linkTrial({ trialId, providerId: LAB, category: 'central_lab' }))).detail,
    ).toBe('ALREADY_RECORDED');
    const used = await sponsor.providers.forTrial({ trialId });
    expect(used.map((u) => [u.providerId, u.category])).toEqual([[LAB, 'central_lab']]);
    expect((await callerAs(database, 'commission@demo.ctp').providers.forTrial({ trialId })).length).toBe(1);
    // Another sponsor: the trial is not found, for reading and for recording; a provider admin may not record.
    const cro = callerAs(database, 'cro@demo.ctp');
    expect((await apiErrorOf(cro.providers.forTrial({ trialId }))).code).toBe('NOT_FOUND');
    expect(
      (await apiErrorOf(cro.providers.linkTrial({ trialId, providerId: LAB, category: 'central_lab', linked: false })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await apiErrorOf(
          callerAs(database, 'provider@demo.ctp').providers.linkTrial({ trialId, providerId: LAB, category: 'cro' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await sponsor.providers.linkTrial({ trialId, providerId: LAB, category: 'central_lab', linked: false });
    expect(lastAudit(database).action).toBe('trial.unlink_provider');
    expect(await sponsor.providers.forTrial({ trialId })).toEqual([]);
  });
});
