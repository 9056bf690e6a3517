import { describe, expect, it } from 'vitest';
import { cleanFileName } from './uploaded-file.ts';

describe('cleanFileName', () => {
  it('strips bidi controls, so a name cannot show another extension than it has', () => {
    // "invoice‮fdp.exe" displays as "invoiceexe.pdf".
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('\u2066方案\u2069 \u202AV1\u202C.pdf')).toBe('方案 V1.pdf');
  });

  it('keeps the base name only, without control characters, and never empty', () => {
    expect(cleanFileName('C:\\\\Users\\\\x\\\\知情同意书.docx')).toBe('知情同意书.docx');
    expect(cleanFileName('a\u0000b\u0007.pdf')).toBe('ab.pdf');
    expect(cleanFileName('\u202E')).toBe('document');
  });
});
