// Reading a 双公示 export (.xlsx) of 行政许可 / 行政处罚 / 行政强制 decisions: one row per decision
// with its 决定文书号 and 决定日期, and the category when the file has a 类别 column. Runs in a worker
// process (isolated-read.ts): an uploaded workbook is never unpacked in the server process.
import { normalizeDateInput } from '../core/date.ts';
import { DomainError, invalid } from '../core/errors.ts';
import { HEADER_SEARCH_ROWS, readWorkbook, type CellValue, type SheetData } from '../core/workbook.ts';
import type { DecisionCategory, ParsedDecisionRow, ParsedDecisions } from './model.ts';

export type { SheetData };
export const MAX_DECISION_ROWS = 50_000;
const NOT_DATA_SHEET = /说明|示例|样例|选项|填表|字典/;

type Field = 'docNumber' | 'decidedOn' | 'category' | 'subject';

/** A header cell → the field it names; the category column may imply its category (许可类别 → 行政许可). */
export function matchHeader(raw: string): { field: Field; implies?: DecisionCategory } | null {
  const h = raw.replace(/[\s*＊:：]/g, '').replace(/[（(].*?[)）]/g, '');
  if (!h) return null;
  if (/文书?号$|^文书号|决定书号/.test(h)) return { field: 'docNumber' };
  if (/决定日期$|^(许可|处罚|强制)日期$|^作出决定日期$/.test(h)) return { field: 'decidedOn' };
  if (h === '许可类别' || h === '行政许可类别') return { field: 'category', implies: 'licensing' };
  if (h === '处罚类别' || h === '行政处罚类别') return { field: 'category', implies: 'penalty' };
  if (h === '强制类别' || h === '行政强制类别') return { field: 'category', implies: 'coercion' };
  if (/^(决定)?类别$|^决定类型$/.test(h)) return { field: 'category' };
  if (/^(项目|事项|许可事项|案件|行政许可项目)名称$|^许可事项$|^案件名称$|相对人名称$|^行政相对人$/.test(h)) return { field: 'subject' };
  return null;
}

/** A category cell: 行政许可 / 行政处罚 / 行政强制 (or words containing them). */
export function readCategory(text: string): DecisionCategory | null {
  if (/许可/.test(text)) return 'licensing';
  if (/处罚/.test(text)) return 'penalty';
  if (/强制/.test(text)) return 'coercion';
  return null;
}

const text = (c: CellValue): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());

/** A date cell as 'YYYY-MM-DD' (Excel dates, serial numbers, the usual written forms), or its text. */
export function readDate(c: CellValue): string {
  if (c === null) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  if (typeof c === 'number') {
    if (c > 20000 && c < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000).toISOString().slice(0, 10);
    if (Number.isInteger(c) && c >= 19000101 && c <= 21001231) c = String(c);
    else return String(c);
  }
  let s = String(c).trim();
  if (/^\d{8}$/.test(s)) s = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
  s = s.replace(/[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?Z?$/, '');
  return normalizeDateInput(s);
}

/** The decisions of the sheets that have a header with a 文书号 and a 决定日期 column. */
export function parseDecisionSheets(sheets: readonly SheetData[]): ParsedDecisions {
  const out: ParsedDecisions = { rows: [], errors: [], hasCategoryColumn: false };
  let found = false;
  for (const sheet of sheets.filter((s) => !NOT_DATA_SHEET.test(s.name))) {
    let headerIndex = -1;
    let columns: Partial<Record<Field, { col: number; implies?: DecisionCategory }>> = {};
    for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
      const cols: typeof columns = {};
      (sheet.rows[i] ?? []).forEach((cell, col) => {
        const m = typeof cell === 'string' ? matchHeader(cell) : null;
        if (m && cols[m.field] === undefined) cols[m.field] = { col, implies: m.implies };
      });
      if (cols.docNumber && cols.decidedOn) {
        headerIndex = i;
        columns = cols;
        break;
      }
    }
    if (headerIndex < 0) continue;
    found = true;
    if (columns.category) out.hasCategoryColumn = true;
    for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i] ?? [];
      const at = (f: Field) => (columns[f] ? (cells[columns[f]!.col] ?? null) : null);
      if (cells.every((c) => text(c) === '')) continue;
      const rowNo = i + 1;
      if (out.rows.length >= MAX_DECISION_ROWS) {
        out.errors.push({ sheet: sheet.name, row: rowNo, message: `一次最多导入 ${MAX_DECISION_ROWS} 行，请分成几个文件` });
        break;
      }
      let category: DecisionCategory | null = null;
      if (columns.category) {
        const raw = text(at('category'));
        category = columns.category.implies ?? readCategory(raw);
        if (!category) {
          out.errors.push({ sheet: sheet.name, row: rowNo, message: raw ? `无法识别类别“${raw}”，应为行政许可、行政处罚或行政强制` : '缺少类别' });
          continue;
        }
      }
      const row: ParsedDecisionRow = { sheet: sheet.name, row: rowNo, docNumber: text(at('docNumber')), decidedOn: readDate(at('decidedOn')), category, subject: text(at('subject')) };
      out.rows.push(row);
    }
  }
  if (!found) throw invalid('文件中没有找到表头：需要“决定文书号”（或“行政许可决定书文号”“处罚决定书文号”“文书号”）和“决定日期”（或“许可决定日期”“处罚决定日期”）两列');
  return out;
}

export async function parseDecisionFile(content: Buffer): Promise<ParsedDecisions> {
  return parseDecisionSheets(await readWorkbook(content, MAX_DECISION_ROWS));
}

/** The worker's entry point: the rows, or the Chinese reason the file cannot be read. */
export async function parseDecisionsInWorker(content: Uint8Array): Promise<{ parsed: ParsedDecisions } | { refused: string }> {
  try {
    return { parsed: await parseDecisionFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength)) };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return { refused: err.message };
    throw err;
  }
}
