import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-messages.ts';
import { paramsIn, term, termList } from './message-terms.ts';

describe('message terms', () => {
  it('words a code in the reader’s language when the message is built', () => {
    const params = { state: term('submissionStates', 'scheduled') };
    expect(errorMessage('zh-CN', 'SUBMISSION_STEP_NOT_ALLOWED', paramsIn('zh-CN', params))).toBe(
      '送审当前状态（已排会）下不能执行此操作。',
    );
    expect(errorMessage('en', 'SUBMISSION_STEP_NOT_ALLOWED', paramsIn('en', params))).toBe(
      'This cannot be done while the submission is scheduled.',
    );
  });

  it('joins a list the language’s way, wording codes and keeping texts', () => {
    const reasons = termList(
      [term('quorumReasons', 'TOO_FEW_PRESENT'), term('quorumReasons', 'NO_NON_MEDICAL')],
      'reasons',
    );
    expect(paramsIn('zh-CN', { reasons }).reasons).toBe('出席委员人数不足；无非医药专业背景的委员出席');
    expect(paramsIn('en', { reasons }).reasons).toBe('too few members present; no non-medical member present');
    expect(paramsIn('zh-CN', { items: termList(['知情同意书', '研究方案'], 'items') }).items).toBe(
      '知情同意书、研究方案',
    );
  });

  it('keeps plain values and an unknown code as they are', () => {
    expect(paramsIn('en', { n: 3, s: 'x', t: { term: 'siteStates', code: 'nope' } })).toEqual({
      n: 3,
      s: 'x',
      t: 'nope',
    });
  });
});
