import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtgovJson } from './ctgov.ts';
import { ctrPhases, ctrStatus, ecDecision, parseCtrFiles, plannedSize } from './ctr.ts';
import { registryDate } from './record.ts';

const sample = (path: string) => readFileSync(new URL(`../../seed/registries/${path}`, import.meta.url), 'utf8');
const ctrFolder = () =>
  Object.fromEntries(
    ['trial_info.csv', 'trial_site_info.csv', 'trial_pi_info.csv', 'trial_ec_info.csv'].map((f) => [
      f,
      sample(`ctr/${f}`),
    ]),
  );

describe('CT.gov study JSON', () => {
  it('reads the shared sample: 100 studies, 959 locations, MeSH terms', () => {
    const { records, errors, total } = parseCtgovJson(sample('ctgov/studies-nsclc.json'));
    expect(errors).toEqual([]);
    expect(total).toBe(100);
    expect(records.reduce((n, r) => n + r.sites.length, 0)).toBe(959);
    const r = records.find((x) => x.registryId === 'NCT04764188')!;
    expect(r.sites.find((s) => s.city === 'Nanjing')).toMatchObject({
      facility: 'Jiangsu Province Hospital',
      country: 'China',
    });
    expect(records.some((x) => x.mesh.some((m) => m.id === 'D002289'))).toBe(true);
    expect(records[0]).toMatchObject({
      registryId: 'NCT06576635',
      status: 'recruiting',
      phases: ['na'],
      conditions: ['NSCLC'],
      lastUpdateDate: '2025-11-06',
    });
  });

  it('accepts the API page shape {studies:[…]} and reports bad studies by index', () => {
    const ok = { protocolSection: { identificationModule: { nctId: 'NCT00000001', briefTitle: 'A' } } };
    const parsed = parseCtgovJson(
      JSON.stringify({
        studies: [ok, 42, { protocolSection: { identificationModule: { nctId: 'X1' } } }, { protocolSection: {} }],
      }),
    );
    expect(parsed.records.map((r) => r.registryId)).toEqual(['NCT00000001']);
    expect(parsed.errors).toEqual([
      { index: 1, id: null, reason: 'a study must be an object' },
      { index: 2, id: 'X1', reason: 'not an NCT number: X1' },
      { index: 3, id: null, reason: 'identificationModule.nctId missing' },
    ]);
  });

  it('refuses what is not a list of studies', () => {
    expect(parseCtgovJson('{"foo":1}').errors[0]?.reason).toMatch(/expected an array/);
    expect(parseCtgovJson('[{').errors[0]?.reason).toMatch(/not JSON/);
  });
});

describe('CTR CSV folder', () => {
  it('reads the shared sample: 46 trials, 257 sites with PI titles, 56 ethics decisions', () => {
    const { records, errors } = parseCtrFiles(ctrFolder());
    expect(errors).toEqual([]);
    expect(records).toHaveLength(46);
    expect(records.reduce((n, r) => n + r.sites.length, 0)).toBe(257);
    expect(records.reduce((n, r) => n + r.ethics.length, 0)).toBe(56);
    const r = records.find((x) => x.registryId === 'CTR20230454')!;
    expect(r).toMatchObject({
      status: 'not_yet_recruiting',
      phases: ['be'],
      enrolment: 45,
      lastUpdateDate: '2023-02-16',
    });
    expect(r.sites[0]).toMatchObject({
      facility: '安徽医科大学第二附属医院',
      piName: '胡伟',
      piTitle: '主任药师/教授',
      city: '合肥市',
    });
    expect(records.find((x) => x.registryId === 'CTR20230425')!.ethics.map((e) => e.decision)).toEqual([
      'approved_with_modifications',
      'approved',
    ]);
  });

  it('reports a row with the wrong column count by file and line, and refuses that trial only', () => {
    const folder = ctrFolder();
    folder['trial_site_info.csv'] = `${folder['trial_site_info.csv']}CTR20230454,only three,cols\n`;
    const { records, errors } = parseCtrFiles(folder);
    expect(errors).toEqual([
      { index: 258, id: 'CTR20230454', reason: 'trial_site_info.csv line 258: 3 columns, expected 6' },
    ]);
    expect(records.map((r) => r.registryId)).not.toContain('CTR20230454');
    expect(records).toHaveLength(45);
  });

  it('maps phases, statuses, sizes and decisions as CTR writes them', () => {
    expect(ctrPhases('I期')).toEqual(['phase1']);
    expect(ctrPhases('其它其他说明:Ib/IIa期')).toEqual(['phase1', 'phase2']);
    expect(ctrPhases('其它其他说明:I/Ⅱ期')).toEqual(['phase1', 'phase2']);
    expect(ctrPhases('III期')).toEqual(['phase3']);
    expect(ctrPhases('其它其他说明:BE实验')).toEqual(['be']);
    expect(ctrStatus('进行中（招募中）', '进行中')).toBe('recruiting');
    expect(ctrStatus('', '已完成')).toBe('completed');
    expect(plannedSize('国内:120；国际:300；')).toBe(420);
    expect(plannedSize('国内:登记人暂未填写该信息；')).toBeNull();
    expect(ecDecision('修改后同意')).toBe('approved_with_modifications');
    expect(ecDecision('不同意')).toBe('other');
    expect(registryDate('2024-08')).toBe('2024-08');
    expect(registryDate('国内：登记人暂未填写该信息；')).toBeNull();
  });
});
