// Reading a 复议诉讼台账 (.xlsx): the header row of each sheet (in the first rows; a title may stand
// above it), its columns (rules/ledger-values.ts), every data row as a LedgerRow or per-row Chinese
// errors. Runs in a worker process (isolated-read.ts): only plain data goes in and comes out.
import { invalid, DomainError } from '../../core/errors.ts';
import { HEADER_SEARCH_ROWS, readWorkbook, type SheetData } from '../../core/workbook.ts';
import { cellText, dateOf, kindOf, LEDGER_COLUMNS, matchHeader, outcomeOf, type CellValue, type LedgerField } from '../rules/ledger-values.ts';
import type { LedgerError, LedgerRow, ParsedLedger } from './model.ts';

export type { SheetData };

const NOT_DATA_SHEET = /说明|示例|样例|选项|字典/;
const MIN_HEADER_FIELDS = 3;
const MAX_CELL = 2000;
export const MAX_LEDGER_ROWS = 5_000;

type Columns = Partial<Record<LedgerField, number>>;

function headerOf(rows: CellValue[][]): number | null {
  let best: { index: number; fields: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const fields = new Set((rows[i] ?? []).map((c) => (typeof c === 'string' ? matchHeader(c) : null)).filter((x) => x !== null));
    if (fields.size >= MIN_HEADER_FIELDS && fields.has('kind') && (!best || fields.size > best.fields)) best = { index: i, fields: fields.size };
  }
  return best?.index ?? null;
}

const headerOfField = (k: LedgerField) => LEDGER_COLUMNS.find((c) => c.key === k)!.header;

/** Reads the sheets of a register. */
export function parseLedgerSheets(sheets: readonly SheetData[]): ParsedLedger {
  const out: ParsedLedger = { rows: [], errors: [], warnings: [], sheets: [] };
  const candidates = sheets.filter((s) => !NOT_DATA_SHEET.test(s.name));
  const where = (sheet: string) => (candidates.length > 1 ? `工作表「${sheet}」：` : '');
  for (const sheet of candidates) {
    const h = headerOf(sheet.rows);
    if (h === null) continue;
    const columns: Columns = {};
    const headers: Partial<Record<LedgerField, string>> = {};
    const unknown: string[] = [];
    let broken = false;
    (sheet.rows[h] ?? []).forEach((cell, col) => {
      const text = cellText(cell);
      if (!text) return;
      const field = matchHeader(text);
      if (!field) return void unknown.push(text);
      if (columns[field] !== undefined) {
        out.errors.push({ sheet: sheet.name, row: h + 1, column: text, message: `与「${headers[field]}」是同一项（${headerOfField(field)}），请只保留其中一列` });
        broken = true;
        return;
      }
      columns[field] = col;
      headers[field] = text;
    });
    for (const c of LEDGER_COLUMNS.filter((x) => x.required && columns[x.key] === undefined)) {
      out.errors.push({ sheet: sheet.name, row: h + 1, column: null, message: `缺少「${c.header}」列（可用的列名：${[c.header, ...c.variants.slice(0, 4)].join('、')}）` });
      broken = true;
    }
    out.sheets.push(sheet.name);
    if (unknown.length) out.warnings.push(`${where(sheet.name)}未识别的列已忽略：${unknown.map((u) => `「${u}」`).join('、')}`);
    if (broken) continue;
    let read = 0;
    for (let i = h + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i]!;
      const cell = (f: LedgerField): CellValue => (columns[f] === undefined ? null : (cells[columns[f]!] ?? null));
      if ((Object.keys(columns) as LedgerField[]).filter((k) => k !== 'serial').every((k) => cellText(cell(k)) === '')) continue;
      if (++read > MAX_LEDGER_ROWS) {
        out.errors.push({ sheet: sheet.name, row: i + 1, column: null, message: `一次最多导入 ${MAX_LEDGER_ROWS} 行，请分成几个文件` });
        break;
      }
      const r = readRow(sheet.name, i + 1, cell, (f) => headers[f] ?? headerOfField(f));
      if ('errors' in r) out.errors.push(...r.errors);
      else {
        out.rows.push(r.row);
        for (const w of r.warnings) out.warnings.push(`${where(sheet.name)}第${i + 1}行：${w}`);
      }
    }
  }
  if (!out.sheets.length) {
    out.errors.push({ sheet: null, row: null, column: null, message: `未找到台账的表头：表头应在前 ${HEADER_SEARCH_ROWS} 行内，至少包括「类型」「复议机关/法院」「收到日期」等列（列名见台账模板）` });
  } else if (!out.rows.length && !out.errors.length) {
    out.errors.push({ sheet: null, row: null, column: null, message: '台账中没有复议诉讼记录（表头下方都是空行）' });
  }
  return out;
}

function readRow(sheet: string, row: number, cell: (f: LedgerField) => CellValue, header: (f: LedgerField) => string): { row: LedgerRow; warnings: string[] } | { errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const warnings: string[] = [];
  const fail = (f: LedgerField, message: string) => errors.push({ sheet, row, column: header(f), message });
  const text = (f: LedgerField) => {
    const t = cellText(cell(f)).replace(/\s+/g, ' ');
    if (t.length > MAX_CELL) fail(f, `内容过长（超过 ${MAX_CELL} 字）`);
    return t.slice(0, MAX_CELL);
  };
  const kind = kindOf(cell('kind'));
  if ('error' in kind) fail('kind', kind.error);
  else if (kind.warning) warnings.push(kind.warning);
  const receivedOn = dateOf(cell('receivedOn'));
  if ('error' in receivedOn) fail('receivedOn', receivedOn.error);
  else if (receivedOn.value === null) fail('receivedOn', '请填写收到日期（复议机关收到申请或法院立案之日）');
  const decidedOn = dateOf(cell('decidedOn'));
  if ('error' in decidedOn) fail('decidedOn', decidedOn.error);
  const outcome = outcomeOf(cell('outcome'));
  if ('error' in outcome) fail('outcome', outcome.error);
  const body = text('body');
  if (!body) fail('body', '请填写复议机关或人民法院');
  if ('value' in outcome && 'value' in decidedOn) {
    if (outcome.value.outcome !== null && decidedOn.value === null) fail('decidedOn', '已审结的，请填写决定日期或审结日期');
    if (outcome.value.outcome === null && decidedOn.value !== null) {
      fail('outcome', cellText(cell('outcome')) ? `结果为“${cellText(cell('outcome'))}”却填写了审结日期 ${decidedOn.value}：已审结的请填写结果（维持、纠正或其他）` : `填写了审结日期 ${decidedOn.value}，请填写结果（维持、纠正或其他）`);
    }
  }
  if ('value' in receivedOn && 'value' in decidedOn && receivedOn.value && decidedOn.value && decidedOn.value < receivedOn.value) {
    fail('decidedOn', `审结日期 ${decidedOn.value} 早于收到日期 ${receivedOn.value}`);
  }
  const values = { receiptNo: text('receiptNo'), party: text('party'), caseNumber: text('caseNumber'), note: text('note') };
  if (errors.length) return { errors };
  const o = (outcome as { value: { outcome: LedgerRow['outcome']; newReplyOrdered: boolean } }).value;
  return {
    row: {
      sheet, row, kind: (kind as { value: LedgerRow['kind'] }).value, body, ...values,
      receivedOn: (receivedOn as { value: string }).value, decidedOn: (decidedOn as { value: string | null }).value,
      outcome: o.outcome, newReplyOrdered: o.newReplyOrdered, outcomeText: cellText(cell('outcome')),
    },
    warnings,
  };
}

export async function parseLedgerFile(content: Buffer): Promise<ParsedLedger> {
  return parseLedgerSheets(await readWorkbook(content, MAX_LEDGER_ROWS));
}

/** parseLedgerFile in a worker (isolated-read.ts): a refused file comes back as its message. */
export async function parseAppealLedgerInWorker(content: Uint8Array): Promise<{ parsed: ParsedLedger } | { refused: string }> {
  try {
    return { parsed: await parseLedgerFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength)) };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return { refused: err.message };
    throw err;
  }
}
