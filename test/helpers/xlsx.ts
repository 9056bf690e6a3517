import type ExcelJS from 'exceljs';

/** A base64 XLSX (as an export procedure returns it) opened as an ExcelJS workbook. */
export async function openWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return book;
}

/** Every cell of every sheet of a base64 XLSX, by column header. */
export async function xlsxColumns(base64: string): Promise<Map<string, string[]>> {
  const book = await openWorkbook(base64);
  const columns = new Map<string, string[]>();
  book.eachSheet((sheet) => {
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    sheet.eachRow((row, n) => {
      row.eachCell((cell, col) => {
        const header = headers[col]!;
        if (!columns.has(header)) columns.set(header, []);
        if (n > 1) columns.get(header)!.push(String(cell.text ?? ''));
      });
    });
  });
  return columns;
}
