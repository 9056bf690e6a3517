const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Pure: text made inert for an HTML string. React escapes on its own; this is for the few places that build HTML
 * by hand — ECharts tooltip formatters above all, whose return value is set as innerHTML.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
