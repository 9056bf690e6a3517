import { describe, expect, it } from 'vitest';
import { loadAliases, loadHospitals } from '../../seed/reference-data.ts';
import { cityKey, isChina } from './places.ts';
import { buildResolver, type RememberedDecision } from './resolver.ts';
import { guardedSimilarity, nameFeatures } from './similarity.ts';

const hospitals = loadHospitals();
const aliases = [
  ...hospitals.flatMap((h) => [h.name_zh, h.name_en].filter(Boolean).map((alias) => ({ hospitalId: h.code, alias }))),
  ...loadAliases().map((a) => ({ hospitalId: a.code, alias: a.alias })),
];
const places = hospitals.map((h) => ({ id: h.code, city: '南京市' }));
const make = (decisions: RememberedDecision[] = []) => buildResolver({ aliases, hospitals: places, decisions });
const resolver = make();
const at = (name: string, city: string | null, country = 'China') => resolver.resolve({ name, city, country });

describe('cityKey and isChina', () => {
  it('gives one key for the Chinese and English forms of a city', () => {
    for (const c of ['Nanjing', 'NANJING', 'Nanjing Shi', '南京', '南京市', 'Nanjing City'])
      expect(cityKey(c)).toBe('nanjing');
    expect(cityKey("Xi'an")).toBe(cityKey('西安市'));
    expect(cityKey('Shanghai')).not.toBe(cityKey('Nanjing'));
    expect(cityKey(null)).toBe('');
  });
  it('knows mainland China as registries spell it', () => {
    for (const c of ['China', '中国', "People's Republic of China", 'CHINA']) expect(isChina(c)).toBe(true);
    for (const c of ['Taiwan', 'Hong Kong', 'United States', '', null]) expect(isChina(c)).toBe(false);
  });
});

describe('exact normalised aliases', () => {
  it.each([
    ['Jiangsu Province Hospital', 'Nanjing', 'jsph'],
    ['Nanjing Drum Tower Hospital /ID# 253042', 'Nanjing', 'njglyy'],
    ['南京大学医学院附属鼓楼医院', '南京市', 'njglyy'],
    ['南京大学附属鼓楼医院', '南京市', 'njglyy'],
    ['The General Hospital of Eastern Theater Command', 'Nanjing', 'etcgh'],
    ['Nanjing General Hospital', 'Nanjing', 'etcgh'],
    ['ＪＩＡＮＧＳＵ　ＰＲＯＶＩＮＣＥ　ＨＯＳＰＩＴＡＬ', 'Nanjing', 'jsph'],
    ['Jiangsu Province Cancer Hospital', 'Nanjing', 'jsch'],
    ['Jiangsu Province Hospital of Chinese Medicine - Site 003', 'Nanjing', 'jszyy'],
    ['东南大学附属中大医院', '南京市', 'zdyy'],
    ['Jiangsu Province Hospital', null, 'jsph'],
  ])('%j in %j → %s', (name, city, hospitalId) => {
    expect(at(name, city)).toMatchObject({ kind: 'resolved', hospitalId, method: 'alias' });
  });

  it('resolves every reference alias to its own hospital in Nanjing, and none of them in another city', () => {
    for (const a of loadAliases()) {
      expect(at(a.alias, '南京市'), a.alias).toMatchObject({ kind: 'resolved', hospitalId: a.code });
      expect(at(a.alias, '无锡市').kind, a.alias).toBe('queued');
    }
  });

  it('queues a famous name listed with the wrong city (东南大学附属中大医院 in 无锡市 / 天津市)', () => {
    expect(at('东南大学附属中大医院', '无锡市')).toMatchObject({ kind: 'queued', because: 'city_disagrees' });
    expect(at('东南大学附属中大医院', '天津市')).toMatchObject({
      kind: 'queued',
      because: 'city_disagrees',
      candidates: [{ hospitalId: 'zdyy', score: 1 }],
    });
  });

  it('never resolves outside mainland China', () => {
    expect(at('Nanjing Drum Tower Hospital', 'Nanjing', 'United States').kind).toBe('not_applicable');
    expect(at('Jiangsu Province Hospital', 'Taipei', 'Taiwan').kind).toBe('not_applicable');
  });

  it('queues an alias that names two hospitals instead of picking one', () => {
    const r = buildResolver({
      aliases: [...aliases, { hospitalId: 'jsch', alias: 'Jiangsu Province Hospital' }],
      hospitals: places,
      decisions: [],
    });
    expect(r.resolve({ name: 'Jiangsu Province Hospital', city: 'Nanjing', country: 'China' })).toMatchObject({
      kind: 'queued',
      because: 'ambiguous',
    });
  });
});

describe('a "Nanjing" inside another city\'s hospital name is not Nanjing', () => {
  it.each([
    ['Nanjing Road Hospital, Shanghai', 'Shanghai'],
    ['The Affiliated Suzhou Hospital of Nanjing Medical University', 'Suzhou'],
    ['Fuzhou General Hospital of Nanjing Military Command', 'Fuzhou'],
    ["Huai'an First People's Hospital, Nanjing Medical University", "Huai'an"],
    ['Nanjing Drum Tower Hospital Group Suqian Hospital', 'Suqian'],
    ['Jiangsu Provincial Hospital of Chinese Medicine', 'Suzhou'],
  ])('%j in %s is queued', (name, city) => {
    const r = at(name, city);
    expect(r.kind).toBe('queued');
  });
});

describe('fuzzy matches', () => {
  it('resolve above the threshold when the city agrees', () => {
    expect(at('Jiangsu Provincial Hospital of Chinese Medicine', 'Nanjing')).toMatchObject({
      kind: 'resolved',
      hospitalId: 'jszyy',
      method: 'fuzzy',
    });
    expect(
      at('Nanjing Drum Tower Hospital, Affiliated Hospital of Nanjing University Medical School', 'Nanjing'),
    ).toMatchObject({
      kind: 'resolved',
      hospitalId: 'njglyy',
    });
  });

  it('need a city', () => {
    expect(at('Jiangsu Provincial Hospital of Chinese Medicine', null)).toMatchObject({
      kind: 'queued',
      because: 'no_city',
    });
  });

  it('never cross a kind of hospital or an ordinal', () => {
    const cancer = at('Jiangsu Provincial Cancer Hospital', 'Nanjing');
    expect(cancer).not.toMatchObject({ hospitalId: 'jsph' });
    expect(at('Second Affiliated Hospital of Nanjing Medical University', 'Nanjing')).toMatchObject({
      hospitalId: 'njmu2',
    });
    expect(at('Fourth Affiliated Hospital of Nanjing Medical University', 'Nanjing').kind).toBe('queued');
    expect(at('南京医科大学第四附属医院', '南京市').kind).toBe('queued');
    expect(at("Nanjing Children's Hospital of Nanjing University", 'Nanjing')).not.toMatchObject({
      hospitalId: 'njglyy',
    });
    const a = nameFeatures('南京医科大学第一附属医院');
    const b = nameFeatures('南京医科大学第二附属医院');
    expect(guardedSimilarity(a, b)).toBe(0);
  });

  it('queue two close hospitals instead of choosing (Drum Tower vs its Jiangbei branch)', () => {
    expect(at('Nanjing Drum Tower Hospital Jiangbei', 'Nanjing').kind).toBe('queued');
  });
});

describe('junk and remembered names', () => {
  it('rejects masked sites without queueing them', () => {
    expect(at('Local Institution - 0266', 'Nanjing')).toMatchObject({ kind: 'rejected', reason: 'masked_site' });
    expect(at('Research Site 12', 'Beijing')).toMatchObject({ kind: 'rejected', reason: 'masked_site' });
  });

  it('queues a person used as a facility, with no candidate', () => {
    expect(at('Shengcun Fang', 'Nanjing')).toMatchObject({ kind: 'queued' });
    expect(at('Shengcun Fang', 'Nanjing')).not.toMatchObject({ kind: 'resolved' });
  });

  it('applies remembered decisions: a rejection in every city, a mapping in its own city', () => {
    const r = make([
      { nameNorm: 'shengcunfang', cityKey: '*', decision: 'rejected', hospitalId: null },
      { nameNorm: '东南大学附属中大医院', cityKey: 'wuxi', decision: 'hospital', hospitalId: 'zdyy' },
    ]);
    expect(r.resolve({ name: 'Shengcun Fang', city: 'Shanghai', country: 'China' })).toMatchObject({
      kind: 'rejected',
    });
    expect(r.resolve({ name: '东南大学附属中大医院', city: '无锡市', country: '中国' })).toMatchObject({
      kind: 'resolved',
      hospitalId: 'zdyy',
      method: 'review',
    });
    expect(r.resolve({ name: '东南大学附属中大医院', city: '天津市', country: '中国' }).kind).toBe('queued');
  });

  it('shows the best candidates with scores for a queued name', () => {
    const r = at('Jiangsu Provincial Hospital of Chinese Medicine', 'Suzhou');
    expect(r.kind).toBe('queued');
    if (r.kind === 'queued') expect(r.candidates[0]).toMatchObject({ hospitalId: 'jszyy' });
  });
});

describe('queue candidates', () => {
  it('still suggests the close hospitals the guard refused to pick', () => {
    const r = at('Nanjing Drum Tower Hospital Jiangbei', 'Nanjing');
    expect(r.kind).toBe('queued');
    if (r.kind === 'queued')
      expect(r.candidates.map((c) => c.hospitalId)).toEqual(expect.arrayContaining(['gljb', 'njglyy']));
  });
});

describe('candidate noise', () => {
  it('suggests no hospital that shares only generic words (医院, 大学, 附属, 第一)', () => {
    const r = at('中山大学附属第一医院', '广州市');
    expect(r).toMatchObject({ kind: 'queued', candidates: [] });
  });
});
