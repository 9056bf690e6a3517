import { createTestDatabase } from '@ctp/db/testing';
import { prepareRegistryImport, runRegistryImport, seedDemo } from '@ctp/domain';
import { syntheticCtgovFile } from '../registry-import.ts';
import type { Figure } from './measure.ts';

/** Registry import rate on a generated CT.gov file of `n` studies (parse, resolve, write in one transaction). */
export async function benchImport(n: number): Promise<Figure[]> {
  const handle = createTestDatabase();
  await seedDemo({ db: handle.db, ctx: { actor: null, now: Date.now, requestId: 'bench' }, withUsers: false });
  const bytes = syntheticCtgovFile(n);
  const t0 = performance.now();
  const request = prepareRegistryImport('ctgov', [{ name: 'synthetic.json', bytes }], { partial: false });
  const result = runRegistryImport(handle.db, { actor: null, now: Date.now, requestId: 'bench' }, request);
  const seconds = (performance.now() - t0) / 1000;
  handle.sqlite.close();
  const rate = n / seconds;
  return [
    {
      group: 'import',
      name: `CT.gov import, ${n} studies (${(bytes.length / 1e6).toFixed(0)} MB)`,
      unit: 'studies/s',
      median: rate,
      target: '≥ 500 studies/s',
      meets: rate >= 500,
      note: `${seconds.toFixed(1)} s; ${result.summary.sites} sites, ${result.summary.resolved} resolved`,
    },
  ];
}
