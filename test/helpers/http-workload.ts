import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from '@ctp/domain';
import { tinyPdf } from './fixtures.ts';

/** Signs in over HTTP and returns the `ctp_session=…` cookie. */
export async function signInHttp(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('ctp_session='));
  if (!raw) throw new Error('no session cookie');
  return raw.split(';')[0]!;
}

export type Outcome = { status: number; body: unknown };

/** One tRPC call over HTTP (superjson envelope); network failures come back as status 0. */
export async function trpcCall(
  url: string,
  cookie: string,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
): Promise<Outcome> {
  try {
    const res =
      kind === 'query'
        ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
            headers: { cookie },
          })
        : await fetch(`${url}/trpc/${path}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ json: input }),
          });
    const body = (await res.json().catch(() => null)) as { result?: { data?: { json?: unknown } } } | null;
    return { status: res.status, body: body?.result?.data?.json ?? body };
  } catch {
    return { status: 0, body: null };
  }
}

/** Uploads a distinct small PDF as a document of the draft submission; returns the outcome and the bytes' hash. */
export async function uploadDocument(
  url: string,
  cookie: string,
  submissionId: string,
  label: string,
): Promise<Outcome & { sha256: string }> {
  const bytes = tinyPdf(`${label} ${Math.random()}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const form = new FormData();
  form.append('kind', 'protocol');
  form.append('versionLabel', label.slice(0, 30));
  form.append('versionDate', '2026-01-05');
  form.append('file', new Blob([new Uint8Array(bytes)]), `${label}.pdf`);
  try {
    const res = await fetch(`${url}/api/files/submissions/${submissionId}/documents`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    return { status: res.status, body: await res.json().catch(() => null), sha256 };
  } catch {
    return { status: 0, body: null, sha256 };
  }
}

/** Writes whose response arrived: what must survive any crash that comes after. */
export type Acknowledged = { shortlists: string[]; documents: { id: string; sha256: string }[] };

/**
 * Writers that go on until `stop()`: half create shortlists (sponsor), half upload documents (site admin). Each
 * acknowledged write (200/201 with its id) is recorded; failures after a kill are expected and only counted.
 */
export function startWriters(opts: {
  url: string;
  sponsor: string;
  site: string;
  submissionId: string;
  concurrency: number;
  tag: string;
  acked: Acknowledged;
}) {
  let running = true;
  const counts = { sent: 0, acked: 0, failed: 0, serverErrors: 0 };
  let n = 0;
  const loop = async (worker: number) => {
    while (running) {
      const label = `${opts.tag}-${worker}-${n++}`;
      counts.sent++;
      if (worker % 2 === 0) {
        const r = await trpcCall(opts.url, opts.sponsor, 'mutation', 'shortlists.create', { name: label });
        if (r.status === 200) {
          opts.acked.shortlists.push((r.body as { id: string }).id);
          counts.acked++;
        } else count(r.status);
      } else {
        const r = await uploadDocument(opts.url, opts.site, opts.submissionId, label);
        if (r.status === 201) {
          opts.acked.documents.push({ id: (r.body as { id: string }).id, sha256: r.sha256 });
          counts.acked++;
        } else count(r.status);
      }
    }
  };
  const count = (status: number) => {
    counts.failed++;
    if (status >= 500) counts.serverErrors++;
  };
  const done = Promise.all(Array.from({ length: opts.concurrency }, (_, i) => loop(i)));
  return {
    counts,
    stop: async () => {
      running = false;
      await done;
    },
  };
}
