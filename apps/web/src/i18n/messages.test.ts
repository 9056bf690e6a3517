import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, ROLES } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

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
