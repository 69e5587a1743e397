// The Article 20 ledgers (第二十条事项台账): the records behind table 2 (五)(六)(八)(九) of the annual
// report. 条例第二十条 lists what an agency discloses proactively, among them （五）办理行政许可和
// 其他对外管理服务事项的依据、条件、程序以及办理结果, （六）实施行政处罚、行政强制的依据、条件、程序
// 以及本行政机关认为具有一定社会影响的行政处罚决定, （八）行政事业性收费项目及其依据、标准 and
// （九）政府集中采购项目的目录、标准及实施情况; the report format counts them (国办公开办函〔2021〕30号
// 表二; 〔2019〕60号 表二 with 上一年项目数量 and 本年增/减). Rules: docs/article20-table2.md.
import { z } from 'zod';

/** Decisions imported one per row from a 双公示 export. */
export const DECISION_CATEGORIES = ['licensing', 'penalty', 'coercion'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];
/** Categories a count may be entered for by hand: the decisions, and the 2019 row 其他对外管理服务事项. */
export const COUNT_CATEGORIES = ['licensing', 'other_services', 'penalty', 'coercion'] as const;
export type CountCategory = (typeof COUNT_CATEGORIES)[number];
/** The item rows of the 2019 layout (上一年项目数量, 本年增/减). */
export const ITEM_KINDS = ['licensing', 'other_services', 'penalty', 'coercion', 'fees'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CATEGORY_LABELS: Record<CountCategory, string> = {
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
};
export const ITEM_LABELS: Record<ItemKind, string> = { ...CATEGORY_LABELS, fees: '行政事业性收费' };

/** 录入 by an editor, 已确认 by the head or an administrator; only confirmed entries count in the report. */
export const ENTRY_STATUSES = ['entered', 'confirmed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const STATUS_LABELS: Record<EntryStatus, string> = { entered: '录入', confirmed: '已确认' };

/** A hand-entered count or fee is for a whole year ('') or one month (M01–M12) or quarter (Q1–Q4). */
export const PERIOD_RE = /^(|M(0[1-9]|1[0-2])|Q[1-4])$/;
export function periodLabel(period: string): string {
  if (!period) return '全年';
  if (period.startsWith('Q')) return `第${'一二三四'[Number(period.slice(1)) - 1]}季度`;
  return `${Number(period.slice(1))} 月`;
}

export interface Decision {
  id: number;
  orgId: number;
  category: DecisionCategory;
  docNumber: string;
  decidedOn: string;
  subject: string;
  batchId: number | null;
  status: EntryStatus;
}

export interface PeriodCount {
  id: number;
  orgId: number;
  year: number;
  period: string;
  category: CountCategory;
  count: number;
  note: string;
  status: EntryStatus;
}

export interface FeeEntry {
  id: number;
  orgId: number;
  year: number;
  period: string;
  item: string;
  amountFen: bigint;
  note: string;
  status: EntryStatus;
}

export interface ItemCount {
  id: number;
  orgId: number;
  year: number;
  item: ItemKind;
  previousCount: number;
  change: number;
  status: EntryStatus;
}

export interface Procurement {
  id: number;
  orgId: number;
  year: number;
  projects: number;
  amountFen: bigint;
  status: EntryStatus;
}

// ── Input schemas (console forms and API) ───────────────────────────────────

const yearField = z.coerce.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2008, { error: '年度不能早于 2008 年' }).max(2100, { error: '年度不能晚于 2100 年' });
const countField = (label: string) => z.coerce.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能为负数` }).max(10_000_000, { error: `${label}过大` });
const periodField = z.string().trim().default('').refine((p) => PERIOD_RE.test(p), { error: '期间应为全年、某月（M01–M12）或某季度（Q1–Q4）' });
const noteField = z.string().trim().max(500, { error: '备注不能超过 500 字' }).default('');

export const countInputSchema = z.object({
  year: yearField,
  period: periodField,
  category: z.enum(COUNT_CATEGORIES, { error: '请选择类别' }),
  count: countField('处理决定数量'),
  note: noteField,
});
export type CountInput = z.output<typeof countInputSchema>;

/** The amount is text in 元 ("1,234.56元"), read exactly into 分 by core/money.ts. */
export const feeInputSchema = z.object({
  year: yearField,
  period: periodField,
  item: z.string().trim().min(1, { error: '请填写收费项目名称' }).max(200, { error: '收费项目名称不能超过 200 字' }),
  amount: z.union([z.string(), z.number()], { error: '请填写收费金额（元）' }).transform(String),
  note: noteField,
});
export type FeeInput = z.output<typeof feeInputSchema>;

export const itemInputSchema = z.object({
  year: yearField,
  item: z.enum(ITEM_KINDS, { error: '请选择项目' }),
  previousCount: countField('上一年项目数量'),
  change: z.coerce.number({ error: '请填写本年增/减' }).int({ error: '本年增/减应为整数（减少填负数）' }).min(-1_000_000, { error: '本年增/减过大' }).max(1_000_000, { error: '本年增/减过大' }),
});
export type ItemInput = z.output<typeof itemInputSchema>;

export const procurementInputSchema = z.object({
  year: yearField,
  projects: countField('采购项目数量'),
  amount: z.union([z.string(), z.number()], { error: '请填写采购总金额（元）' }).transform(String),
});
export type ProcurementInput = z.output<typeof procurementInputSchema>;

export const confirmInputSchema = z.object({ year: yearField });

export { fieldErrors } from '../core/validation.ts';

// ── Import of a 双公示 export ──────────────────────────────────────────────────

/** A row read from the workbook (in the worker): text only, the category when the file names one. */
export interface ParsedDecisionRow {
  sheet: string;
  row: number;
  docNumber: string;
  decidedOn: string;
  category: DecisionCategory | null;
  subject: string;
}
export interface ParsedDecisionError {
  sheet: string;
  row: number;
  message: string;
}
export interface ParsedDecisions {
  rows: ParsedDecisionRow[];
  errors: ParsedDecisionError[];
  hasCategoryColumn: boolean;
}
