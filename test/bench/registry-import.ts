import { readFileSync } from 'node:fs';
import { createTestDatabase } from '@ctp/db/testing';
import { prepareRegistryImport, runRegistryImport, seedDemo } from '@ctp/domain';

const SAMPLE = new URL('../../packages/domain/src/seed/registries/ctgov/studies-nsclc.json', import.meta.url);

/**
 * A synthetic CT.gov download of `n` studies: the shared sample's studies repeated under new NCT numbers, each
 * keeping its real locations (the China names, the junk) so name resolution does its real work.
 */
export function syntheticCtgovFile(n: number): Buffer {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
    protocolSection: { identificationModule: { nctId: string } };
  }[];
  const studies = Array.from({ length: n }, (_, i) => {
    const study = structuredClone(sample[i % sample.length]!);
    study.protocolSection.identificationModule.nctId = `NCT${String(80_000_000 + i).padStart(8, '0')}`;
    return study;
  });
  return Buffer.from(JSON.stringify(studies));
}

/** `pnpm bench`: CT.gov import rate (parse + resolve + write in one transaction), then the same file again. */
export async function benchRegistryImport(n = 5000) {
  const handle = createTestDatabase();
  await seedDemo({ db: handle.db, ctx: { actor: null, now: Date.now, requestId: 'bench' }, withUsers: false });
  const bytes = syntheticCtgovFile(n);
  const ctx = { actor: null, now: Date.now, requestId: 'bench' };
  console.log(`\n## registry import: synthetic CT.gov file, ${n} studies (${(bytes.length / 1e6).toFixed(1)} MB)`);
  for (const label of ['first import', 'same file again']) {
    const t0 = performance.now();
    const request = prepareRegistryImport('ctgov', [{ name: 'synthetic.json', bytes }], { partial: false });
    const result = runRegistryImport(handle.db, ctx, request);
    const seconds = (performance.now() - t0) / 1000;
    const s = result.summary;
    console.log(
      `${label}: ${seconds.toFixed(2)} s, ${Math.round(n / seconds)} studies/s ` +
        `(created ${s.created}, skipped ${s.skipped}, sites ${s.sites}, resolved ${s.resolved}, queued ${s.queued})`,
    );
  }
  handle.sqlite.close();
}
