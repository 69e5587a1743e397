// Reading an uploaded .xlsx into sheets of plain cell values, for the ledger imports of every module
// (依申请公开台账, 复议诉讼台账, 双公示 decisions). Runs in the isolate worker (never on untrusted bytes in
// the server process). What is not a workbook is refused in Chinese; a zip bomb (2 MB that unpacks to
// gigabytes) is refused by its declared sizes before exceljs inflates it; hidden sheets (lists for
// drop-downs) are skipped.
import { invalid } from './errors.ts';
import { checkZipLimits } from './zip-limits.ts';

export type CellValue = string | number | boolean | Date | null;

export interface SheetData {
  name: string;
  rows: CellValue[][];
}

/** Rows searched for a header before the data (title rows, notes). */
export const HEADER_SEARCH_ROWS = 20;

/** An exceljs cell value as what the cell shows: rich text joined, a formula's result, a hyperlink's text. */
function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v || v.formula || v.sharedFormula) return plain(v.result);
    if (typeof v.text === 'string') return v.text; // hyperlink
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** Unpacks an .xlsx into its visible sheets of plain values, reading at most `maxRows` data rows of each. */
export async function readWorkbook(content: Buffer, maxRows: number): Promise<SheetData[]> {
  if (content.length === 0) throw invalid('上传的文件是空的');
  if (content.subarray(0, 4).toString('hex') !== '504b0304') {
    const legacy = content.subarray(0, 8).toString('hex') === 'd0cf11e0a1b11ae1';
    throw invalid(legacy ? '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入' : '只能导入 Excel 工作簿（.xlsx）');
  }
  const zip = checkZipLimits(content);
  if (!zip.ok && !zip.damaged) throw invalid(zip.reason);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取该 Excel 文件（文件可能已损坏或不是 .xlsx 格式），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入');
  }
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    if (ws.state && ws.state !== 'visible') return;
    const rows: CellValue[][] = [];
    const last = Math.min(ws.rowCount, maxRows + HEADER_SEARCH_ROWS + 1);
    for (let r = 1; r <= last; r++) {
      const cells: CellValue[] = [];
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plain((cell as unknown as { value: unknown }).value);
      });
      rows.push(Array.from({ length: cells.length }, (_, i) => cells[i] ?? null));
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}
