/** Every cell of every sheet of a base64 XLSX, by column header. */
export async function xlsxColumns(base64: string): Promise<Map<string, string[]>> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
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
