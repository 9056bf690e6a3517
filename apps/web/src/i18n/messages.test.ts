import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, ROLES } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../layout/nav.tsx';
import { zhCN } from './all.zh-CN.ts';
import { en } from './en.ts';
import { PAGE_NAMESPACES } from './pages.zh-CN.ts';
import { zhCore } from './zh-CN.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function get(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('UI translations', () => {
  it('has exactly the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const k of keys(en)) {
      expect(String(get(en, k)).trim(), `en:${k}`).not.toBe('');
      expect(String(get(zhCN, k)).trim(), `zh:${k}`).not.toBe('');
    }
  });

  it('names every role, audit action and audit entity type in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const r of ROLES) expect(get(messages, `roles.${r}`), r).toBeTruthy();
      for (const a of AUDIT_ACTIONS) expect((messages.audit.actions as Record<string, string>)[a], a).toBeTruthy();
      for (const e of AUDIT_ENTITY_TYPES)
        expect((messages.audit.entityTypes as Record<string, string>)[e], e).toBeTruthy();
    }
  });

  it('calls a participating site 参与单位 everywhere (one word, as the recognition rules do)', () => {
    const zh = keys(zhCN).map((k) => String(get(zhCN, k)));
    expect(zh.filter((v) => v.includes('参加单位'))).toEqual([]);
    expect(get(zhCN, 'trials.roles.participating')).toBe('参与单位');
    expect(get(zhCN, 'recognition.board.roles.participating')).toBe('参与单位');
  });
});

describe('counts read naturally (issue 14)', () => {
  const flat = (messages: object) => keys(messages).map((k) => [k, String(get(messages, k))] as const);

  it('puts every English string with a count into a plural pair (_one/_other), and none says "(s)"', () => {
    const counted = flat(en).filter(([, v]) => v.includes('{{count}}'));
    expect(counted.length).toBeGreaterThan(20);
    expect(counted.filter(([k]) => !/_(one|other)$/.test(k)).map(([k]) => k)).toEqual([]);
    expect(flat(en).filter(([, v]) => v.includes('(s)'))).toEqual([]);
    // A number other than {{count}} followed by a plural noun cannot be made singular by i18next.
    const countLike = /\{\{(n|total|days)\}\} [a-z]+s\b/;
    expect(flat(en).filter(([, v]) => countLike.test(v))).toEqual([]);
  });

  it('says "1 institution" and "2 institutions" through i18next, and the same Chinese either way', async () => {
    const i18n = (await import('i18next')).default.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en' });
    expect(i18n.t('search.total', { count: 1 })).toBe('1 institution');
    expect(i18n.t('search.total', { count: 2 })).toBe('2 institutions');
    expect(i18n.t('trials.daysLeft', { count: 1 })).toBe('1 day left');
    expect(i18n.t('commission.deltaUnits.pct', { count: 2.5, value: '2.5' })).toBe('2.5 percentage points');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('search.total', { count: 1 })).toBe('共 1 家机构');
    expect(i18n.t('commission.deltaUnits.workingDays', { count: 2.5, value: '2.5' })).toBe('2.5 个工作日');
  });
});

describe('catalogues split for the first load (issue 16)', () => {
  it('keeps page namespaces out of the core and registers every one of them for loading', () => {
    expect(Object.keys(zhCore).filter((k) => (PAGE_NAMESPACES as string[]).includes(k))).toEqual([]);
    expect(Object.keys(zhCN).sort()).toEqual([...Object.keys(zhCore), ...PAGE_NAMESPACES].sort());
  });

  it('labels every menu item from the core catalogue: the frame shows the menu before any page catalogue loads', () => {
    for (const item of NAV_ITEMS) {
      expect(item.labelKey, item.path).toMatch(/^nav\./);
      expect(get(zhCore, item.labelKey), item.labelKey).toBeTruthy();
    }
  });
});
