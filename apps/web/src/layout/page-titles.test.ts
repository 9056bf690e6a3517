import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/all.zh-CN.ts';
import { en } from '../i18n/en.ts';
import { documentTitle, pageTitleKey } from './page-titles.ts';

describe('document titles (issue 14)', () => {
  it('gives each page its own title, the more specific path first', () => {
    const paths = [
      '/',
      '/search',
      '/trials',
      '/trials/new',
      '/trials/4aef4bb6-331e-420f-97e0-147f9154790e',
      '/trials/4aef4bb6-331e-420f-97e0-147f9154790e/recognition',
      '/ethics/submissions/x',
      '/hospitals/hosp-jsph',
      '/commission/report',
    ];
    const keys = paths.map(pageTitleKey);
    expect(new Set(keys).size).toBe(paths.length);
    expect(pageTitleKey('/trials/new')).toBe('newTrial');
    expect(pageTitleKey('/trials/abc/recognition')).toBe('trialRecognition');
    expect(pageTitleKey('/no/such/page')).toBe('notFound');
  });

  it('reads "找中心 · CTP" in Chinese and "Find sites · CTP" in English', () => {
    expect(documentTitle(zhCN.layout.pageTitles[pageTitleKey('/search')], zhCN.layout.titleSuffix)).toBe(
      '找中心 · CTP',
    );
    expect(documentTitle(en.layout.pageTitles[pageTitleKey('/search')], en.layout.titleSuffix)).toBe(
      'Find sites · CTP',
    );
  });
});
