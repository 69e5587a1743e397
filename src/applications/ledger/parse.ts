// Reading a 依申请公开台账 (.xlsx): find the header row of each sheet, match its columns
// (columns.ts), read every data row into a LedgerRow or per-row errors. Pure apart from
// unpacking the workbook (readWorkbook); the order of the dates is checked by plan.ts.
import { DomainError, invalid } from '../../core/errors.ts';
import { HEADER_SEARCH_ROWS, readWorkbook, type SheetData } from '../../core/workbook.ts';
import { isValidCreditCode, isValidResidentId } from '../rules/identity.ts';
import type { SubmissionChannel } from '../rules/receipt.ts';
import { LEDGER_FIELDS, fieldHeader, matchHeader, type LedgerFieldKey } from './columns.ts';
import type { LedgerApplicant, LedgerError, LedgerRow, ParsedLedger } from './model.ts';
import {
  cellRaw,
  isEmptyCell,
  isError,
  readApplicantType,
  readChannel,
  readDate,
  readDelivery,
  readFeeBasis,
  readForm,
  readNumber,
  readOutcome,
  readYesNo,
  type CellValue,
  type Reading,
} from './values.ts';

export type { SheetData };

/** Sheets that explain or offer choices rather than hold applications (the template has them). */
const NOT_DATA_SHEET = /说明|示例|样例|选项|填表|模板说明|字典/;
/** A row is a header when it names at least this many fields. */
const MIN_HEADER_FIELDS = 3;
/** Longest text kept per cell (a pasted letter is not a ledger cell). */
const MAX_CELL = 2000;
export const MAX_LEDGER_ROWS = 20_000;

// ── Sheets (the workbook is read by core/workbook.ts) ──────────────────────── ──────────────────────────────────────────────────────────────────

type Columns = Partial<Record<LedgerFieldKey, number>>;

function headerOf(rows: CellValue[][]): { index: number; fields: number } | null {
  let best: { index: number; fields: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const fields = new Set((rows[i] ?? []).map((c) => (typeof c === 'string' ? matchHeader(c) : null)).filter((x) => x !== null));
    if (fields.size >= MIN_HEADER_FIELDS && (fields.has('name') || fields.has('content')) && (!best || fields.size > best.fields)) best = { index: i, fields: fields.size };
  }
  return best;
}

/** Reads the sheets of a ledger. */
export function parseLedgerSheets(sheets: readonly SheetData[]): ParsedLedger {
  const out: ParsedLedger = { rows: [], errors: [], warnings: [], sheets: [] };
  const candidates = sheets.filter((s) => !NOT_DATA_SHEET.test(s.name));
  for (const sheet of candidates) {
    const header = headerOf(sheet.rows);
    if (!header) continue;
    const headerRow = sheet.rows[header.index]!;
    const columns: Columns = {};
    const headers: Partial<Record<LedgerFieldKey, string>> = {};
    const sheetErrors: LedgerError[] = [];
    const unknown: string[] = [];
    const recognized: { header: string; field: LedgerFieldKey }[] = [];
    headerRow.forEach((cell, col) => {
      const text = cellRaw(cell);
      if (!text) return;
      const field = matchHeader(text);
      if (!field) return void unknown.push(text);
      if (columns[field] !== undefined) {
        sheetErrors.push({ sheet: sheet.name, row: header.index + 1, column: text, message: `与「${headers[field]}」是同一项（${fieldHeader(field)}），请只保留其中一列` });
        return;
      }
      columns[field] = col;
      headers[field] = text;
      recognized.push({ header: text, field });
    });
    for (const field of LEDGER_FIELDS) {
      if (field.fallback && columns[field.key] === undefined && columns[field.fallback] !== undefined) {
        columns[field.key] = columns[field.fallback];
        headers[field.key] = headers[field.fallback];
      }
    }
    for (const field of LEDGER_FIELDS.filter((x) => x.required && columns[x.key] === undefined)) {
      const names = [field.header, ...field.variants.slice(0, 4)].join('、');
      sheetErrors.push({ sheet: sheet.name, row: header.index + 1, column: null, message: `缺少「${field.header}」列（可用的列名：${names}${field.fallback ? `；或「${fieldHeader(field.fallback)}」` : ''}）` });
    }
    const info = { name: sheet.name, headerRow: header.index + 1, columns: recognized, dataRows: 0 };
    out.sheets.push(info);
    if (unknown.length) out.warnings.push(`${sheetLabel(sheet, candidates)}未识别的列已忽略：${unknown.map((u) => `「${u}」`).join('、')}`);
    if (sheetErrors.length) {
      out.errors.push(...sheetErrors);
      continue;
    }
    if (columns.channel === undefined) out.warnings.push(`${sheetLabel(sheet, candidates)}没有「申请方式」列：全部按当面提交登记（收到申请之日即提交之日）`);
    if (columns.outcome === undefined) out.warnings.push(`${sheetLabel(sheet, candidates)}没有「处理结果」列：全部按尚未办结导入`);
    let defaulted = 0;
    for (let i = header.index + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i]!;
      const cell = (field: LedgerFieldKey): CellValue => (columns[field] === undefined ? null : (cells[columns[field]!] ?? null));
      const meaningful = (Object.keys(columns) as LedgerFieldKey[]).filter((k) => k !== 'serial');
      if (meaningful.every((k) => isEmptyCell(cell(k)))) continue;
      if (info.dataRows >= MAX_LEDGER_ROWS) {
        out.errors.push({ sheet: sheet.name, row: i + 1, column: null, message: `一次最多导入 ${MAX_LEDGER_ROWS} 行，请分成几个文件` });
        break;
      }
      info.dataRows++;
      const read = readRow(sheet.name, i + 1, cell, headers);
      if ('errors' in read) out.errors.push(...read.errors);
      else {
        out.rows.push(read.row);
        if (read.channelDefaulted && columns.channel !== undefined) defaulted++;
      }
    }
    if (defaulted) out.warnings.push(`${sheetLabel(sheet, candidates)}${defaulted} 行未填写申请方式，按当面提交登记`);
  }
  if (!out.sheets.length) {
    out.errors.push({
      sheet: null,
      row: null,
      column: null,
      message: `未找到台账的表头：表头应在前 ${HEADER_SEARCH_ROWS} 行内，至少包括「申请人」「申请人类型」「申请内容」「收到申请日期」等列（列名见台账模板）`,
    });
  } else if (!out.rows.length && !out.errors.length) {
    out.errors.push({ sheet: null, row: null, column: null, message: '台账中没有申请记录（表头下方都是空行）' });
  }
  return out;
}

const sheetLabel = (sheet: SheetData, all: readonly SheetData[]) => (all.length > 1 ? `工作表「${sheet.name}」：` : '');

/** Reads and parses a ledger file. */
export async function parseLedgerFile(content: Buffer): Promise<ParsedLedger> {
  return parseLedgerSheets(await readWorkbook(content, MAX_LEDGER_ROWS));
}

/**
 * parseLedgerFile as run in a worker process (ledger/isolated-read.ts): a file refused for what it
 * is (not .xlsx, damaged, a zip bomb) comes back as its message, since only plain data crosses.
 */
export async function parseLedgerInWorker(content: Uint8Array): Promise<{ parsed: ParsedLedger } | { refused: string }> {
  try {
    return { parsed: await parseLedgerFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength)) };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return { refused: err.message };
    throw err;
  }
}

// ── Rows ────────────────────────────────────────────────────────────────────

const RESIDENT_ID = /^\d{17}[\dX]$/;
const MASKED = /[*＊]|[xX×]{3,}/;
const ID_TYPE_WORDS: Record<string, string> = { 身份证: '居民身份证', 居民身份证: '居民身份证', 二代身份证: '居民身份证', 身份证明: '居民身份证' };

function readRow(
  sheet: string,
  row: number,
  cell: (field: LedgerFieldKey) => CellValue,
  headers: Partial<Record<LedgerFieldKey, string>>,
): { row: LedgerRow; channelDefaulted: boolean } | { errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const fail = (field: LedgerFieldKey, message: string) => {
    const column = headers[field] ?? fieldHeader(field);
    // a column standing in for another (申请日期 for 收到申请日期) is read twice: one message is enough
    if (!errors.some((e) => e.column === column && e.message === message)) errors.push({ sheet, row, column, message });
  };
  const text = (field: LedgerFieldKey, max = MAX_CELL) => {
    const v = cell(field);
    if (isEmptyCell(v)) return '';
    const s = cellRaw(v);
    if (s.length > max) fail(field, `内容过长（${s.length} 字，最多 ${max} 字）`);
    return s.slice(0, max);
  };
  const take = <T,>(field: LedgerFieldKey, reading: Reading<T>): T | null => {
    if (isError(reading)) {
      fail(field, reading.error);
      return null;
    }
    return reading;
  };
  const date = (field: LedgerFieldKey) => take(field, readDate(cell(field)));
  const required = <T,>(field: LedgerFieldKey, value: T | null, message: string): T | null => {
    if (value === null && !errors.some((e) => e.column === (headers[field] ?? fieldHeader(field)))) fail(field, message);
    return value;
  };

  // 申请人
  const name = text('name', 100);
  if (!name) fail('name', '请填写申请人姓名或名称');
  const column = required('applicantType', take('applicantType', readApplicantType(cell('applicantType'))), '请填写申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他）');
  const idNumber = text('idNumber', 40).toUpperCase().replace(/\s/g, '');
  const idTypeText = text('idType', 30);
  const idType = idTypeText ? (ID_TYPE_WORDS[idTypeText] ?? idTypeText) : idNumber && (RESIDENT_ID.test(idNumber) || (idNumber.length === 18 && MASKED.test(idNumber))) ? '居民身份证' : '';
  if (idType === '居民身份证' && idNumber && !MASKED.test(idNumber) && !isValidResidentId(idNumber)) fail('idNumber', '居民身份证号码不正确（18 位，最后一位可为 X），请核对');
  const creditCode = text('creditCode', 18 + 4).toUpperCase().replace(/\s/g, '');
  if (creditCode && !MASKED.test(creditCode) && !isValidCreditCode(creditCode)) fail('creditCode', '统一社会信用代码不正确（18 位），请核对');
  const natural = column === 'natural';
  const applicant: LedgerApplicant = {
    kind: natural ? 'natural' : 'organization',
    column: column ?? 'natural',
    name,
    idType: natural ? idType : '',
    idNumber: natural ? idNumber : '',
    creditCode: natural ? '' : creditCode,
    legalRepresentative: text('legalRepresentative', 50),
    contactPerson: text('contactPerson', 50),
    phone: text('phone', 30),
    email: text('email', 100).toLowerCase(),
    address: text('address', 200),
    postalCode: text('postalCode', 10),
  };

  // 申请内容
  const content = text('content');
  if (content.length < 2) fail('content', '请填写申请内容（所需政府信息的名称或描述）');
  const infoTitle = content.length <= 200 ? content : `${content.slice(0, 199)}…`;

  // 申请方式与日期
  const channelReading = take('channel', readChannel(cell('channel')));
  const channel: SubmissionChannel = channelReading ?? 'in_person';
  const receivedOn = required('receivedOn', date('receivedOn'), '请填写收到申请日期');
  const submittedOn = date('submittedOn');
  const online = channel === 'online';
  const formWanted = take('formWanted', readForm(cell('formWanted'))) ?? (online ? 'electronic' : 'paper');
  const delivery = take('delivery', readDelivery(cell('delivery'))) ?? (formWanted === 'electronic' ? (online ? 'online' : 'email') : 'collect');

  // 补正
  const correctionOn = date('correctionOn');
  const correctionDueOn = date('correctionDueOn');
  const correctedOn = date('correctedOn');
  if (correctionOn && !correctionDueOn && !isError(readDate(cell('correctionDueOn')))) fail('correctionDueOn', '有补正告知日期时须填写补正期限（条例第三十条：合理的补正期限）');
  if (!correctionOn && (correctionDueOn || correctedOn)) fail('correctionOn', '填写了补正期限或收到补正日期，须填写补正告知日期');
  const correction = correctionOn && correctionDueOn ? { on: correctionOn, items: text('correctionItems') || '（台账未记载补正事项）', dueOn: correctionDueOn, correctedOn } : null;

  // 信息处理费
  const feeOn = date('feeNoticeOn');
  const feeBasis = take('feeBasis', readFeeBasis(cell('feeBasis')));
  const feeAmount = take('feeAmount', readNumber(cell('feeAmount')));
  const feeQuantity = take('feeQuantity', readNumber(cell('feeQuantity')));
  const feeDueOn = date('feeDueOn');
  const feePaidOn = date('feePaidOn');
  if (feeOn) {
    if (!feeBasis && !isError(readFeeBasis(cell('feeBasis')))) fail('feeBasis', '有收费通知日期时须填写计费方式（按件计收或按量计收）');
    if (feeAmount === null && !isError(readNumber(cell('feeAmount')))) fail('feeAmount', '有收费通知日期时须填写收费金额（元）');
    if (feeAmount !== null && !(feeAmount > 0)) fail('feeAmount', '收费金额应大于 0');
    if (!feeDueOn && !isError(readDate(cell('feeDueOn')))) fail('feeDueOn', '有收费通知日期时须填写缴费期限');
  } else if (feePaidOn || feeDueOn) fail('feeNoticeOn', '填写了缴费期限或缴费日期，须填写收费通知日期');
  if (feeQuantity !== null && !(Number.isInteger(feeQuantity) && feeQuantity >= 0)) fail('feeQuantity', '计费数量应为非负整数');
  const fee =
    feeOn && feeBasis && feeAmount !== null && feeAmount > 0 && feeDueOn
      ? { on: feeOn, basis: feeBasis, quantity: feeQuantity ?? 0, amountYuan: feeAmount, paymentDueOn: feeDueOn, paidOn: feePaidOn }
      : null;

  // 延期
  const extended = take('extended', readYesNo(cell('extended')));
  const extensionOn = date('extensionOn');
  const days = take('extensionDays', readNumber(cell('extensionDays')));
  if (extended === true && !extensionOn && !isError(readDate(cell('extensionOn')))) fail('extensionOn', '填写了延期，须填写延期告知日期');
  if (extended === false && extensionOn) fail('extended', '填写了延期告知日期，“是否延期”却为“否”');
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 20)) fail('extensionDays', '延长的期限应为 1 至 20 个工作日（条例第三十三条第二款）');
  const extension = extensionOn ? { on: extensionOn, workingDays: days ?? 20, reason: text('extensionReason', 500) || '（台账未记载延期理由）' } : null;

  // 办理结果
  const ending = take('outcome', readOutcome(cell('outcome')));
  const repliedOn = date('repliedOn');
  if (ending && !repliedOn && !isError(readDate(cell('repliedOn')))) fail('repliedOn', '填写了处理结果，须填写答复日期');
  if (!ending && repliedOn && !isError(readOutcome(cell('outcome')))) fail('outcome', '填写了答复日期，须填写处理结果');
  if (ending?.kind === 'abandon' && !correctionOn) fail('correctionOn', '处理结果为逾期不补正，须填写补正告知日期和补正期限');
  if (ending?.kind === 'unpaid' && !feeOn) fail('feeNoticeOn', '处理结果为逾期未缴费，须填写收费通知日期、计费方式、收费金额和缴费期限');
  const closedOn = headers.closedOn && headers.closedOn !== headers.repliedOn ? date('closedOn') : null;
  if (closedOn && !ending) fail('closedOn', '尚未答复的申请不能办结：请填写答复日期和处理结果');

  if (errors.length || !column || !receivedOn) return { errors };
  return {
    channelDefaulted: channelReading === null,
    row: {
      sheet,
      row,
      ledgerNo: text('ledgerNo', 60),
      applicant,
      infoTitle,
      infoDocNumber: text('docNumber', 100),
      infoDescription: content.length > 200 ? content : '',
      channel,
      submittedOn: submittedOn ?? receivedOn,
      receivedOn,
      formWanted,
      delivery,
      correction,
      fee,
      extension,
      ending: ending && repliedOn ? { ...ending, on: repliedOn, text: cellRaw(cell('outcome')) } : null,
      reasons: text('reasons'),
      deliveredBy: text('deliveredBy', 100),
      closedOn,
      note: text('note'),
      headers,
    },
  };
}
