import { createHash } from 'node:crypto';

/**
 * Pages through the ClinicalTrials.gov API v2 (`GET {base}/studies?query.term=…&pageToken=…`) for deployments with
 * internet access. Returns every study of every page and a sha256 over the page bodies (the import log's).
 */
export async function fetchCtgovStudies(
  baseUrl: string,
  query: string,
  opts: {
    pageSize?: number;
    maxPages?: number;
    fetchImpl?: typeof fetch;
    onPage?: (page: number, studies: number) => void;
  } = {},
): Promise<{ studies: unknown[]; sha256: string; pages: number }> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const hash = createHash('sha256');
  const studies: unknown[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const url = new URL(`${baseUrl.replace(/\/+$/, '')}/studies`);
    url.searchParams.set('query.term', query);
    url.searchParams.set('format', 'json');
    url.searchParams.set('pageSize', String(opts.pageSize ?? 1000));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const response = await fetchImpl(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
    const body = await response.text();
    hash.update(body);
    const page = JSON.parse(body) as { studies?: unknown; nextPageToken?: unknown };
    if (!Array.isArray(page.studies)) throw new Error(`${url.href}: no "studies" array in the answer`);
    studies.push(...page.studies);
    pages++;
    opts.onPage?.(pages, studies.length);
    pageToken = typeof page.nextPageToken === 'string' && page.nextPageToken ? page.nextPageToken : undefined;
  } while (pageToken && pages < (opts.maxPages ?? 10_000));
  return { studies, sha256: hash.digest('hex'), pages };
}
