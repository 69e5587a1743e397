// Reading a 12345 platform's work-order export (.xlsx, issue 20 §2): the header row (in the first rows,
// below a title row or merged title cells), its columns in the platforms' many spellings, and each
// data row as a HotlineRow — or a problem of that row (no 工单编号, no usable 受理时间), reported and
// not imported. Dates come as Excel serials, as dates, or as text (2025/11/03 14:20, 2025年11月3日).
// Pure functions, plus `parseHotlineInWorker`, which the import runs in the isolate pool
// (isolated-read.ts): only plain data goes in and comes out. docs/hotline-12345.md lists the columns.
import { DomainError } from '../../core/errors.ts';
import { isValidDate } from '../../core/date.ts';
import { toSimplified } from '../../core/text/normalize.ts';
import { HEADER_SEARCH_ROWS, readWorkbook, type CellValue, type SheetData } from '../../core/workbook.ts';
import type { Category, Rating } from '../model.ts';

export type { CellValue, SheetData };

export type HotlineField =
  | 'serial' | 'orderNo' | 'receivedAt' | 'dispatchedAt' | 'category' | 'subject' | 'content' | 'name' | 'phone' | 'unit'
  | 'dueAt' | 'answeredAt' | 'reply' | 'satisfaction' | 'publish' | 'state';

export interface HotlineColumn {
  key: HotlineField;
  /** The column title of the standard layout (the export's). */
  header: string;
  /** Other titles accepted (compared after normalizeHeader). */
  variants: readonly string[];
}

/** The columns recognized, in the order of the standard layout. */
export const HOTLINE_COLUMNS: readonly HotlineColumn[] = [
  { key: 'serial', header: '序号', variants: ['序'] },
  { key: 'orderNo', header: '工单编号', variants: ['工单号', '工单编码', '工单流水号', '诉求编号', '诉求单号', '受理编号', '受理号', '单号', '案件编号', '事项编号'] },
  { key: 'receivedAt', header: '受理时间', variants: ['来电时间', '登记时间', '受理日期', '来电日期', '登记日期', '创建时间', '工单创建时间', '诉求时间', '反映时间', '接件时间'] },
  { key: 'dispatchedAt', header: '派单时间', variants: ['交办时间', '转派时间', '派发时间', '签收时间', '派单日期', '交办日期'] },
  { key: 'category', header: '诉求类型', variants: ['工单类型', '业务类别', '诉求类别', '工单类别', '业务类型', '来电类型', '诉求性质', '来电类别', '工单性质'] },
  { key: 'subject', header: '诉求标题', variants: ['标题', '工单标题', '主题', '诉求主题', '事项标题', '来电标题'] },
  { key: 'content', header: '诉求内容', variants: ['问题描述', '工单内容', '来电内容', '诉求描述', '内容', '反映内容', '主要内容', '来电诉求', '诉求详情', '具体诉求'] },
  { key: 'name', header: '来电人', variants: ['市民姓名', '来电人姓名', '姓名', '诉求人', '诉求人姓名', '联系人', '反映人', '来电人员'] },
  { key: 'phone', header: '联系电话', variants: ['来电号码', '电话', '联系方式', '手机号码', '来电电话', '联系号码', '手机号', '回访电话'] },
  { key: 'unit', header: '承办单位', variants: ['主办单位', '办理单位', '责任单位', '承办部门', '主办部门', '处置单位'] },
  { key: 'dueAt', header: '办理时限', variants: ['办结时限', '截止时间', '办理期限', '答复时限', '限办时间', '办结期限', '处理时限', '要求办结时间', '到期时间'] },
  { key: 'answeredAt', header: '办结时间', variants: ['回复时间', '答复时间', '办结日期', '回复日期', '答复日期', '反馈时间', '结案时间'] },
  { key: 'reply', header: '办理结果', variants: ['答复内容', '回复内容', '处理结果', '办理情况', '答复意见', '反馈内容', '办理意见', '处理意见', '回复意见', '办结意见'] },
  { key: 'satisfaction', header: '满意度', variants: ['回访结果', '回访满意度', '评价结果', '市民评价', '满意度评价', '回访评价', '群众满意度'] },
  { key: 'publish', header: '是否公开', variants: ['公开', '是否同意公开', '同意公开', '公开属性'] },
  { key: 'state', header: '工单状态', variants: ['办理状态', '状态', '当前状态', '处理状态'] },
];

export const STANDARD_HEADERS: readonly string[] = HOTLINE_COLUMNS.filter((c) => c.key !== 'serial' && c.key !== 'dispatchedAt').map((c) => c.header);

/** Full-width to half-width, no spaces or marks, simplified characters: for comparing titles and words. */
export function normalizeHeader(s: string): string {
  return toSimplified(String(s))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]必填[）)]|[*※:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const HEADER_INDEX = new Map<string, HotlineField>(HOTLINE_COLUMNS.flatMap((c) => [c.header, ...c.variants].map((h) => [normalizeHeader(h), c.key] as const)));

/** The field a column title names, or null. */
export function matchHotlineHeader(text: string): HotlineField | null {
  return HEADER_INDEX.get(normalizeHeader(text)) ?? null;
}

export const cellText = (v: CellValue): string => (v === null || v === undefined ? '' : v instanceof Date ? formatDateTime(fromDate(v)) : String(v)).trim();

// ── Dates ───────────────────────────────────────────────────────────────────

/** A day with the time of day when the cell has one (HH:mm). */
export interface DateTime {
  date: string;
  time: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const formatDateTime = (d: DateTime) => (d.time ? `${d.date} ${d.time}` : d.date);

/** exceljs gives a date cell as the UTC instant of its wall-clock time. */
function fromDate(v: Date): DateTime {
  const date = v.toISOString().slice(0, 10);
  const h = v.getUTCHours();
  const m = v.getUTCMinutes();
  return { date, time: h || m ? `${pad(h)}:${pad(m)}` : null };
}

/** An Excel serial day number (1900 system; 45964 is 2025-11-03), its fraction the time. */
function fromSerial(n: number): DateTime | null {
  if (!(n > 20000 && n < 80000)) return null;
  const ms = Math.round((n - 25569) * 86400) * 1000;
  return fromDate(new Date(ms));
}

function fromParts(y: number, mo: number, d: number, h?: number, mi?: number): DateTime | null {
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (!isValidDate(date)) return null;
  if (h === undefined || Number.isNaN(h)) return { date, time: null };
  if (h > 23 || (mi ?? 0) > 59) return null;
  return { date, time: h || mi ? `${pad(h)}:${pad(mi ?? 0)}` : null };
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})?\s*(?:[:：分]\s*(\d{1,2})?\s*秒?)?)?$/;

/** A date (and time) cell; null when empty; undefined when it is not a date. */
export function parseDateTime(v: CellValue): DateTime | null | undefined {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : fromDate(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return fromParts(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100) ?? undefined;
    return fromSerial(v) ?? undefined;
  }
  const t = String(v).trim().replace(/[。．]$/, '');
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return parseDateTime(Number(t));
  const m = DATE_TEXT.exec(t);
  if (!m) return undefined;
  const h = m[4] === undefined ? undefined : Number(m[4]);
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), h, m[5] === undefined ? 0 : Number(m[5])) ?? undefined;
}

/** 办理时限: a day (date or date-time), or a number of working days (“5个工作日”, 5). */
export type DueReading = { dueOn: string } | { workingDays: number } | null;

export function parseDue(v: CellValue): DueReading | undefined {
  if (v === null || v === undefined) return null;
  const t = typeof v === 'string' ? v.trim() : v;
  if (t === '') return null;
  if (typeof t === 'number' && Number.isInteger(t) && t >= 1 && t <= 365) return { workingDays: t };
  if (typeof t === 'string') {
    const m = /^(\d{1,3})\s*(?:个)?\s*(?:工作日|工作天|天|日)?$/.exec(t);
    if (m && Number(m[1]) >= 1) return { workingDays: Number(m[1]) };
  }
  const d = parseDateTime(t);
  if (d === undefined) return undefined;
  return d === null ? null : { dueOn: d.date };
}

// ── Values ──────────────────────────────────────────────────────────────────

/**
 * 诉求类型 → the message's category. The platforms' 求决 is a 求助; 举报 goes with 投诉 (the module's
 * 投诉举报). What names none of them (表扬、感谢、其他, or nothing) is imported as DEFAULT_CATEGORY
 * with a warning: a 12345 order asks the agency to act, and 求助's period (10 working days by
 * default) neither rushes it like a 咨询 nor stretches it like a 投诉.
 */
export const DEFAULT_CATEGORY: Category = 'help';
const CATEGORY_RULES: readonly [Category, RegExp][] = [
  ['complain', /投诉|举报|检举|控告/],
  ['suggest', /建议|意见/],
  ['consult', /咨询|查询|询问/],
  ['help', /求助|求决|诉求|求援|申请办理/],
];

export function categoryOf(text: string): { category: Category; known: boolean } {
  const w = normalizeHeader(text);
  for (const [category, re] of CATEGORY_RULES) if (re.test(w)) return { category, known: true };
  return { category: DEFAULT_CATEGORY, known: false };
}

const NO_RATING = /^(?:|无|暂无|未回访|未评价|无需回访|不回访|放弃评价|未接通|拒绝回访|\/|-|—)$/;

/** 满意度 / 回访结果 → the writer's rating; null when not rated; undefined when not understood. */
export function ratingOf(text: string): Rating | null | undefined {
  const w = normalizeHeader(text);
  if (NO_RATING.test(w)) return null;
  if (/不满意|不太满意/.test(w)) return 'unsatisfied';
  if (/基本满意|比较满意|较满意|一般/.test(w)) return 'basically';
  if (/满意/.test(w)) return 'satisfied';
  return undefined;
}

/** 是否公开: yes only when it says so; undefined when not understood. */
export function publishOf(text: string): boolean | undefined {
  const w = normalizeHeader(text).toLowerCase();
  if (/^(?:是|公开|同意|同意公开|可公开|y|yes|1|true|√)$/.test(w)) return true;
  if (/^(?:|否|不公开|不同意|不同意公开|不予公开|n|no|0|false|×)$/.test(w)) return false;
  return undefined;
}

// ── Rows ────────────────────────────────────────────────────────────────────

export interface HotlineRow {
  sheet: string;
  /** The row's number in the sheet (1-based, as Excel shows it). */
  row: number;
  orderNo: string;
  receivedOn: string;
  categoryText: string;
  category: Category;
  subject: string;
  content: string;
  name: string;
  phone: string;
  unit: string;
  due: DueReading;
  reply: string;
  answeredOn: string | null;
  rating: Rating | null;
  consentPublish: boolean;
  stateText: string;
  /** The row's cells by column title, as text (dates as YYYY-MM-DD HH:mm). */
  values: Record<string, string>;
}

export interface HotlineProblem {
  sheet: string | null;
  row: number | null;
  message: string;
}

export interface ParsedHotline {
  /** The header row of the first sheet read: the layout of the file. */
  headers: string[];
  rows: HotlineRow[];
  /** Rows not imported (no 工单编号, no usable 受理时间), or the file's own problem. */
  problems: HotlineProblem[];
  warnings: string[];
  sheets: string[];
  /** Data rows found (imported or reported). */
  rowsRead: number;
}

export const MAX_HOTLINE_ROWS = 5_000;
const MAX_SUBJECT = 100;
const MAX_TEXT = 10_000;
const MIN_HEADER_FIELDS = 3;

type Columns = Partial<Record<HotlineField, number>>;

/** The header row: the first rows' one with the most recognized titles, naming the order number. */
function headerIndex(rows: CellValue[][]): number | null {
  let best: { index: number; fields: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const fields = new Set((rows[i] ?? []).map((c) => (typeof c === 'string' ? matchHotlineHeader(c) : null)).filter((x) => x !== null));
    if (fields.size >= MIN_HEADER_FIELDS && fields.has('orderNo') && (!best || fields.size > best.fields)) best = { index: i, fields: fields.size };
  }
  return best?.index ?? null;
}

/** A subject when the export has none: the content's first sentence, cut short. */
function subjectOf(subject: string, content: string, orderNo: string): string {
  if (subject) return subject.slice(0, MAX_SUBJECT);
  const first = content.split(/[。！？!?\n；;]/)[0]!.trim();
  if (first) return first.length > 30 ? `${first.slice(0, 30)}…` : first;
  return `12345 工单 ${orderNo}`;
}

/** Reads the sheets of an export. */
export function parseHotlineSheets(sheets: readonly SheetData[]): ParsedHotline {
  const out: ParsedHotline = { headers: [], rows: [], problems: [], warnings: [], sheets: [], rowsRead: 0 };
  const candidates = sheets.filter((s) => !/说明|示例|样例|字典|统计|汇总/.test(s.name) || sheets.length === 1);
  let read = 0;
  for (const sheet of candidates) {
    const h = headerIndex(sheet.rows);
    if (h === null) continue;
    const where = (row: number) => `${candidates.length > 1 ? `工作表「${sheet.name}」` : ''}第${row}行`;
    const columns: Columns = {};
    const titles: string[] = [];
    const seen: Partial<Record<HotlineField, string>> = {};
    const unknown: string[] = [];
    (sheet.rows[h] ?? []).forEach((cell, col) => {
      const text = cellText(cell);
      titles[col] = text;
      if (!text) return;
      const field = matchHotlineHeader(text);
      if (!field) return void unknown.push(text);
      if (columns[field] !== undefined) {
        out.warnings.push(`${where(h + 1)}：「${text}」与「${seen[field]}」是同一项，只读取「${seen[field]}」`);
        return;
      }
      columns[field] = col;
      seen[field] = text;
    });
    const headers = Array.from({ length: titles.length }, (_, i) => titles[i] ?? '');
    if (!out.sheets.length) out.headers = headers.map((t, i) => t || `第${i + 1}列`);
    out.sheets.push(sheet.name);
    if (unknown.length) out.warnings.push(`${candidates.length > 1 ? `工作表「${sheet.name}」：` : ''}以下列未对应本平台的项目，导入时忽略、导出时原样保留：${unknown.map((u) => `「${u}」`).join('、')}`);
    if (columns.receivedAt === undefined && columns.dispatchedAt === undefined) {
      out.problems.push({ sheet: sheet.name, row: h + 1, message: `缺少「受理时间」列（也可写：${HOTLINE_COLUMNS.find((c) => c.key === 'receivedAt')!.variants.slice(0, 3).join('、')}），该工作表未导入` });
      continue;
    }
    for (let i = h + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i]!;
      const cell = (f: HotlineField): CellValue => (columns[f] === undefined ? null : (cells[columns[f]!] ?? null));
      const text = (f: HotlineField) => cellText(cell(f));
      // blank rows (trailing ones, spacers) and a footer such as “合计” without data are not orders
      const filled = (Object.keys(columns) as HotlineField[]).filter((k) => k !== 'serial' && text(k) !== '');
      if (!filled.length) continue;
      if (filled.length <= 2 && filled.some((k) => /^(?:合计|总计|小计|制表|导出时间|共\s*\d+\s*条)/.test(text(k)))) continue;
      if (++read > MAX_HOTLINE_ROWS) {
        out.problems.push({ sheet: sheet.name, row: i + 1, message: `一次最多导入 ${MAX_HOTLINE_ROWS} 个工单，其后的行未读取，请分成几个文件` });
        return out;
      }
      out.rowsRead = read;
      const orderNo = text('orderNo').replace(/\s+/g, '');
      if (!orderNo) {
        out.problems.push({ sheet: sheet.name, row: i + 1, message: `${where(i + 1)}：没有工单编号，未导入（请在平台导出的文件中核对该行）` });
        continue;
      }
      const received = parseDateTime(cell('receivedAt')) ?? parseDateTime(cell('dispatchedAt'));
      if (!received) {
        const raw = text('receivedAt') || text('dispatchedAt');
        out.problems.push({ sheet: sheet.name, row: i + 1, message: raw ? `${where(i + 1)}（工单 ${orderNo}）：受理时间“${raw}”不是有效的日期，未导入` : `${where(i + 1)}（工单 ${orderNo}）：没有受理时间，未导入` });
        continue;
      }
      const warn = (w: string) => out.warnings.push(`${where(i + 1)}（工单 ${orderNo}）：${w}`);
      const categoryText = text('category');
      const { category, known } = categoryOf(categoryText);
      if (!known) warn(`诉求类型“${categoryText || '（空）'}”不是咨询、求助、建议或投诉举报，按“求助”导入`);
      const answered = parseDateTime(cell('answeredAt'));
      if (answered === undefined) warn(`办结时间“${text('answeredAt')}”不是有效的日期，未读取`);
      const due = parseDue(cell('dueAt'));
      if (due === undefined) warn(`办理时限“${text('dueAt')}”无法识别，按本机关的答复期限计算`);
      const satisfaction = text('satisfaction');
      const rating = ratingOf(satisfaction);
      if (rating === undefined) warn(`满意度“${satisfaction}”无法识别（满意、基本满意、不满意），未读取`);
      const publish = publishOf(text('publish'));
      if (publish === undefined) warn(`是否公开“${text('publish')}”无法识别，按不公开导入`);
      const content = text('content').slice(0, MAX_TEXT);
      const values: Record<string, string> = {};
      headers.forEach((title, col) => {
        if (!title) return;
        const v = cellText(cells[col] ?? null);
        if (v) values[title] = v.slice(0, MAX_TEXT);
      });
      // a date cell's text as the platform shows it (YYYY-MM-DD HH:mm)
      for (const f of ['receivedAt', 'dispatchedAt', 'answeredAt'] as const) {
        const d = parseDateTime(cell(f));
        if (d && seen[f]) values[seen[f]!] = formatDateTime(d);
      }
      out.rows.push({
        sheet: sheet.name, row: i + 1, orderNo, receivedOn: received.date, categoryText, category,
        subject: subjectOf(text('subject'), content, orderNo), content, name: text('name').slice(0, 100), phone: text('phone').slice(0, 50), unit: text('unit'),
        due: due ?? null, reply: text('reply').slice(0, MAX_TEXT), answeredOn: answered?.date ?? null, rating: rating ?? null, consentPublish: publish ?? false,
        stateText: text('state'), values,
      });
    }
  }
  if (!out.sheets.length) {
    out.problems.push({ sheet: null, row: null, message: `未找到工单表头：表头应在前 ${HEADER_SEARCH_ROWS} 行内，至少包括「工单编号」「受理时间」「诉求类型」等列（列名见使用说明）` });
  }
  return out;
}

export async function parseHotlineFile(content: Buffer): Promise<ParsedHotline> {
  return parseHotlineSheets(await readWorkbook(content, MAX_HOTLINE_ROWS));
}

/** parseHotlineFile in a worker (isolated-read.ts): a refused file comes back as its message. */
export async function parseHotlineInWorker(content: Uint8Array): Promise<{ parsed: ParsedHotline } | { refused: string }> {
  try {
    return { parsed: await parseHotlineFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength)) };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return { refused: err.message };
    throw err;
  }
}
