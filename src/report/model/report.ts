// The annual report as data: the canonical JSON of the specification (docs/annual-report-json.md)
// (schema "gongkai.annual-report/1") as TypeScript types.
import type { ReportFormat } from './layout.ts';

export const REPORT_SCHEMA_ID = 'gongkai.annual-report/1';

/**
 * A number printed in a cell (amounts may be decimals); a cell printed empty,
 * `/`, `-`, `—` or `无` is 0; a cell that cannot be read as a number is null.
 */
export type Cell = number | null;

// ── Table 2 ──────────────────────────────────────────────────────────────

/** 2021 第二十条第（一）项: 本年制发件数, 本年废止件数, 现行有效件数 */
export interface DocumentCounts2021 {
  issued: Cell;
  abolished: Cell;
  inForce: Cell;
}
/** 2021 第二十条第（五）（六）项: 本年处理决定数量 */
export interface Decisions2021 {
  decisions: Cell;
}
export interface Table2_2021 {
  regulations: DocumentCounts2021;
  normativeDocuments: DocumentCounts2021;
  licensing: Decisions2021;
  penalty: Decisions2021;
  coercion: Decisions2021;
  /** 本年收费金额（单位：万元）, may be a decimal */
  fees: { amountWanYuan: Cell };
}

/** 2019 第二十条第（一）项: 本年新制作数量, 本年新公开数量, 对外公开总数量 */
export interface DocumentCounts2019 {
  newlyMade: Cell;
  newlyPublished: Cell;
  totalPublished: Cell;
}
/** 2019 第二十条第（五）（六）项: 上一年项目数量, 本年增/减 (signed), 处理决定数量 */
export interface ItemCounts2019 {
  previousCount: Cell;
  change: Cell;
  decisions: Cell;
}
export interface Table2_2019 {
  regulations: DocumentCounts2019;
  normativeDocuments: DocumentCounts2019;
  licensing: ItemCounts2019;
  otherServices: ItemCounts2019;
  penalty: ItemCounts2019;
  coercion: ItemCounts2019;
  fees: { previousCount: Cell; change: Cell };
  /** 政府集中采购: 采购项目数量; 采购总金额 as printed (e.g. "251000元"), null if unreadable */
  procurement: { projects: Cell; amount: string | null };
}

export type Table2 = Table2_2021 | Table2_2019;

// ── Table 3 ──────────────────────────────────────────────────────────────

/** One row of table 3: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计] */
export type Table3Line = [Cell, Cell, Cell, Cell, Cell, Cell, Cell];

export interface Table3Common {
  newReceived: Table3Line;
  carriedOver: Table3Line;
  granted: Table3Line;
  partiallyGranted: Table3Line;
  'withheld.stateSecret': Table3Line;
  'withheld.prohibitedByLaw': Table3Line;
  'withheld.securityStability': Table3Line;
  'withheld.thirdPartyRights': Table3Line;
  'withheld.internalAffairs': Table3Line;
  'withheld.processInformation': Table3Line;
  'withheld.enforcementFiles': Table3Line;
  'withheld.inquiryMatters': Table3Line;
  'unavailable.notHeld': Table3Line;
  'unavailable.needsCreation': Table3Line;
  'unavailable.unclearAfterCorrection': Table3Line;
  'notProcessed.petitionComplaint': Table3Line;
  'notProcessed.repeated': Table3Line;
  'notProcessed.publication': Table3Line;
  'notProcessed.massRepeated': Table3Line;
  'notProcessed.confirmation': Table3Line;
  total: Table3Line;
  carriedForward: Table3Line;
}
/** 2021: （六）其他处理 has three sub-rows. */
export interface Table3_2021 extends Table3Common {
  'other.noCorrection': Table3Line;
  'other.feeNotPaid': Table3Line;
  'other.other': Table3Line;
}
/** 2019: （六）其他处理 is one row. */
export interface Table3_2019 extends Table3Common {
  other: Table3Line;
}
export type Table3 = Table3_2021 | Table3_2019;

// ── Table 4 ──────────────────────────────────────────────────────────────

/** One group of table 4: [结果维持, 结果纠正, 其他结果, 尚未审结, 总计] */
export type Table4Line = [Cell, Cell, Cell, Cell, Cell];
export interface Table4 {
  /** 行政复议 */
  review: Table4Line;
  /** 行政诉讼 · 未经复议直接起诉 */
  litigationDirect: Table4Line;
  /** 行政诉讼 · 复议后起诉 */
  litigationAfterReview: Table4Line;
}

// ── The narrative ────────────────────────────────────────────────────────

/** The optional `narrative` of the canonical JSON: sections 一、五、六 as plain text (paragraphs by "\n"). */
export interface CanonicalNarrative {
  /** 一、总体情况 */
  overview: string | null;
  /** 五、存在的主要问题及改进情况 */
  problems: string | null;
  /** 六、其他需要报告的事项 */
  other: string | null;
}
/** Which section of the printed report each key of `narrative` is. */
export const CANONICAL_NARRATIVE_SECTIONS = { overview: '一', problems: '五', other: '六' } as const;

/** The canonical narrative as text by section numeral (what the validator and renderers read). */
export function narrativeBySection(n: CanonicalNarrative): Partial<Record<'一' | '五' | '六', string>> {
  const out: Partial<Record<'一' | '五' | '六', string>> = {};
  for (const [key, section] of Object.entries(CANONICAL_NARRATIVE_SECTIONS)) {
    const text = n[key as keyof CanonicalNarrative];
    if (text !== null) out[section] = text;
  }
  return out;
}

/** Sections 一、五、六 of a narrative by numeral as the canonical object (a missing section is null); null without any. */
export function canonicalNarrative(bySection: Partial<Record<string, string>>): CanonicalNarrative | null {
  const text = (k: string) => (bySection[k]?.trim() ? bySection[k]! : null);
  const n = { overview: text('一'), problems: text('五'), other: text('六') };
  return n.overview ?? n.problems ?? n.other ? n : null;
}

// ── The report ───────────────────────────────────────────────────────────

/**
 * A report as imported: the tables have the shape of one of the two formats,
 * which normally (but not necessarily, see rule layout.format-mismatch) is the
 * declared `format`. A table the report does not contain is null.
 */
export interface AnnualReport {
  schema: typeof REPORT_SCHEMA_ID;
  format: ReportFormat;
  /** as printed; null where the report does not say */
  agency: string | null;
  /** the year the report covers, not the year it was published */
  year: number;
  table2: Table2 | null;
  table3: Table3 | null;
  table4: Table4 | null;
}

/** A report whose tables all have the shape of its declared format 2021. */
export interface AnnualReport2021 extends AnnualReport {
  format: '2021';
  table2: Table2_2021 | null;
  table3: Table3_2021 | null;
}
/** A report whose tables all have the shape of its declared format 2019. */
export interface AnnualReport2019 extends AnnualReport {
  format: '2019';
  table2: Table2_2019 | null;
  table3: Table3_2019 | null;
}

/** The format whose shape a table 2 has. */
export function table2Shape(t: Table2): ReportFormat {
  return 'procurement' in t ? '2019' : '2021';
}
/** The format whose shape a table 3 has. */
export function table3Shape(t: Table3): ReportFormat {
  return 'other' in t ? '2019' : '2021';
}
export function isTable2_2021(t: Table2): t is Table2_2021 {
  return table2Shape(t) === '2021';
}
export function isTable3_2021(t: Table3): t is Table3_2021 {
  return table3Shape(t) === '2021';
}

/** True when every table present has the shape of the declared format (renderers need this). */
export function hasConsistentLayout(r: AnnualReport): r is AnnualReport2021 | AnnualReport2019 {
  return (
    (r.table2 === null || table2Shape(r.table2) === r.format) &&
    (r.table3 === null || table3Shape(r.table3) === r.format)
  );
}
