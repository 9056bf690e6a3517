import { escapeHtml } from '../../lib/escape-html.ts';
import type { RouterOutputs } from './types.ts';

type Capacity = RouterOutputs['metrics']['charts']['capacity'];

/**
 * The heat-map cell's tooltip. ECharts sets a formatter's string as HTML, and the hospital and specialty names are
 * text as filed by users: each is escaped, so markup in a name shows as text.
 */
export function capacityTooltip(
  data: Pick<Capacity, 'hospitals' | 'specialties'>,
  cell: [number, number, number | null, number, number],
): string {
  const hospital = escapeHtml(data.hospitals[cell[1]]?.name);
  const specialty = escapeHtml(data.specialties[cell[0]]?.name);
  return `${hospital} · ${specialty}<br/>${cell[3]} / ${cell[4]} (${cell[2] ?? '—'}%)`;
}
