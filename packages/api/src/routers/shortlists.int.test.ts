import type { DbHandle } from '@ctp/db';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { openWorkbook } from '../../../../test/helpers/xlsx.ts';

describe('shortlists', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
  });

  it('lets a sponsor keep a named list with notes, audited, and export it', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.shortlists.create({ name: '肺癌 III 期候选' });
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-jsch', note: 'PI 有意向' });
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-njglyy' });
    await sponsor.shortlists.updateNote({ shortlistId: id, hospitalId: 'hosp-njglyy', note: '需确认 CRC' });
    const list = await sponsor.shortlists.get({ id });
    expect(list.items.map((i) => [i.hospitalId, i.note])).toEqual([
      ['hosp-jsch', 'PI 有意向'],
      ['hosp-njglyy', '需确认 CRC'],
    ]);
    expect(list.items[0]!.site.score).toBeGreaterThan(0);
    expect(auditCount(db, 'shortlist.create')).toBe(1);
    expect(auditCount(db, 'shortlist.add_item')).toBe(2);
    expect(auditCount(db, 'shortlist.update_item')).toBe(1);
    expect((await sponsor.shortlists.list())[0]).toMatchObject({ id, items: 2 });

    const file = await sponsor.shortlists.export({ id });
    const wb = await openWorkbook(file.base64);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    const noteCol = ws.getRow(1).values as unknown[];
    const noteIndex = noteCol.indexOf('备注');
    expect(ws.getRow(2).getCell(noteIndex).value).toBe('PI 有意向');

    await sponsor.shortlists.removeItem({ shortlistId: id, hospitalId: 'hosp-jsch' });
    const removed = db.sqlite
      .prepare("select before_json from audit_events where action = 'shortlist.remove_item'")
      .get() as { before_json: string };
    expect(JSON.parse(removed.before_json)).toEqual({ hospitalId: 'hosp-jsch', note: 'PI 有意向' });
  });

  it('scores and explains a hospital against the search it was shortlisted from, also in the export', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const query = { q: '肺癌', district: '鼓楼区' };
    const found = await sponsor.sites.search({ ...query, limit: 20 });
    const hit = found.items[found.items.length - 1]!;
    const plain = await sponsor.sites.search({ limit: 100 });
    const unqueried = plain.items.find((i) => i.hospitalId === hit.hospitalId)!;
    // The defect: scored without its search, the hospital showed another score and unrelated reasons.
    expect(unqueried.score === hit.score && unqueried.reasons.join() === hit.reasons.join()).toBe(false);

    const { id } = await sponsor.shortlists.create({ name: '肺癌候选' });
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: hit.hospitalId, query: { ...query, q: ' 肺癌 ' } });
    const otherId = plain.items.find((i) => !found.items.some((f) => f.hospitalId === i.hospitalId))!.hospitalId;
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: otherId });
    const list = await sponsor.shortlists.get({ id });
    const item = list.items.find((i) => i.hospitalId === hit.hospitalId)!;
    expect(item.site.score).toBe(hit.score);
    expect(item.site.reasons).toEqual(hit.reasons);
    expect(item.query).toEqual(query);
    expect(item.matchesQuery).toBe(true);
    expect(item.queryText).toBe('“肺癌”；区：鼓楼区');
    const other = list.items.find((i) => i.hospitalId === otherId)!;
    expect(other.query).toBeNull();
    expect(other.site.score).toBe(plain.items.find((i) => i.hospitalId === otherId)!.score);
    const audit = db.sqlite
      .prepare("select after_json from audit_events where action = 'shortlist.add_item' order by id limit 1")
      .get() as { after_json: string };
    expect(JSON.parse(audit.after_json).query).toEqual(query);

    const file = await sponsor.shortlists.export({ id });
    const wb = await openWorkbook(file.base64);
    const ws = wb.worksheets[0]!;
    const headers = ws.getRow(1).values as unknown[];
    const row = ws.getRow(2);
    expect(row.getCell(headers.indexOf('匹配度')).value).toBe(hit.score);
    expect(row.getCell(headers.indexOf('匹配理由')).value).toBe(hit.reasons.join('; '));
    expect(row.getCell(headers.indexOf('加入时的检索条件')).value).toBe('“肺癌”；区：鼓楼区');
  });

  it('keeps a hospital that no longer meets its search, scored without it and flagged', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.shortlists.create({ name: 'B' });
    // No specialty has 1000 free slots: the search finds nothing now, yet the hospital stays on the list.
    await sponsor.shortlists.addItem({
      shortlistId: id,
      hospitalId: 'hosp-njch',
      query: { q: '哮喘', minFreeSlots: 1000 },
    });
    const [item] = (await sponsor.shortlists.get({ id })).items;
    expect(item).toMatchObject({
      hospitalId: 'hosp-njch',
      matchesQuery: false,
      query: { q: '哮喘', minFreeSlots: 1000 },
    });
  });

  it.each([
    'A/B: 2026? [draft]*',
    "'quoted'",
    '"double" \\ back',
    'History',
    '一个很长很长的候选清单名称超过了三十一个字符的限制，会被截断吗？是的',
    'rtl\u202Egpj.exe',
  ])('exports a list whose name is legal for us but not as an Excel sheet: %s', async (name) => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.shortlists.create({ name });
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-jsch' });
    const file = await sponsor.shortlists.export({ id });
    expect(file.filename).not.toMatch(/[\u202A-\u202E\u2066-\u2069/\\:*?"]/);
    const wb = await openWorkbook(file.base64);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[\\/:*?[\]\u202A-\u202E]|^'|'$/);
    expect(sheet.rowCount).toBe(2);
  });

  it('refuses a duplicate and an unknown hospital, changing nothing', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.shortlists.create({ name: 'A' });
    await sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-jsch' });
    const before = auditCount(db, 'shortlist.add_item');
    await expect(sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-jsch' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      sponsor.shortlists.addItem({ shortlistId: id, hospitalId: 'org-sponsor-zijin' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sponsor.shortlists.create({ name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(auditCount(db, 'shortlist.add_item')).toBe(before);
  });

  it('keeps one sponsor organisation’s lists from every other organisation and role', async () => {
    const { id } = await callerAs(db, 'sponsor@demo.ctp').shortlists.create({ name: '保密清单' });
    const cro = callerAs(db, 'cro@demo.ctp');
    await expect(cro.shortlists.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cro.shortlists.addItem({ shortlistId: id, hospitalId: 'hosp-jsch' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(cro.shortlists.list()).resolves.toEqual([]);
    await expect(callerAs(db, 'site@demo.ctp').shortlists.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerAs(db, 'commission@demo.ctp').shortlists.create({ name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(auditCount(db, 'shortlist.add_item')).toBe(0);
  });

  it('archives a list instead of deleting it', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.shortlists.create({ name: 'old' });
    await sponsor.shortlists.archive({ id });
    await expect(sponsor.shortlists.list()).resolves.toEqual([]);
    expect(db.sqlite.prepare('select count(*) as n from shortlists where id = ?').get(id)).toEqual({ n: 1 });
  });
});
