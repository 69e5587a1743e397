// The confidentiality and personal-data check before review (条例第十四条 国家秘密不予公开；
// 第十五条 个人隐私不得公开；第十七条 公开前审查). “涉密不公开、公开不涉密”: every finding blocks
// submission until the text is fixed or a 保密审查员 acknowledges it with a reason.
//
// Pure functions over a text; positions are UTF-16 offsets into the text as given.
import { toSimplified } from '../search/text.ts';

export const DETECTORS = ['id_card', 'id_card_bad_check', 'bank_card', 'mobile', 'classification', 'internal', 'word', 'no_text'] as const;
export type Detector = (typeof DETECTORS)[number];

// “疑似”: the detectors only see a number's shape; a person decides whether it is one.
export const DETECTOR_LABELS: Record<Detector, string> = {
  id_card: '疑似身份证号码（校验位相符）',
  id_card_bad_check: '疑似身份证号码（校验位不符）',
  bank_card: '银行卡号',
  mobile: '手机号码',
  classification: '密级标志',
  internal: '内部资料标注',
  word: '敏感词',
  no_text: '附件未能读取文字',
};

export interface Finding {
  detector: Detector;
  /** The text as found (for acknowledgements: the same detector and text in a later save stays acknowledged). */
  match: string;
  start: number;
  end: number;
}

export interface FieldFinding extends Finding {
  /** Where: title, summary, body, or the attachment's file name. */
  field: string;
  before: string;
  after: string;
}

// Full-width digits and letters (０-９, Ｘ) are one UTF-16 unit like their ASCII forms: fold them
// so that offsets stay the same.
function foldWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const DIGIT = /[0-9]/;

/** GB 11643-1999: 17 digits weighted 2^(17-i) mod 11, the check character from 1,0,X,9…2. */
export function idCardChecksumOk(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Luhn (ISO/IEC 7812) check of a card number. */
export function luhnOk(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A match must not continue a longer number or code on either side. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  return !/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after);
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    yield m;
    if (m[0] === '') g.lastIndex++;
  }
}

/**
 * Province-level codes of GB/T 2260 (the first two digits of a 居民身份证号码), with 71 台湾,
 * 81 香港, 82 澳门 and 83 (居住证 of 台湾居民).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** A plausible region: a province-level code and not a province-level placeholder (xx0000). */
export function plausibleRegionCode(id: string): boolean {
  return PROVINCE_CODES.has(id.slice(0, 2)) && id.slice(2, 6) !== '0000';
}

/**
 * 18-digit 居民身份证号码 (条例第十五条: personal data whatever its check digit). With a real birth
 * date and the right check character it is `id_card`; with a wrong one (a typo, a number made up
 * for the text, or one mis-copied) it is still someone's number or close to it, so it is
 * `id_card_bad_check` — then the region code must be plausible too, so that serial numbers that
 * happen to hold a date are not flagged.
 */
function idCards(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of matches(/[1-9]\d{5}(?:18|19|20)\d{2}\d{4}\d{3}[\dXx]/, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end) || !validBirthDate(m[0].slice(6, 14))) continue;
    if (idCardChecksumOk(m[0])) out.push({ detector: 'id_card', match: m[0], start, end });
    else if (plausibleRegionCode(m[0])) out.push({ detector: 'id_card_bad_check', match: m[0], start, end });
  }
  return out;
}

/** Bank card numbers: 16–19 digits (groups of 4 may be separated by a space or hyphen) passing Luhn. */
function bankCards(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of matches(/[3-6]\d{3}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?/, text)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19) continue;
    if (!standsAlone(text, start, end) || !luhnOk(digits)) continue;
    out.push({ detector: 'bank_card', match: m[0], start, end });
  }
  return out;
}

/** 手机号码: 1[3-9] and 9 more digits, optionally +86/86 before and 3-4-4 separators. */
function mobiles(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of matches(/(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}/, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    // “1388-1234-5678”-like runs inside a longer grouped number are not phone numbers.
    if (/[ -]$/.test(text.slice(Math.max(0, start - 1), start)) && DIGIT.test(text[start - 2] ?? '')) continue;
    if (/^[ -]\d/.test(text.slice(end, end + 2))) continue;
    out.push({ detector: 'mobile', match: m[0], start, end });
  }
  return out;
}

// 密级标志 (《国家秘密标志》: 密级★保密期限, e.g. 秘密★1年, 机密★, 绝密★长期). Plain words in running text
// (商业秘密、国家秘密、保守工作秘密) are not markings; a marking is the level with ★, the level alone
// on a line, after 密级, or in brackets.
const LEVEL = '(?:绝\\s*密|机\\s*密|秘\\s*密|絕\\s*密|機\\s*密|祕\\s*密)';
const CLASSIFICATION_RES = [
  new RegExp(`${LEVEL}\\s*[★☆*＊]\\s*(?:[0-9０-９一二三四五六七八九十]+\\s*(?:年|个月|個月)|长期|長期)?`, 'g'),
  new RegExp(`(?<=^|\\n)[ \\t\\u3000]*${LEVEL}[ \\t\\u3000]*(?=$|\\n)`, 'g'),
  new RegExp(`密\\s*[级級]\\s*[:：]?\\s*${LEVEL}`, 'g'),
  new RegExp(`[【\\[（(〔]\\s*${LEVEL}\\s*[】\\]）)〕]`, 'g'),
];

function classifications(text: string): Finding[] {
  const out: Finding[] = [];
  for (const re of CLASSIFICATION_RES) {
    for (const m of matches(re, text)) {
      const trimmed = m[0].replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
      const start = m.index + m[0].indexOf(trimmed);
      out.push({ detector: 'classification', match: trimmed, start, end: start + trimmed.length });
    }
  }
  return out;
}

const INTERNAL_RE = /内\s*部\s*资\s*料|內\s*部\s*資\s*料|内\s*部\s*文\s*件|內\s*部\s*文\s*件|不\s*得\s*外\s*传|不\s*得\s*外\s*傳|内部使用|內部使用|仅供内部|僅供內部/g;

function internalMarks(text: string): Finding[] {
  return [...matches(INTERNAL_RE, text)].map((m) => ({ detector: 'internal' as const, match: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The text in simplified characters with the same length, so that offsets stay valid: converted whole
 * when that keeps the length (nearly always: 繁→简 is character for character), else one character at a time.
 */
function simplifiedSameLength(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  return [...text].map((c) => {
    const s = toSimplified(c);
    return s.length === c.length ? s : c;
  }).join('');
}

/** The configured word list: case-insensitive, and 繁體 spellings match (both sides compared in 简体). */
function words(text: string, list: readonly string[]): Finding[] {
  const wanted = list.map((raw) => simplifiedSameLength(raw.trim()).toLowerCase()).filter(Boolean);
  if (!wanted.length) return [];
  const out: Finding[] = [];
  const folded = simplifiedSameLength(text).toLowerCase();
  const lower = folded.length === text.length ? folded : text.toLowerCase();
  for (const w of new Set(wanted)) {
    for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + w.length)) {
      out.push({ detector: 'word', match: text.slice(i, i + w.length), start: i, end: i + w.length });
    }
  }
  return out;
}

/**
 * Every finding in a text, in order of position. Earlier detectors win where matches overlap
 * (an ID number is not also reported as a bank card or a phone number).
 */
export function detectFindings(input: string, opts: { words?: readonly string[] } = {}): Finding[] {
  const text = foldWidth(input);
  const taken: Finding[] = [];
  const overlaps = (f: Finding) => taken.some((t) => f.start < t.end && t.start < f.end);
  for (const found of [idCards(text), bankCards(text), mobiles(text), classifications(text), internalMarks(text), words(text, opts.words ?? [])]) {
    for (const f of found) if (!overlaps(f)) taken.push({ ...f, match: input.slice(f.start, f.end) });
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Findings with some text around them, for reviewers to judge in context. */
export function findingsInContext(field: string, text: string, opts: { words?: readonly string[]; radius?: number } = {}): FieldFinding[] {
  const r = opts.radius ?? 24;
  return detectFindings(text, opts).map((f) => ({
    ...f,
    field,
    before: text.slice(Math.max(0, f.start - r), f.start),
    after: text.slice(f.end, f.end + r),
  }));
}

/** The key an acknowledgement is stored under. */
export const findingKey = (f: Pick<Finding, 'detector' | 'match'>) => `${f.detector}\u0000${f.match}`;

/** Findings no 保密审查员 has acknowledged: these block submission and publication. */
export function openFindings<F extends Finding>(findings: readonly F[], acks: readonly { detector: string; matchText: string }[]): F[] {
  const acked = new Set(acks.map((a) => `${a.detector}\u0000${a.matchText}`));
  return findings.filter((f) => !acked.has(findingKey(f)));
}

/** Masks the middle of a personal number for lists and audit entries: 110105********1234. */
export function maskMatch(f: Pick<Finding, 'detector' | 'match'>): string {
  if (!['id_card', 'id_card_bad_check', 'bank_card', 'mobile'].includes(f.detector)) return f.match;
  const s = f.match;
  if (s.length <= 7) return s;
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Media types whose files carry a text layer: PDF, Word, Excel (images are never read: no OCR). */
const TEXT_MEDIA_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/**
 * 条例第十七条（公开前审查）: an attachment that should have text but gave none (a scanned PDF, a Word
 * file holding only pictures) cannot be checked by the detectors, so it is a finding of its own: a person
 * looks at it, and a 保密审查员 acknowledges it with a reason. It is never silently clean.
 */
export function unreadAttachmentFindings(attachments: readonly { fileName: string; mediaType: string; text: string }[]): FieldFinding[] {
  return attachments
    .filter((a) => TEXT_MEDIA_TYPES.has(a.mediaType) && !/[\p{L}\p{N}]/u.test(a.text))
    .map((a) => ({
      detector: 'no_text' as const,
      match: a.fileName,
      start: 0,
      end: 0,
      field: `附件“${a.fileName}”`,
      before: '',
      after: '：未能提取文字（可能是扫描件或图片），无法自动检查，请人工核对其中是否有涉密内容或个人信息',
    }));
}
