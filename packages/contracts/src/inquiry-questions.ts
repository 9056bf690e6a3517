/**
 * The sponsor's questions of an inquiry, numbered (issue 14: the trial office answers each one). The sponsor writes
 * them as text; each non-empty line is a question, its own numbering ("1.", "2、", "(3)", "一、") dropped. One line
 * numbered inline ("1. 入组速度？ 2. CRC？") is split at its numbers.
 */
const LEADING_NUMBER = /^\s*(?:[(（]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）.、．:：]|[-*•·])\s*/;
const INLINE_NUMBER = /(?:^|\s)(?:\d{1,2})\s*[.、．)）]\s*/;

export function inquiryQuestions(text: string | null | undefined): string[] {
  if (!text?.trim()) return [];
  let lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length === 1) {
    const parts = lines[0]!.split(new RegExp(INLINE_NUMBER.source, 'g')).filter((p) => p.trim());
    if (parts.length > 1) lines = parts;
  }
  return lines.map((l) => l.replace(LEADING_NUMBER, '').trim()).filter(Boolean);
}

/** At most this many attachments to one answer. */
export const MAX_INQUIRY_ATTACHMENTS = 10;

/** An attachment of an inquiry's answer as listed to the trial office and (once answered) the sponsor. */
export type InquiryAttachment = {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: number;
};
