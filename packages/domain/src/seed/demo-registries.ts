import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '@ctp/db';
import type { AuditCtx } from '../context.ts';
import { prepareRegistryImport } from '../registry/import-files.ts';
import { runRegistryImport } from '../registry/import-registry.ts';

const folder = (path: string) => new URL(`./registries/${path}`, import.meta.url);

/**
 * The real registry samples (registries/README.md: a CT.gov NSCLC download and a CTR export), imported as the
 * platform itself so that a new user sees registry history on the hospital profiles. Idempotent like any import.
 */
export function seedDemoRegistries(db: Db, ctx: AuditCtx) {
  const ctgov = prepareRegistryImport(
    'ctgov',
    [{ name: 'studies-nsclc.json', bytes: readFileSync(folder('ctgov/studies-nsclc.json')) }],
    { partial: false },
  );
  const ctrFiles = readdirSync(folder('ctr'))
    .filter((f) => f.endsWith('.csv'))
    .map((name) => ({ name, bytes: readFileSync(folder(`ctr/${name}`)) }));
  const ctr = prepareRegistryImport('ctr', ctrFiles, { label: 'ctr', partial: false });
  return [runRegistryImport(db, ctx, ctgov), runRegistryImport(db, ctx, ctr)];
}
