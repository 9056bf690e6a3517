import type { AppRouter } from '@ctp/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import { currentLocale } from '../../i18n/index.ts';

type ImportInput = inferRouterInputs<AppRouter>['registry']['import'];
export type ImportOutput = inferRouterOutputs<AppRouter>['registry']['import'];

/** File → base64 without a data: prefix (the procedure takes base64 in JSON). */
export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Calls `registry.import` as a plain tRPC POST over XMLHttpRequest, because fetch reports no upload progress.
 * Same endpoint, cookie and body encoding (superjson) as the tRPC client; errors come back as the API's message.
 */
export function uploadRegistryImport(
  input: ImportInput,
  onProgress: (fraction: number) => void,
): Promise<ImportOutput> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/trpc/registry.import');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('x-ctp-locale', currentLocale());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      let body: { result?: { data: never }; error?: never } | undefined;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
        return;
      }
      if (body?.result) resolve(superjson.deserialize(body.result.data));
      else {
        const error = body?.error ? (superjson.deserialize(body.error) as { message?: string }) : undefined;
        reject(new Error(error?.message ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.send(JSON.stringify(superjson.serialize(input)));
  });
}
