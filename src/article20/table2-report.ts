// The Article 20 ledgers' part of the annual report (report/assembly/part.ts): the rows of table 2
// 第二十条第（五）（六）（八）（九）项 of a year, each cell with a Chinese description of what was
// counted and a link to the console page that lists it, and the year's 行政事业性收费 in 元 for the
// narrative. Counting rules: rules/table2.ts and docs/article20-table2.md.
import type { Queryable } from '../core/db/database.ts';
import type { ReportFormat } from '../report/model/layout.ts';
import type { CellSource, ReportPart, ReportPartResult } from '../report/assembly/part.ts';
import { CATEGORY_LABELS, ITEM_LABELS, type CountCategory, type ItemKind } from './model.ts';
import { fenToWanYuan, fenToYuan } from '../core/money.ts';
import { itemCounts, procurementOf, table2Rows, tallyDecisions, tallyFees, type Ledgers } from './rules/table2.ts';
import { decisionTallies, findProcurement, listCounts, listFees, listItems } from './store.ts';

/** Everything the count of a year needs. */
export async function loadLedgers(db: Queryable, orgId: number, year: number): Promise<Ledgers> {
  const [decisions, counts, fees, items, procurement] = await Promise.all([
    decisionTallies(db, orgId, year), listCounts(db, orgId, year), listFees(db, orgId, year), listItems(db, orgId, year), findProcurement(db, orgId, year),
  ]);
  return { decisions, counts, fees, items, procurement: procurement ? [procurement] : [] };
}

export const consoleHref = (year: number, category?: string) => `/console/article20?year=${year}${category ? `&category=${category}` : ''}`;

const CELL_KEY: Record<CountCategory, string> = { licensing: 'licensing', other_services: 'otherServices', penalty: 'penalty', coercion: 'coercion' };

/** "行政许可决定 351 件（2025 年，已确认；另有 2 件待确认未计入）" */
export function decisionsSource(l: Ledgers, category: CountCategory, year: number): CellSource {
  const t = tallyDecisions(l, category, year);
  const label = CATEGORY_LABELS[category];
  const from = t.source === 'decisions' ? '逐件导入的决定' : t.source === 'counts' ? '手工录入的数量' : '';
  const extra = [
    t.unconfirmed ? `另有 ${t.unconfirmed} 件待确认未计入` : '',
    t.ignoredHandCount ? `手工录入的 ${t.ignoredHandCount} 件未计入（该年已有逐件导入的决定，不重复计数）` : '',
  ].filter(Boolean).join('；');
  const description = t.source === 'none'
    ? `${label}决定 0 件（${year} 年第二十条事项台账无记录）`
    : `${label}决定 ${t.counted} 件（${year} 年，${from}，已确认${extra ? `；${extra}` : ''}）`;
  return { cell: `table2.${CELL_KEY[category]}.decisions`, description, href: consoleHref(year, category) };
}

function itemSources(l: Ledgers, item: ItemKind, year: number): CellSource[] {
  const i = itemCounts(l.items, item, year);
  const key = item === 'fees' ? 'fees' : CELL_KEY[item];
  const state = !i.entered ? '（台账无记录，计 0）' : i.unconfirmed ? '（已录入，待确认，未计入）' : '（已确认）';
  return [
    { cell: `table2.${key}.previousCount`, description: `${ITEM_LABELS[item]}上一年项目数量 ${i.previousCount} 项${state}`, href: consoleHref(year) },
    { cell: `table2.${key}.change`, description: `${ITEM_LABELS[item]}本年增/减 ${i.change > 0 ? `+${i.change}` : i.change} 项${state}`, href: consoleHref(year) },
  ];
}

/** The part's result for a year and format. */
export async function computeArticle20(db: Queryable, orgId: number, year: number, format: ReportFormat): Promise<ReportPartResult> {
  const l = await loadLedgers(db, orgId, year);
  const fees = tallyFees(l.fees, year);
  const sources: CellSource[] = [];
  const feeNote = fees.unconfirmed ? `；另有 ${fees.unconfirmed} 笔待确认未计入` : '';
  if (format === '2021') {
    for (const c of ['licensing', 'penalty', 'coercion'] as const) sources.push(decisionsSource(l, c, year));
    sources.push({
      cell: 'table2.fees.amountWanYuan',
      description: fees.entries || fees.unconfirmed
        ? `行政事业性收费 ${fenToWanYuan(fees.fen)} 万元（${year} 年，${fees.entries} 笔已确认，合 ${fenToYuan(fees.fen)} 元${feeNote}）`
        : `行政事业性收费 0 万元（${year} 年第二十条事项台账无收费记录）`,
      href: consoleHref(year, 'fees'),
    });
  } else {
    for (const c of ['licensing', 'other_services', 'penalty', 'coercion'] as const) sources.push(...itemSources(l, c, year), decisionsSource(l, c, year));
    sources.push(...itemSources(l, 'fees', year));
    const p = procurementOf(l.procurement, year);
    const state = !p ? '（台账无记录，计 0）' : p.unconfirmed ? '（已录入，待确认，未计入）' : '（已确认）';
    sources.push(
      { cell: 'table2.procurement.projects', description: `政府集中采购项目 ${p?.projects ?? 0} 个${state}`, href: consoleHref(year) },
      { cell: 'table2.procurement.amount', description: `政府集中采购总金额 ${fenToYuan(p?.amountFen ?? 0n)} 元${state}`, href: consoleHref(year) },
    );
  }
  return { table2: table2Rows(l, year, format), sources, facts: { administrativeFeesYuan: fenToYuan(fees.fen) } };
}

export const article20Part: ReportPart = {
  name: '第二十条事项台账',
  compute: computeArticle20,
};
