import { exportCalendarInput, importCalendarFileInput, POLICIES } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { formatCalendarFile, parseCalendarFile } from './calendar-file.ts';
import { yearView } from './calendar-years.ts';
import { setCalendarDays } from './set-calendar-days.ts';

/** `calendar.importFile`: a JSON or CSV schedule uploaded in the admin page (or given to the CLI), as one `setDays`. */
export function importCalendarFile({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof importCalendarFileInput> }) {
  if (!ctx.isSystem && !POLICIES.administer.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = importCalendarFileInput.parse(raw);
  const days = parseCalendarFile(input.content);
  return { ...setCalendarDays({ ctx, input: days }), imported: days.days.length };
}

/** `calendar.export`: one year in the import's own format, so an export reads back as the same schedule. */
export function exportCalendarYear({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof exportCalendarInput> }) {
  if (!ctx.isSystem && !POLICIES.signedIn.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = exportCalendarInput.parse(raw);
  const content = formatCalendarFile(yearView(ctx.db, input.year), input.format);
  return {
    fileName: `working-calendar-${input.year}.${input.format}`,
    mimeType: input.format === 'json' ? 'application/json' : 'text/csv',
    content,
  };
}
