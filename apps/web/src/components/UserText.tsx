import type { CSSProperties } from 'react';

const HAN = /[\u3400-\u9fff]/;

/**
 * Text a person typed (a packet's answers, a comment), shown as typed: nobody can translate it on the fly. It is
 * marked `data-user-text` and, when Chinese, `lang="zh-CN"` (so screen readers and fonts treat it as Chinese); the
 * English walk (test/e2e/english-walk.e2e.test.ts) reads everything else on the page. UI words and names never go
 * through here — they use the catalogues and `lib/proper-name.ts`.
 */
export function UserText({ text, style }: { text: string | null | undefined; style?: CSSProperties }) {
  if (!text) return <>—</>;
  return (
    <span data-user-text="" lang={HAN.test(text) ? 'zh-CN' : undefined} style={style}>
      {text}
    </span>
  );
}
