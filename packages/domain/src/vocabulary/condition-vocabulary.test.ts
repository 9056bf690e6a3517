import { describe, expect, it } from 'vitest';
import { DISEASE_AREAS } from '../seed/demo-capacity-data.ts';
import { loadSpecialties } from '../seed/reference-data.ts';
import {
  AMBIGUOUS_TERMS,
  ancestorsOf,
  CONDITIONS,
  conditionById,
  expandCondition,
  resolveCondition,
  specialtiesOfCondition,
  suggestConditions,
} from './condition-vocabulary.ts';

const resolved = (text: string) => resolveCondition(text)?.entry.id ?? null;

describe('the disease vocabulary', () => {
  it('reads NSCLC in every form as non-small cell lung cancer, a kind of lung cancer', () => {
    for (const form of [
      'NSCLC',
      'nsclc',
      'ＮＳＣＬＣ',
      '非小细胞肺癌',
      'Carcinoma, Non-Small-Cell Lung',
      'Non-small-cell lung cancer',
      'non small cell lung carcinoma',
    ])
      expect(resolveCondition(form), form).toMatchObject({ how: 'exact', entry: { id: 'nsclc' } });
    expect(ancestorsOf('nsclc').map((c) => c.zh)).toEqual(['肺癌', '恶性肿瘤', '肿瘤']);
    expect(conditionById('nsclc')).toMatchObject({ icd10: 'C34', icdO3: '8046/3', mesh: 'D002289' });
  });

  it('knows the common abbreviations of trial areas', () => {
    const cases: [string, string][] = [
      ['SCLC', 'sclc'],
      ['HCC', 'hcc'],
      ['CRC', 'colorectal_cancer'],
      ['AML', 'aml'],
      ['CML', 'cml'],
      ['T2DM', 't2dm'],
      ['COPD', 'copd'],
      ['慢阻肺', 'copd'],
      ['2 型糖尿病', 't2dm'],
      ['TNBC', 'tnbc'],
      ['mCRPC', 'crpc'],
      ['DLBCL', 'dlbcl'],
    ];
    for (const [text, id] of cases) expect(resolved(text), text).toBe(id);
  });

  it('folds case, width, spelling and plural, and reads English phrases as phrases', () => {
    expect(resolved('Leukaemias')).toBe('leukaemia');
    expect(resolved('leukemia')).toBe('leukaemia');
    expect(resolved("Alzheimer's Disease")).toBe('alzheimers_disease');
    expect(resolved('Lung Neoplasms')).toBe('lung_cancer');
    // Words of a phrase in another order, or alone, are not the phrase.
    expect(resolved('cancer lung')).toBe('malignant_neoplasms');
    expect(resolved('lung')).toBeNull();
  });

  it('places a longer text by the first condition it names, qualifiers aside', () => {
    expect(resolveCondition('NSCLC Stage IV')).toMatchObject({ how: 'phrase', entry: { id: 'nsclc' } });
    expect(resolved('Advanced NSCLC')).toBe('nsclc');
    expect(resolved('拟用于EGFR突变阳性伴随中枢神经系统转移的晚期非小细胞肺癌（NSCLC）的治疗。')).toBe('nsclc');
    expect(resolved('标准治疗失败的复发/难治性CD20阳性B细胞非霍奇金淋巴瘤')).toBe('b_cell_lymphoma');
    // A single character is too weak to place a text; as the whole text it is a name like any other.
    expect(resolved('癌胚抗原升高')).toBeNull();
    expect(resolved('癌')).toBe('malignant_neoplasms');
  });

  it('expands a condition to its subtypes and walks up to its roots', () => {
    expect(
      expandCondition('lung_cancer')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['lung_adenocarcinoma', 'lung_cancer', 'lung_squamous', 'nsclc', 'sclc']);
    expect(expandCondition('nsclc').map((c) => c.id)).toContain('lung_adenocarcinoma');
    expect(expandCondition('nsclc').map((c) => c.id)).not.toContain('sclc');
    expect(ancestorsOf('neoplasms')).toEqual([]);
    expect(expandCondition('no-such-id')).toEqual([]);
  });

  it('maps conditions to specialties of the catalogue, inheriting from the parent', () => {
    const catalogue = new Set(loadSpecialties().map((s) => s.code));
    for (const c of CONDITIONS) for (const s of c.specialties) expect(catalogue.has(s), `${c.id}: ${s}`).toBe(true);
    expect(specialtiesOfCondition('nsclc')).toContain('oncology');
    expect(specialtiesOfCondition('lung_adenocarcinoma')).toEqual(specialtiesOfCondition('nsclc'));
    expect(specialtiesOfCondition('t2dm')).toEqual(['endocrinology']);
  });

  it('is well formed: unique ids, known parents, no cycles, codes in their published shapes, no term owned twice', () => {
    const ids = CONDITIONS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONDITIONS) {
      if (c.parentId) expect(conditionById(c.parentId), `${c.id} → ${c.parentId}`).not.toBeNull();
      expect(ancestorsOf(c.id).map((a) => a.id)).not.toContain(c.id);
      if (c.icd10) expect(c.icd10, c.id).toMatch(/^[A-Z]\d\d(\.\d)?(-[A-Z]\d\d(\.\d)?)?$/);
      if (c.icdO3) expect(c.icdO3, c.id).toMatch(/^\d{4}\/[0-36]$/);
      if (c.mesh) expect(c.mesh, c.id).toMatch(/^D\d{6}(\d{3})?$/);
      expect(c.zh, c.id).toMatch(/\p{Script=Han}/u);
      expect(c.en, c.id).toMatch(/^[A-Z0-9]/);
    }
    expect(AMBIGUOUS_TERMS).toEqual([]);
  });

  it('names every disease area the demo hospitals file, exactly', () => {
    for (const area of new Set(Object.values(DISEASE_AREAS).flat()))
      expect(resolveCondition(area)?.how, area).toBe('exact');
  });

  it('suggests entries for what was typed, exact and prefix matches first', () => {
    expect(suggestConditions('nsc', 5)[0]!.id).toBe('nsclc');
    expect(suggestConditions('肺癌', 5)[0]!.id).toBe('lung_cancer');
    expect(suggestConditions('肺癌', 5).map((c) => c.id)).toContain('nsclc');
    expect(suggestConditions('lung', 20).map((c) => c.id)).toContain('lung_cancer');
    expect(suggestConditions('   ', 5)).toEqual([]);
  });
});
