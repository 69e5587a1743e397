// Import of the canonical JSON: unknown input → AnnualReport, or the list of
// what is wrong, in Chinese, each naming the key path and the expected shape,
// e.g. `table3.granted：应为 7 个数字的数组（自然人…总计），实际为 5 个`.
import type { z } from 'zod';
import {
  REPORT_FORMATS,
  TABLE3_COLUMNS,
  TABLE3_FORMAT_ONLY_KEYS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  type ReportFormat,
} from './layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport, type CanonicalNarrative } from './report.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR, UNION_FORMATS, annualReportSchema } from './schema.ts';

/** A parsed report; its `narrative`, when the JSON has one, comes apart from the tables. */
export type ParseResult = { ok: true; report: AnnualReport; narrative: CanonicalNarrative | null } | { ok: false; errors: string[] };

/** Thrown by readReport when the input is not a valid report; message lists the problems. */
export class InvalidReportError extends Error {
  constructor(readonly errors: string[]) {
    super(`不是有效的年度报告数据：\n${errors.join('\n')}`);
    this.name = 'InvalidReportError';
  }
}

/** Parses an already decoded value. */
export function parseReport(input: unknown): ParseResult {
  const result = annualReportSchema.safeParse(input);
  if (result.success) {
    const { narrative, ...report } = result.data;
    return { ok: true, report, narrative: narrative ?? null };
  }
  const declared = declaredFormat(input);
  const errors = result.error.issues.flatMap((issue) => describeIssue(issue, [], input, declared));
  return { ok: false, errors: [...new Set(errors)] };
}

/** Parses the text of a canonical JSON file. */
export function parseReportJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`不是有效的 JSON：${(e as Error).message}`] };
  }
  return parseReport(value);
}

/** Like parseReportJson, but throws InvalidReportError. */
export function readReport(text: string): AnnualReport {
  const r = parseReportJson(text);
  if (!r.ok) throw new InvalidReportError(r.errors);
  return r.report;
}

// ── Chinese descriptions of schema issues ──────────────────────────────────

type Path = readonly PropertyKey[];
const MISSING = Symbol('missing');

function declaredFormat(input: unknown): ReportFormat | null {
  const f = isObject(input) ? input['format'] : undefined;
  return REPORT_FORMATS.includes(f as ReportFormat) ? (f as ReportFormat) : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !(String(k) in v)) return MISSING;
    v = (v as Record<string, unknown>)[String(k)];
  }
  return v;
}

/** table3.granted[2] — dotted flat keys stay as they are. */
export function formatPath(path: Path): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '（整个文件）';
}

function describeIssue(
  issue: z.core.$ZodIssue,
  prefix: Path,
  root: unknown,
  declared: ReportFormat | null,
): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    // One table in the shape of neither format: explain it against the format
    // whose keys it uses (no unknown keys), else against the declared format.
    const branches = issue.errors.map((errs, i) => ({
      errs,
      format: UNION_FORMATS[i],
      foreignKeys: errs.some((e) => e.code === 'unrecognized_keys'),
    }));
    const preferred = declared ?? '2021';
    branches.sort(
      (a, b) =>
        Number(a.foreignKeys) - Number(b.foreignKeys) ||
        Number(b.format === preferred) - Number(a.format === preferred),
    );
    const best = branches[0];
    if (!best) return [`${formatPath(path)}：格式不对`];
    return best.errs.flatMap((e) => describeIssue(e, path, root, best.format ?? declared));
  }
  const at = formatPath(path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${at}：不应有键 “${key}”${unknownKeyHint(path, key, declared)}`);
  }
  const actual = valueAt(root, path);
  if (actual === MISSING) return [`${at}：缺少该键，${expected(path, declared)}`];
  return [`${at}：${expected(path, declared)}，${describeActual(actual, issue)}`];
}

function unknownKeyHint(path: Path, key: string, format: ReportFormat | null): string {
  if (path.length === 1 && path[0] === 'table3') {
    for (const f of REPORT_FORMATS) {
      if (f !== format && TABLE3_FORMAT_ONLY_KEYS[f].includes(key)) {
        return `（这是 ${f} 格式的行；一张表只能用一种格式）`;
      }
    }
  }
  return '（canonical JSON 的键是固定的，见 spec/annual-report-json.md）';
}

function describeActual(v: unknown, issue: z.core.$ZodIssue): string {
  if (Array.isArray(v)) {
    return issue.code === 'too_small' || issue.code === 'too_big' ? `实际为 ${v.length} 个` : `实际为数组`;
  }
  if (v === null) return '实际为 null';
  if (typeof v === 'string') return `实际为字符串 “${v.length > 40 ? v.slice(0, 40) + '…' : v}”`;
  if (typeof v === 'number') return `实际为 ${v}`;
  if (typeof v === 'boolean') return `实际为 ${v}`;
  return '实际为对象';
}

const range = (labels: readonly string[]) => `${labels[0]}…${labels.at(-1)}`;

/** What the key at `path` must hold, in Chinese. */
function expected(path: Path, format: ReportFormat | null): string {
  const [top, sub, leaf] = path;
  const f = format ?? '2021';
  switch (top) {
    case undefined:
      return '应为一个年度报告对象（见 spec/annual-report-json.md）';
    case 'schema':
      return `应为 “${REPORT_SCHEMA_ID}”`;
    case 'format':
      return '应为 “2019”（国办公开办函〔2019〕60号格式）或 “2021”（国办公开办函〔2021〕30号格式）';
    case 'agency':
      return '应为机关名称（非空字符串）或 null';
    case 'year':
      return `应为 ${MIN_REPORT_YEAR} 至 ${MAX_REPORT_YEAR} 之间的整数（报告所涵盖的年度）`;
    case 'table2': {
      if (sub === undefined) return `应为对象（表二，${f} 格式）或 null（报告没有此表）`;
      const section = table2Layout(f).find((s) => s.rows.some((r) => r.key === sub));
      const label = section?.rows.find((r) => r.key === sub)?.label ?? String(sub);
      if (!section) return '应为表二的一行';
      if (leaf === undefined) {
        const cols = section.columns.map((c) => `${c.key}（${c.label}）`).join('、');
        return `应为对象（“${label}”行），含 ${cols}`;
      }
      const col = section.columns.find((c) => c.key === leaf);
      return col?.kind === 'text'
        ? `应为字符串（“${col.label}”，照原文）或 null`
        : `应为数字或 null（“${label}”行“${col?.label ?? String(leaf)}”）`;
    }
    case 'table3':
      if (sub === undefined) return '应为对象（表三）或 null（报告没有此表）';
      if (leaf === undefined) return `应为 ${TABLE3_COLUMNS.length} 个数字的数组（${range(TABLE3_COLUMNS)}）`;
      return `应为数字或 null（“${TABLE3_COLUMNS[Number(leaf)] ?? String(leaf)}”列）`;
    case 'table4':
      if (sub === undefined) {
        return `应为对象（表四），含 ${TABLE4_GROUPS.map((g) => `${g.key}（${g.label}）`).join('、')}，或 null`;
      }
      if (leaf === undefined) return `应为 ${TABLE4_COLUMNS.length} 个数字的数组（${range(TABLE4_COLUMNS)}）`;
      return `应为数字或 null（“${TABLE4_COLUMNS[Number(leaf)] ?? String(leaf)}”列）`;
    default:
      return '格式不对';
  }
}
