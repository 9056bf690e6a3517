/**
 * Unicode bidirectional controls (LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI). In a file name
 * they reorder what the reader sees ("invoice‮fdp.exe" shows as "invoiceexe.pdf"), so they are stripped.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0/C1 control characters: never meaningful in a name, and some break the file formats that carry names. */
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Pure: the text without bidi controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Pure: a name fit to store or show as a file or sheet name: no bidi or control characters, trimmed. */
export function cleanDisplayName(text: string): string {
  return stripBidiControls(text).replace(CONTROL_CHARACTERS, '').trim();
}
