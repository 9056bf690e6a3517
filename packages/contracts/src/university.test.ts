import { describe, expect, it } from 'vitest';
import { universityOf } from './university.ts';

describe('universityOf (隶属高校 is the university, not the hospital)', () => {
  it.each([
    ['南京医科大学第一附属医院', '南京医科大学'],
    ['南京大学医学院附属鼓楼医院', '南京大学'],
    ['东南大学附属中大医院', '东南大学'],
    ['南京中医药大学附属南京中医院（南京中医药大学第三附属医院）', '南京中医药大学'],
    ['中国医学科学院/北京协和医学院', '中国医学科学院/北京协和医学院'],
    ['unknown (历史上为东南大学医学院教学医院)', null],
    ['南京鼓楼医院（南京大学医学院附属鼓楼医院）管理', null],
    ['', null],
  ])('%s → %s', (raw, university) => {
    expect(universityOf(raw)).toBe(university);
  });
});
