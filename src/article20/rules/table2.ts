// Table 2 第二十条第（五）（六）（八）（九）项 of a year from the Article 20 ledgers (条例第二十条第五、
// 六、八、九项; 国办公开办函〔2021〕30号 表二 and 〔2019〕60号 表二). The rules, argued in
// docs/article20-table2.md:
//   · a decision counts in the calendar year of its 决定日期;
//   · per category and year, the decisions come EITHER from imported decisions (one row per 文书号)
//     OR from counts entered by hand (the sum of whole-year, monthly or quarterly counts): when a year
//     has any imported decision of a category, that category's hand counts of the year are not added
//     (they would count the same decisions twice) and are reported as not counted;
//   · only confirmed (已确认) entries count; entered (录入) ones are reported as excluded;
//   · no entry for a category in a year → 0 (the ledgers are the source of truth);
//   · fees: the sum of the year's confirmed fee entries in 分, shown in 万元 exactly;
//   · 2019: 上一年项目数量 and 本年增/减 (signed) per item row, as entered and confirmed; 政府集中采购
//     项目数量 and 采购总金额 (printed in 元, since the form states no unit).
import type { Table2_2019, Table2_2021 } from '../../report/model/report.ts';
import type { CountCategory, DecisionCategory, EntryStatus, ItemKind } from '../model.ts';
import { fenToYuan, sumFen, wanYuanCell, type Fen } from '../../core/money.ts';

export interface CountedDecision {
  category: DecisionCategory;
  decidedOn: string;
  status: EntryStatus;
}
export interface CountedPeriodCount {
  category: CountCategory;
  year: number;
  count: number;
  status: EntryStatus;
}
export interface CountedFee {
  year: number;
  amountFen: Fen | number;
  status: EntryStatus;
}
export interface CountedItem {
  year: number;
  item: ItemKind;
  previousCount: number;
  change: number;
  status: EntryStatus;
}
export interface CountedProcurement {
  year: number;
  projects: number;
  amountFen: Fen | number;
  status: EntryStatus;
}

export interface Ledgers {
  decisions: readonly CountedDecision[];
  counts: readonly CountedPeriodCount[];
  fees: readonly CountedFee[];
  items: readonly CountedItem[];
  procurement: readonly CountedProcurement[];
}

/** How the decisions of one category and year were counted, for the cell's source description. */
export interface DecisionTally {
  category: CountCategory;
  /** Where the number comes from: imported decisions, hand counts, or nothing entered. */
  source: 'decisions' | 'counts' | 'none';
  counted: number;
  /** Entries of the chosen source not yet confirmed (录入): not counted. */
  unconfirmed: number;
  /** Confirmed hand counts of the year not added because the year has imported decisions. */
  ignoredHandCount: number;
}

export interface FeeTally {
  fen: Fen;
  entries: number;
  unconfirmed: number;
}

/** The calendar year a decision counts in: the year of its 决定日期 (YYYY-MM-DD). */
export const decisionYear = (decidedOn: string): number => Number(decidedOn.slice(0, 4));

/** Confirmed decisions of `category` decided in `year` (1 January to 31 December inclusive). */
export function countDecisionsInYear(decisions: readonly CountedDecision[], category: DecisionCategory, year: number): number {
  return decisions.filter((d) => d.category === category && d.status === 'confirmed' && decisionYear(d.decidedOn) === year).length;
}

/** The number of decisions of a category in a year, and how it was reached. */
export function tallyDecisions(l: Pick<Ledgers, 'decisions' | 'counts'>, category: CountCategory, year: number): DecisionTally {
  const imported = l.decisions.filter((d) => d.category === category && decisionYear(d.decidedOn) === year);
  const hand = l.counts.filter((c) => c.category === category && c.year === year);
  const confirmedHand = hand.filter((c) => c.status === 'confirmed').reduce((s, c) => s + c.count, 0);
  if (imported.length > 0) {
    const counted = imported.filter((d) => d.status === 'confirmed').length;
    return { category, source: 'decisions', counted, unconfirmed: imported.length - counted, ignoredHandCount: confirmedHand };
  }
  if (hand.length > 0) {
    const unconfirmed = hand.filter((c) => c.status !== 'confirmed').reduce((s, c) => s + c.count, 0);
    return { category, source: 'counts', counted: confirmedHand, unconfirmed, ignoredHandCount: 0 };
  }
  return { category, source: 'none', counted: 0, unconfirmed: 0, ignoredHandCount: 0 };
}

export function tallyFees(fees: readonly CountedFee[], year: number): FeeTally {
  const ofYear = fees.filter((f) => f.year === year);
  const confirmed = ofYear.filter((f) => f.status === 'confirmed');
  return { fen: sumFen(confirmed.map((f) => BigInt(f.amountFen))), entries: confirmed.length, unconfirmed: ofYear.length - confirmed.length };
}

/** 2019: 上一年项目数量 and 本年增/减 (signed) of an item row; 0 and 0 when none is confirmed. */
export function itemCounts(items: readonly CountedItem[], item: ItemKind, year: number): { previousCount: number; change: number; entered: boolean; unconfirmed: boolean } {
  const found = items.find((i) => i.item === item && i.year === year);
  if (!found) return { previousCount: 0, change: 0, entered: false, unconfirmed: false };
  if (found.status !== 'confirmed') return { previousCount: 0, change: 0, entered: true, unconfirmed: true };
  return { previousCount: found.previousCount, change: found.change, entered: true, unconfirmed: false };
}

/** The number of items this year: 上一年项目数量 + 本年增/减 (a check shown beside the row). */
export const currentItemCount = (previousCount: number, change: number) => previousCount + change;

export type Table2Rows2021 = Pick<Table2_2021, 'licensing' | 'penalty' | 'coercion' | 'fees'>;
export type Table2Rows2019 = Pick<Table2_2019, 'licensing' | 'otherServices' | 'penalty' | 'coercion' | 'fees' | 'procurement'>;

/** The rows of table 2 this ledger owns, in the 2021 layout. */
export function table2Rows2021(l: Ledgers, year: number): Table2Rows2021 {
  const n = (c: CountCategory) => tallyDecisions(l, c, year).counted;
  return {
    licensing: { decisions: n('licensing') },
    penalty: { decisions: n('penalty') },
    coercion: { decisions: n('coercion') },
    fees: { amountWanYuan: wanYuanCell(tallyFees(l.fees, year).fen) },
  };
}

/** The confirmed 政府集中采购 of a year, or null. */
export function procurementOf(procurement: readonly CountedProcurement[], year: number): { projects: number; amountFen: Fen; unconfirmed: boolean } | null {
  const p = procurement.find((x) => x.year === year);
  if (!p) return null;
  if (p.status !== 'confirmed') return { projects: 0, amountFen: 0n, unconfirmed: true };
  return { projects: p.projects, amountFen: BigInt(p.amountFen), unconfirmed: false };
}

/** The rows of table 2 this ledger owns, in the 2019 layout. */
export function table2Rows2019(l: Ledgers, year: number): Table2Rows2019 {
  const row = (c: CountCategory) => {
    const i = itemCounts(l.items, c, year);
    return { previousCount: i.previousCount, change: i.change, decisions: tallyDecisions(l, c, year).counted };
  };
  const fees = itemCounts(l.items, 'fees', year);
  const p = procurementOf(l.procurement, year);
  return {
    licensing: row('licensing'),
    otherServices: row('other_services'),
    penalty: row('penalty'),
    coercion: row('coercion'),
    fees: { previousCount: fees.previousCount, change: fees.change },
    procurement: { projects: p?.projects ?? 0, amount: `${fenToYuan(p?.amountFen ?? 0n)}元` },
  };
}

export function table2Rows(l: Ledgers, year: number, format: '2021'): Table2Rows2021;
export function table2Rows(l: Ledgers, year: number, format: '2019'): Table2Rows2019;
export function table2Rows(l: Ledgers, year: number, format: '2019' | '2021'): Table2Rows2021 | Table2Rows2019;
export function table2Rows(l: Ledgers, year: number, format: '2019' | '2021'): Table2Rows2021 | Table2Rows2019 {
  return format === '2019' ? table2Rows2019(l, year) : table2Rows2021(l, year);
}
