// Reading the cells of a ledger row: dates as Excel writes them or as clerks type them, and the
// words of the enumerated columns (申请人类型, 申请方式, 处理结果 …) mapped to the case model.
// Every reader answers a value, `null` for an empty cell, or `{ error }` with a Chinese message.
// Nothing is guessed: a word that does not name exactly one value is an error.
import { isValidDate, type DateString } from '../../core/date.ts';
import { parseChineseNumeral } from '../../core/text/numerals.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';
import { table3OutcomeRows, TABLE3_GROUPS } from '../../report/model/layout.ts';
import type { ApplicantColumn, Delivery, FormWanted } from '../model.ts';
import type { FeeBasis } from '../rules/fees.ts';
import { OUTCOMES, type Outcome } from '../rules/outcome.ts';
import type { SubmissionChannel } from '../rules/receipt.ts';

/** A cell as read from the workbook (exceljs rich text, formulas and links already flattened). */
export type { CellValue } from '../../core/workbook.ts';
import type { CellValue } from '../../core/workbook.ts';

export type Reading<T> = T | null | { error: string };
export const isError = (r: unknown): r is { error: string } => typeof r === 'object' && r !== null && 'error' in r && !(r instanceof Date);

/** Cells that mean “nothing here”. */
const EMPTY = new Set(['', '/', '\\', '-', '--', '—', '——', '–', '无', '空', '暂无', 'n/a', '#n/a']);

/** The text of a cell as compared: normalized (简体, half-width), whitespace collapsed. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return normalizeForMatch(String(v)).trim();
}

/** The text of a cell as the clerk wrote it (for storage): trimmed, whitespace collapsed, not converted. */
export function cellRaw(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return cellText(v);
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : String(v);
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export const isEmptyCell = (v: CellValue) => EMPTY.has(cellText(v).toLowerCase());

// ── Dates ───────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Excel's serial day number (1900 date system; serial 60 is Excel's non-existent 1900-02-29). */
function fromSerial(serial: number): DateString | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60) return null;
  const days = whole > 60 ? whole - 1 : whole;
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s*[t ]?\s*\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}秒?)?分?)?$/i;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})[日号]$/;

/** Years a ledger date may fall in; a date outside is a typing error (20250 → 2025?). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const dateError = (shown: string) => ({ error: `无法识别的日期“${shown}”，请写成 2025-03-04、2025/3/4 或 2025年3月4日，或把单元格设为日期格式` });

/**
 * A date cell: an Excel date (exceljs gives a Date at UTC midnight), an Excel serial number in a
 * cell formatted as a number, or text such as 2025-03-04, 2025/3/4, 2025.3.4, 2025年3月4日,
 * 20250304, 二〇二五年三月四日 (a time of day after the date is ignored).
 */
export function readDate(v: CellValue): Reading<DateString> {
  if (isEmptyCell(v)) return null;
  let out: string | null = null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return dateError(String(v));
    // exceljs reads dates as UTC; a time of day of 23:59:59.5 rounds to the next day
    const t = new Date(Math.round(v.getTime() / 1000) * 1000);
    out = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  } else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) out = ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    else if (v > 0 && v < 2958466) out = fromSerial(v);
  } else {
    const s = cellText(v).replace(/\s+/g, ' ');
    const m = DATE_TEXT.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) out = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    const c = CHINESE_DATE.exec(s.replace(/\s+/g, ''));
    if (c) {
      const [y, mo, d] = [parseChineseNumeral(c[1]!), parseChineseNumeral(c[2]!), parseChineseNumeral(c[3]!)];
      if (y !== null && mo !== null && d !== null) out = ymd(y, mo, d);
    }
  }
  if (out === null || !isValidDate(out)) return dateError(cellRaw(v));
  const year = Number(out.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `日期“${out}”的年份不在 ${MIN_YEAR}—${MAX_YEAR} 年之间，请核对` };
  return out;
}

// ── Numbers ─────────────────────────────────────────────────────────────────

/** A number cell; units such as 元, 页, 件, 天, 个工作日 after the number are allowed. */
export function readNumber(v: CellValue): Reading<number> {
  if (isEmptyCell(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '不是有效的数字' };
  const s = cellText(v).replace(/\s+/g, '').replace(/(?:人民币|￥|¥)/g, '').replace(/(?:元|页|件|天|个工作日|工作日|日)$/, '');
  if (/^\d+(?:\.\d+)?$/.test(s.replace(/,/g, ''))) return Number(s.replace(/,/g, ''));
  const chinese = parseChineseNumeral(s);
  if (chinese !== null) return chinese;
  return { error: `“${cellRaw(v)}”不是数字` };
}

// ── Words ───────────────────────────────────────────────────────────────────

/** Compared form of a word: normalized, without spaces and punctuation. */
export const wordKey = (s: string) => normalizeForMatch(s).replace(/[^\p{Script=Han}a-zA-Z0-9]/gu, '').toLowerCase();

function lookup<T>(table: Record<string, readonly string[]>, map: (key: string) => T) {
  const index = new Map<string, T>();
  for (const [key, words] of Object.entries(table)) for (const w of words) index.set(wordKey(w), map(key));
  return (v: CellValue): T | null | undefined => {
    if (isEmptyCell(v)) return null;
    return index.get(wordKey(cellText(v)));
  };
}

const APPLICANT_TYPE_WORDS: Record<ApplicantColumn, readonly string[]> = {
  natural: ['自然人', '个人', '公民', '自然人申请', '居民', '群众', '个体'],
  business: ['商业企业', '企业', '公司', '企业法人', '商业机构', '法人或其他组织商业企业', '法人商业企业'],
  research: ['科研机构', '科研院所', '科研单位', '研究机构', '法人或其他组织科研机构', '法人科研机构'],
  public_welfare: ['社会公益组织', '公益组织', '社会公益机构', '公益机构', '法人或其他组织社会公益组织', '法人社会公益组织'],
  legal_service: ['法律服务机构', '律师事务所', '律所', '法律服务所', '法律服务组织', '法人或其他组织法律服务机构', '法人法律服务机构'],
  other: ['其他', '其他组织', '其他法人或其他组织', '法人或其他组织其他', '其它', '其他单位'],
};
const applicantTypeOf = lookup(APPLICANT_TYPE_WORDS, (k) => k as ApplicantColumn);
const ORG_ONLY = new Set(['法人或其他组织', '法人', '法人或者其他组织', '组织', '单位', '法人和其他组织'].map(wordKey));

/** 申请人类型 → the column of table 3 (国办公开办函〔2021〕30号 申请人情况). */
export function readApplicantType(v: CellValue): Reading<ApplicantColumn> {
  const found = applicantTypeOf(v);
  if (found !== undefined) return found;
  const shown = cellRaw(v);
  if (ORG_ONLY.has(wordKey(cellText(v)))) {
    return { error: `“${shown}”不够具体，请写明商业企业、科研机构、社会公益组织、法律服务机构或其他（年度报告表三分列统计）` };
  }
  return { error: `无法识别“${shown}”，应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他` };
}

const CHANNEL_WORDS: Record<SubmissionChannel, readonly string[]> = {
  in_person: ['当面', '当面提交', '当面申请', '现场', '现场提交', '现场申请', '窗口', '窗口提交', '来访', '到场', '书面当面'],
  oral: ['口头', '口头提出', '口头申请', '代为填写'],
  post_signed: ['邮寄', '信函', '邮寄信函', '挂号信', 'ems', '快递', '邮政', '邮寄需签收', '邮寄提交', '信函邮寄', '邮件邮寄', '邮寄申请'],
  ordinary_letter: ['平常信函', '平信', '普通信函', '无需签收'],
  online: ['网上', '网上申请', '在线', '在线申请', '互联网', '网络', '网站', '网上提交', '在线提交', '政府网站', '门户网站', '互联网在线提交', '电子邮件', '电子邮箱', '邮箱', 'email', '网申', '政务服务网', '网上平台'],
  fax: ['传真', '传真提交'],
};
const channelOf = lookup(CHANNEL_WORDS, (k) => k as SubmissionChannel);

/** 申请方式 → the channel of 条例第三十一条 (邮寄 = 需签收; 电子邮件 = 互联网渠道). */
export function readChannel(v: CellValue): Reading<SubmissionChannel> {
  const found = channelOf(v);
  if (found !== undefined) return found;
  return { error: `无法识别“${cellRaw(v)}”，应为当面、口头、邮寄、平常信函、网上（含电子邮件）或传真` };
}

const formOf = lookup({ paper: ['纸质', '纸质文本', '纸质版', '纸本', '书面', '复印件'], electronic: ['电子', '电子文本', '电子版', '电子文档', '电子数据'] }, (k) => k as FormWanted);
export function readForm(v: CellValue): Reading<FormWanted> {
  const found = formOf(v);
  return found !== undefined ? found : { error: `无法识别“${cellRaw(v)}”，应为纸质或电子` };
}

const deliveryOf = lookup(
  { post: ['邮寄', '邮政', '快递', 'ems', '挂号信'], email: ['电子邮件', '电子邮箱', '邮箱', 'email'], collect: ['当面领取', '自行领取', '现场领取', '领取', '自取', '当面'], online: ['网上获取', '在线获取', '网上', '在线', '网上下载', '平台下载'] },
  (k) => k as Delivery,
);
export function readDelivery(v: CellValue): Reading<Delivery> {
  const found = deliveryOf(v);
  return found !== undefined ? found : { error: `无法识别“${cellRaw(v)}”，应为邮寄、电子邮件、当面领取或网上获取` };
}

const feeBasisOf = lookup({ by_count: ['按件计收', '按件', '按件收费', '件'], by_pages: ['按量计收', '按量', '按页', '按页计收', '按量收费', '页'] }, (k) => k as FeeBasis);
export function readFeeBasis(v: CellValue): Reading<FeeBasis> {
  const found = feeBasisOf(v);
  return found !== undefined ? found : { error: `无法识别“${cellRaw(v)}”，应为按件计收或按量计收` };
}

const yesNoOf = lookup({ yes: ['是', '有', '已延期', '延期', 'y', 'yes', '√', '✓'], no: ['否', '没有', '未延期', '不延期', 'n', 'no', '×'] }, (k) => k === 'yes');
export function readYesNo(v: CellValue): Reading<boolean> {
  const found = yesNoOf(v);
  return found !== undefined ? found : { error: `无法识别“${cellRaw(v)}”，应为是或否` };
}

// ── 处理结果 → the outcome of table 3 ───────────────────────────────────────

/** What a ledger's 处理结果 means for the case: a reply with its table-3 row, or how it otherwise ended. */
export type LedgerEnding =
  | { kind: 'reply'; outcome: Exclude<Outcome, 'other.noCorrection' | 'other.feeNotPaid'> }
  | { kind: 'abandon' } // （六）1 逾期不补正
  | { kind: 'unpaid' } // （六）2 逾期未缴费
  | { kind: 'withdraw' }; // 申请人撤回 → （六）3 其他

const endingOf = (key: Outcome): LedgerEnding =>
  key === 'other.noCorrection' ? { kind: 'abandon' } : key === 'other.feeNotPaid' ? { kind: 'unpaid' } : { kind: 'reply', outcome: key };

/**
 * A 处理结果 as compared: normalized, numbering removed wherever it stands ((三), 三、, 1., 1、),
 * punctuation and remaining digits removed: “（三）不予公开 1.属于国家秘密” → “不予公开属于国家秘密”.
 */
export function outcomeKey(text: string): string {
  return normalizeForMatch(text)
    .replace(/\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)/g, '')
    .replace(/[一二三四五六七八九十]{1,3}、/g, '')
    .replace(/\d{1,2}\s*[.、．]/g, '')
    .replace(/[^\p{Script=Han}a-zA-Z]/gu, '')
    .replace(/其它/g, '其他');
}

/** Short forms clerks write, beside the printed labels of table 3. */
const SHORT_FORMS: Partial<Record<Outcome, readonly string[]>> = {
  granted: ['予以公开', '公开', '同意公开', '全部公开', '已公开', '予以提供', '提供', '已提供', '全部提供'],
  partiallyGranted: ['部分公开', '部分予以公开', '部分提供', '区分处理', '部分公开部分不公开'],
  'withheld.stateSecret': ['国家秘密', '涉密', '涉及国家秘密'],
  'withheld.prohibitedByLaw': ['法律行政法规禁止公开', '其他法律行政法规禁止公开的', '法律法规禁止公开'],
  'withheld.securityStability': ['三安全一稳定', '危及三安全一稳定', '危及国家安全公共安全经济安全社会稳定'],
  'withheld.thirdPartyRights': ['第三方合法权益', '保护第三方合法权益', '涉及第三方合法权益', '商业秘密', '涉及商业秘密', '个人隐私', '涉及个人隐私', '商业秘密个人隐私'],
  'withheld.internalAffairs': ['内部事务信息', '三类内部事务信息', '内部事务', '内部管理信息'],
  'withheld.processInformation': ['过程性信息', '四类过程性信息'],
  'withheld.enforcementFiles': ['行政执法案卷', '执法案卷', '行政执法案卷信息'],
  'withheld.inquiryMatters': ['行政查询事项', '查询事项'],
  'unavailable.notHeld': ['本机关不掌握相关政府信息', '本机关不掌握', '不掌握', '信息不存在', '政府信息不存在', '不存在', '非本机关掌握', '非本机关政府信息', '不属于本机关', '不属于本机关公开', '不属于本机关掌握'],
  'unavailable.needsCreation': ['需要另行制作', '需另行制作', '没有现成信息', '需要加工分析', '需加工分析', '需要加工'],
  'unavailable.unclearAfterCorrection': ['补正后申请内容仍不明确', '补正后仍不明确', '申请内容不明确'],
  'notProcessed.petitionComplaint': ['信访举报投诉类申请', '信访投诉举报类申请', '信访', '信访举报投诉', '信访投诉举报', '投诉举报', '举报投诉'],
  'notProcessed.repeated': ['重复申请'],
  'notProcessed.publication': ['公开出版物', '要求提供公开出版物'],
  'notProcessed.massRepeated': ['大量反复申请', '无正当理由大量反复申请'],
  'notProcessed.confirmation': ['要求确认或重新出具已获取信息', '确认或重新出具已获取信息', '要求确认或重新出具', '重新出具'],
  'other.noCorrection': ['逾期不补正', '逾期未补正', '视为放弃', '视为放弃申请', '逾期不补正视为放弃', '申请人逾期不补正'],
  'other.feeNotPaid': ['逾期未缴费', '逾期未缴纳费用', '逾期不缴费', '未缴费', '逾期未缴纳信息处理费'],
  'other.other': ['其他处理其他'],
};

const WITHDRAW_FORMS = ['撤回', '申请人撤回', '撤回申请', '主动撤回', '已撤回', '申请人撤回申请', '申请人主动撤回', '其他处理撤回', '其他撤回', '撤销申请'];

/** The group labels alone: they name several rows, so they are refused. */
const GROUP_ONLY: Record<string, string> = {
  [outcomeKey('不予公开')]: '不予公开',
  [outcomeKey('无法提供')]: '无法提供',
  [outcomeKey('不予处理')]: '不予处理',
  [outcomeKey('其他处理')]: '其他处理',
};

const GROUP_WORDS: Record<string, readonly string[]> = {
  withheld: ['不予公开'],
  unavailable: ['无法提供', '不能提供'],
  notProcessed: ['不予处理', '不作处理'],
  other: ['其他处理'],
};

const OUTCOME_INDEX = new Map<string, LedgerEnding>();
/** 不予公开3, （三）3 …: a group with the number of its row. */
const NUMBERED = new Map<string, Outcome>();
{
  const add = (text: string, ending: LedgerEnding) => {
    const key = outcomeKey(text);
    const known = OUTCOME_INDEX.get(key);
    if (known && JSON.stringify(known) !== JSON.stringify(ending)) throw new Error(`处理结果“${text}”有两种含义`);
    OUTCOME_INDEX.set(key, ending);
  };
  for (const row of table3OutcomeRows('2021')) {
    const key = row.key as Outcome;
    const ending = endingOf(key);
    const info = OUTCOMES[key];
    add(info.label, ending); // （三）不予公开 1.属于国家秘密
    add(row.label, ending); // 1.属于国家秘密; （一）予以公开
    for (const short of SHORT_FORMS[key] ?? []) add(short, ending);
    if (row.group) {
      const n = /^(\d+)/.exec(row.label)?.[1];
      for (const g of [row.group.label, ...(GROUP_WORDS[row.group.key] ?? [])]) {
        add(`${g}${row.label}`, ending);
        for (const short of SHORT_FORMS[key] ?? []) add(`${g}${short}`, ending);
        if (n) NUMBERED.set(`${outcomeKey(g)}${n}`, key);
      }
      if (n) NUMBERED.set(`${TABLE3_GROUPS[row.group.key].label.slice(1, 2)}${n}`, key); // 三1: （三）1
    }
  }
  for (const w of WITHDRAW_FORMS) add(w, { kind: 'withdraw' });
}

/**
 * 处理结果 → how the case ended: exactly one table-3 row (the printed label, with or without its
 * group and numbering, or a common short form), or 撤回. Anything else is an error, never a guess.
 */
export function readOutcome(v: CellValue): Reading<LedgerEnding> {
  if (isEmptyCell(v)) return null;
  const text = cellText(v);
  const key = outcomeKey(text);
  const found = OUTCOME_INDEX.get(key);
  if (found) return found;
  // “不予公开 3”, “（三）3”, “不予公开第3项”: a group and the number of its row
  const numbered = normalizeForMatch(text).replace(/[^\p{Script=Han}0-9]/gu, '').replace(/^第?([一二三四五六])(?=\d)/, '$1').replace(/第(\d+)项?$/, '$1').replace(/项$/, '');
  const byNumber = NUMBERED.get(numbered);
  if (byNumber) return endingOf(byNumber);
  const shown = cellRaw(v);
  const n = /(\d+)$/.exec(numbered)?.[1];
  if (GROUP_ONLY[key] && n) return { error: `无法识别“${shown}”：年度报告表三的“${GROUP_ONLY[key]}”没有第 ${n} 项` };
  if (GROUP_ONLY[key]) {
    return { error: `“${shown}”不够具体：年度报告表三的“${GROUP_ONLY[key]}”分为几种情形，请写明是哪一种，如“${GROUP_ONLY[key]}-${exampleOf(GROUP_ONLY[key]!)}”` };
  }
  return { error: `无法识别“${shown}”，请填写年度报告表三的办理结果（如予以公开、部分公开、不予公开-属于国家秘密、无法提供-本机关不掌握相关政府信息、不予处理-重复申请、逾期不补正、撤回，见模板说明）` };
}

function exampleOf(group: string): string {
  const row = table3OutcomeRows('2021').find((r) => r.group && r.group.label.endsWith(group));
  return row ? row.label.replace(/^\d+\./, '') : '';
}

/** Every accepted form, for the template's drop-down list and the documentation. */
export function outcomeChoices(): { label: string; ending: LedgerEnding }[] {
  const rows = table3OutcomeRows('2021').map((r) => {
    const key = r.key as Outcome;
    const group = r.group ? `${r.group.label.replace(/^（.）/, '')}-` : '';
    const label = key === 'partiallyGranted' ? '部分公开' : `${group}${r.label.replace(/^（.）|^\d+\./, '')}`;
    return { label, ending: endingOf(key) };
  });
  return [...rows, { label: '撤回', ending: { kind: 'withdraw' } }];
}
