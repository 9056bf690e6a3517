import type { ExportFile } from '@ctp/contracts';
import { safeSheetName } from './sheet-name.ts';

export type Sheet = {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, string | number | null>[];
};

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Writes sheets to an XLSX file (every sheet name made legal by `safeSheetName`) (header row bold and frozen), returned base64 for a download in the browser. */
export async function toXlsx(filename: string, sheets: Sheet[]): Promise<ExportFile> {
  // Loaded on first export: exceljs costs about a second at start-up that the server and CLI need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CTP 临床试验协作平台';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const s of sheets) {
    const name = safeSheetName(s.name, taken);
    taken.add(name);
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) ws.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { filename, mime: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}
