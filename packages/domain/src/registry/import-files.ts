import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { POLICIES, type RegistrySource, registryImportInput } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { type ImportProgress, importRegistry, type RegistryImportRequest } from './import-registry.ts';
import { parseCtgovJson } from './parse/ctgov.ts';
import { parseCtrFiles } from './parse/ctr.ts';

export type RegistryFile = { name: string; bytes: Buffer };

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * One import unit from files: a CT.gov JSON file, or the CSV files of one CTR folder (by base name). The sha256 of
 * a CTR folder is taken over the files' hashes in name order, so the same folder always has the same one.
 */
export function prepareRegistryImport(
  source: RegistrySource,
  files: RegistryFile[],
  options: { label?: string; partial: boolean },
): RegistryImportRequest {
  if (source === 'ctgov') {
    const [file] = files;
    if (!file || files.length !== 1) throw new DomainError('VALIDATION', 'REGISTRY_ONE_FILE');
    return {
      source,
      fileName: options.label ?? basename(file.name),
      sha256: sha256(file.bytes),
      parsed: parseCtgovJson(file.bytes.toString('utf8')),
      partial: options.partial,
    };
  }
  const sorted = [...files].sort((a, b) => basename(a.name).localeCompare(basename(b.name)));
  return {
    source,
    fileName: options.label ?? sorted.map((f) => basename(f.name)).join(', '),
    sha256: sha256(sorted.map((f) => `${basename(f.name)}:${sha256(f.bytes)}`).join('\n')),
    parsed: parseCtrFiles(Object.fromEntries(sorted.map((f) => [basename(f.name), f.bytes.toString('utf8')]))),
    partial: options.partial,
  };
}

/** `registry.import` from the web: the admin uploads the file(s), base64 in the tRPC body. */
export function importRegistryUpload({
  ctx,
  input: raw,
  onProgress,
}: {
  ctx: Ctx;
  input: z.input<typeof registryImportInput>;
  onProgress?: ImportProgress;
}) {
  if (!POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = registryImportInput.parse(raw);
  const request = prepareRegistryImport(
    input.source,
    input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') })),
    { partial: input.partial },
  );
  return importRegistry({ ctx, input: request, onProgress });
}
