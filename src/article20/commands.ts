// Changes to the Article 20 ledgers: each exported function is one transaction that checks the
// policy (when a staff member acts), writes, and appends one audit entry. An import is two steps:
// previewImport reads the file (in a worker) and keeps what it found; confirmImport adds the new
// decisions of that preview in one transaction with one audit entry for the batch.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../core/audit/log.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { forbidden, invalid, notFound } from '../core/errors.ts';
import { today } from '../core/today.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgById } from '../orgs/store.ts';
import { parseDecisionsIsolated } from './isolated-read.ts';
import {
  confirmInputSchema, countInputSchema, DECISION_CATEGORIES, feeInputSchema, itemInputSchema, procurementInputSchema, type DecisionCategory, type ParsedDecisions,
} from './model.ts';
import { article20Policy, CONFIRM_REFUSED, ENTER_REFUSED } from './policy.ts';
import { planImport, type ImportPlan } from './rules/import-plan.ts';
import { fenToYuan, parseYuanToFen } from '../core/money.ts';
import {
  confirmYear, deleteEntry, deletePreview, lockEntry, insertBatch, insertDecisions, insertFee, insertPreview, lockPreview, storedDecisionKeys, upsertCount, upsertItem, upsertProcurement, type ConfirmedCounts,
} from './store.ts';

/** Advisory lock namespace of the imports (beside core/db LOCK's). */
const IMPORT_LOCK = 7420;

/** The largest 双公示 export accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

async function authorize(tx: Queryable, ctx: CommandContext, orgId: number, what: 'enter' | 'confirm'): Promise<void> {
  if (!ctx.staff) return; // the trusted CLI operator and the demo
  const org = await findOrgById(tx, orgId);
  if (!org || !article20Policy[what](ctx.staff, org)) throw forbidden(what === 'enter' ? ENTER_REFUSED : CONFIRM_REFUSED);
}

const notFuture = (year: number) => {
  if (year > Number(today().slice(0, 4))) throw invalid('不能录入今年以后年度的数据', { field: 'year' });
};

function amountFen(raw: string, field: string) {
  const r = parseYuanToFen(raw);
  if ('error' in r) throw invalid(r.error, { field });
  return r.fen;
}

/** Enters (or replaces) the number of decisions of a category in a year, month or quarter, by hand. */
export async function enterCount(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const input = countInputSchema.parse(raw);
  notFuture(input.year);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const { id, before } = await upsertCount(tx, orgId, input);
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.count', targetType: 'article20_count', targetId: id, summary: { before, after: input } });
    return id;
  });
}

/** Enters one 行政事业性收费 amount (元 in, kept exactly in 分). */
export async function enterFee(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const input = feeInputSchema.parse(raw);
  notFuture(input.year);
  const fen = amountFen(input.amount, 'amount');
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const id = await insertFee(tx, orgId, { year: input.year, period: input.period, item: input.item, amountFen: fen, note: input.note });
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.fee', targetType: 'article20_fee', targetId: id, summary: { after: { year: input.year, period: input.period, item: input.item, amountYuan: fenToYuan(fen), note: input.note } } });
    return id;
  });
}

/** 2019 layout: enters (or replaces) 上一年项目数量 and 本年增/减 of an item row of a year. */
export async function enterItemCount(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const input = itemInputSchema.parse(raw);
  notFuture(input.year);
  if (input.previousCount + input.change < 0) throw invalid(`本年减少 ${-input.change} 项，多于上一年的 ${input.previousCount} 项`, { field: 'change' });
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const { id, before } = await upsertItem(tx, orgId, input);
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.item', targetType: 'article20_item', targetId: id, summary: { before, after: input } });
    return id;
  });
}

/** 2019 layout: enters (or replaces) the 政府集中采购 of a year. */
export async function enterProcurement(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const input = procurementInputSchema.parse(raw);
  notFuture(input.year);
  const fen = amountFen(input.amount, 'amount');
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const id = await upsertProcurement(tx, orgId, { year: input.year, projects: input.projects, amountFen: fen });
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.procurement', targetType: 'article20_procurement', targetId: id, summary: { after: { year: input.year, projects: input.projects, amountYuan: fenToYuan(fen) } } });
    return id;
  });
}

/** Confirms (已确认) every entry of the year still 录入: the head or an administrator. */
export async function confirmEntries(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<ConfirmedCounts> {
  const { year } = confirmInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'confirm');
    const confirmed = await confirmYear(tx, orgId, year, ctx.actor.name);
    const total = Object.values(confirmed).reduce((a, b) => a + b, 0);
    if (total === 0) throw invalid(`${year} 年没有待确认的记录`, { field: 'year' });
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.confirm', targetType: 'organization', targetId: orgId, summary: { year, confirmed } });
    return confirmed;
  });
}

// ── Import ──────────────────────────────────────────────────────────────────────

export interface ImportFile {
  fileName: string;
  content: Buffer;
}

export interface ImportPreview {
  previewId: number;
  fileName: string;
  category: DecisionCategory | null;
  hasCategoryColumn: boolean;
  plan: ImportPlan;
}

const cleanFileName = (name: string) => basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').slice(0, 200) || '双公示.xlsx';
const categoryOf = (raw: unknown): DecisionCategory | null => {
  if (raw === undefined || raw === null || raw === '') return null;
  if (!(DECISION_CATEGORIES as readonly unknown[]).includes(raw)) throw invalid('类别应为行政许可、行政处罚或行政强制', { field: 'category' });
  return raw as DecisionCategory;
};

/** What importing a file would do, row by row; the file is kept as read for confirmImport (one hour). Nothing is added. */
export async function previewImport(db: Database, ctx: CommandContext, orgId: number, file: ImportFile, opts: { category?: unknown } = {}): Promise<ImportPreview> {
  const category = categoryOf(opts.category);
  if (file.content.length > MAX_IMPORT_BYTES) throw invalid(`文件过大（最大 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）`, { field: 'file' });
  await authorize(db, ctx, orgId, 'enter');
  const parsed = await parseDecisionsIsolated(file.content);
  if (!parsed.hasCategoryColumn && !category) throw invalid('文件中没有“类别”列，请选择这些决定的类别（行政许可、行政处罚或行政强制）', { field: 'category' });
  const fileName = cleanFileName(file.fileName);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const plan = planImport(parsed, { category, stored: await storedDecisionKeys(db, orgId), today: today() });
  const previewId = await insertPreview(db, { orgId, userId: ctx.actor.userId, fileName, sha256, category, parsed });
  return { previewId, fileName, category, hasCategoryColumn: parsed.hasCategoryColumn, plan };
}

/** A preview again (for its page), planned against the ledger as it is now. */
export async function showPreview(db: Database, ctx: CommandContext, orgId: number, previewId: number): Promise<ImportPreview> {
  const p = await lockPreview(db, previewId);
  if (!p || p.orgId !== orgId || (ctx.staff && p.userId !== ctx.actor.userId)) throw notFound('该导入预览（预览保留一小时，请重新上传）');
  return { previewId, fileName: p.fileName, category: p.category, hasCategoryColumn: p.parsed.hasCategoryColumn, plan: planImport(p.parsed, { category: p.category, stored: await storedDecisionKeys(db, orgId), today: today() }) };
}

export interface ImportResult {
  batchId: number;
  added: number;
  duplicates: number;
  fileName: string;
  /** The latest year of the decisions added (the console shows that year after an import). */
  latestYear: number;
}

/**
 * Adds the new decisions of a preview (录入, to be confirmed) in one transaction with one audit entry.
 * The plan is made again inside the transaction: what another import added meanwhile is a duplicate
 * now. A preview with errors is refused whole, as the applications ledger import is.
 */
export async function confirmImport(db: Database, ctx: CommandContext, orgId: number, previewId: number): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const p = await lockPreview(tx, previewId);
    if (!p || p.orgId !== orgId || (ctx.staff && p.userId !== ctx.actor.userId)) throw notFound('该导入预览（预览保留一小时，请重新上传）');
    await tx.query('select pg_advisory_xact_lock($1::int, $2::int)', [IMPORT_LOCK, orgId]); // two imports of one organization, one after the other
    const plan = planImport(p.parsed as ParsedDecisions, { category: p.category, stored: await storedDecisionKeys(tx, orgId), today: today() });
    if (plan.errors.length) throw invalid(`文件中有 ${plan.errors.length} 行有误，请改正后重新上传；本次没有导入任何决定`);
    if (plan.add.length === 0) throw invalid('文件中的决定都已导入过，没有可新增的决定');
    const batchId = await insertBatch(tx, orgId, { fileName: p.fileName, sha256: p.sha256, rowsAdded: plan.add.length, duplicates: plan.duplicates.length, actorName: ctx.actor.name });
    const added = await insertDecisions(tx, orgId, batchId, plan.add);
    const byCategory = Object.fromEntries(DECISION_CATEGORIES.map((c) => [c, plan.add.filter((d) => d.category === c).length]).filter(([, n]) => n));
    const years = [...new Set(plan.add.map((d) => d.decidedOn.slice(0, 4)))].sort();
    await appendAudit(tx, ctx.actor, {
      orgId, action: 'article20.import', targetType: 'article20_import_batch', targetId: batchId,
      summary: { fileName: p.fileName, sha256: p.sha256, added, duplicates: plan.duplicates.length, byCategory, years },
    });
    await deletePreview(tx, previewId);
    return { batchId, added, duplicates: plan.duplicates.length, fileName: p.fileName, latestYear: Number(years[years.length - 1]) };
  });
}

export const REMOVE_KINDS = ['decision', 'count', 'fee'] as const;
const removeInputSchema = z.object({
  kind: z.enum(REMOVE_KINDS, { error: '请指明要删除的记录类别' }),
  id: z.coerce.number({ error: '请指明要删除的记录' }).int().positive({ error: '请指明要删除的记录' }),
});

/**
 * Removes one decision, hand count or fee entry entered by mistake. An entry still 录入 may be removed
 * by those who enter; a confirmed one only by those who confirm (the head or an administrator), since
 * it may already stand in a report. The audit entry keeps what was removed.
 */
export async function removeEntry(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<{ year: number }> {
  const { kind, id } = removeInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'enter');
    const entry = await lockEntry(tx, kind, orgId, id);
    if (!entry) throw notFound('该记录');
    if (entry.status === 'confirmed') await authorize(tx, ctx, orgId, 'confirm');
    await deleteEntry(tx, kind, id);
    await appendAudit(tx, ctx.actor, { orgId, action: 'article20.remove', targetType: `article20_${kind}`, targetId: id, summary: { before: { ...entry.view, status: entry.status } } });
    return { year: entry.year };
  });
}
