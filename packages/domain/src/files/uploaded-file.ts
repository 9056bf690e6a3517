import { cleanDisplayName } from '@ctp/contracts';

/** A file as the upload route read it (ethics documents, inquiry attachments). */
export type UploadedFile = {
  bytes: Uint8Array;
  filename: string;
  /** The transport stopped reading at the size limit. */
  truncated?: boolean;
};

/** Pure: a display name safe to keep (no path, no control or bidi characters), or a neutral one. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(cleanDisplayName(base)).slice(0, 200).join('').trim();
  return cleaned || 'document';
}
