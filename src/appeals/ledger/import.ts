// Importing a 复议诉讼台账 (.xlsx) into an organization's appeals register: a preview first (every row
// read in a worker process and checked, the errors per row in Chinese, the rows already registered
// recognized by their 案号), then the confirmation: one transaction, every new row added with its
// outcome, one audit entry for the import. A file with any error adds nothing. A row whose 案号 is
// already in the register (or, without 案号, the same kind, body, party and day received) is
// reported as such and not added again, so the same file twice adds nothing the second time.
// An imported decision that ordered a new reply (责令重新答复) is recorded as a correction with the
// wording in the note; it does not reopen the 依申请公开 case — a register is history, and reopening
// a case is the clerk's act on the appeal page (recordOutcome with the order).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { appendAudit } from '../../core/audit/log.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { DomainError, forbidden, notFound } from '../../core/errors.ts';
import { today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgById } from '../../orgs/store.ts';
import { appealInputSchema, type AppealInput } from '../model.ts';
import { appealPolicy } from '../policy.ts';
import { LEDGER_COLUMNS, type LedgerField } from '../rules/ledger-values.ts';
import { findCaseByReceiptNo, insertAppeal, setOutcome } from '../store.ts';
import { parseAppealLedgerIsolated } from './isolated-read.ts';
import { formatLedgerError, type LedgerError, type LedgerImportReport, type LedgerRow, type ParsedLedger, type RowPlan } from './model.ts';
import { deletePreview, findByCaseNumbers, findPreview, findSameRecord, insertPreview, lockOrgAppeals } from './store.ts';

export interface LedgerFile {
  fileName: string;
  content: Buffer;
}

/** The largest register accepted (a register of thousands of rows is well under 1 MB). */
export const MAX_APPEAL_LEDGER_BYTES = 5 * 1024 * 1024;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const cleanFileName = (name: string) => basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').slice(0, 200) || '复议诉讼台账.xlsx';
const headerOf = (k: LedgerField) => LEDGER_COLUMNS.find((c) => c.key === k)!.header;
/** The zod field names of appealInputSchema → the template's column. */
const FIELD_COLUMN: Record<string, LedgerField> = { kind: 'kind', receiptNo: 'receiptNo', party: 'party', body: 'body', caseNumber: 'caseNumber', receivedOn: 'receivedOn', note: 'note' };

interface Planned {
  row: LedgerRow;
  input: AppealInput;
  plan: RowPlan;
}

async function authorize(db: Queryable, ctx: CommandContext, orgId: number) {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !appealPolicy.edit(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以导入复议诉讼台账');
  return org;
}

/** What the record keeps of its origin: the file, the row, and the result as the register wrote it. */
function noteOf(fileName: string, row: LedgerRow): string {
  const origin = `据台账导入：${fileName}${row.sheet ? ` 工作表「${row.sheet}」` : ''}第${row.row}行${row.outcomeText ? `，结果：${row.outcomeText}` : ''}${row.newReplyOrdered ? '（责令重新答复，未自动重新办理该申请）' : ''}`;
  return [row.note, origin].filter(Boolean).join('；').slice(0, 2000);
}

/** Checks every row against the register and the cases; the rows' errors, or what each row will do. */
async function planRows(q: Queryable, orgId: number, fileName: string, parsed: ParsedLedger): Promise<{ planned: Planned[]; errors: LedgerError[] }> {
  const now = today();
  const errors: LedgerError[] = [];
  const planned: Planned[] = [];
  const known = await findByCaseNumbers(q, orgId, [...new Set(parsed.rows.map((r) => r.caseNumber).filter(Boolean))]);
  const firstOf = new Map<string, LedgerRow>();
  for (const row of parsed.rows) {
    const fail = (k: LedgerField, message: string) => errors.push({ sheet: row.sheet, row: row.row, column: headerOf(k), message });
    const before = errors.length;
    if (row.caseNumber) {
      const first = firstOf.get(row.caseNumber);
      if (first) fail('caseNumber', `与${first.sheet === row.sheet ? '' : `工作表「${first.sheet}」`}第${first.row}行的案号相同，同一案件只能登记一次`);
      else firstOf.set(row.caseNumber, row);
    }
    if (row.receivedOn > now) fail('receivedOn', `收到日期 ${row.receivedOn} 不能晚于今天（${now}）`);
    if (row.decidedOn && row.decidedOn > now) fail('decidedOn', `审结日期 ${row.decidedOn} 不能晚于今天（${now}）`);
    const found = row.receiptNo ? await findCaseByReceiptNo(q, orgId, row.receiptNo) : undefined;
    const party = row.party || found?.applicantName || '';
    if (!party) fail('party', row.receiptNo ? `本机关没有收件编号为 ${row.receiptNo} 的申请，请填写申请人/原告` : '请填写申请人/原告（填写本机关已登记的收件编号时可留空）');
    const parsedInput = appealInputSchema.safeParse({ kind: row.kind, receiptNo: row.receiptNo, party, body: row.body, caseNumber: row.caseNumber, receivedOn: row.receivedOn, note: noteOf(fileName, row) });
    if (!parsedInput.success) {
      for (const issue of parsedInput.error.issues) fail(FIELD_COLUMN[String(issue.path[0])] ?? 'note', issue.message);
    }
    if (errors.length > before || !parsedInput.success) continue;
    const duplicateOf = row.caseNumber ? (known.get(row.caseNumber) ?? null) : await findSameRecord(q, orgId, { kind: row.kind, body: row.body, party, receivedOn: row.receivedOn });
    planned.push({
      row,
      input: parsedInput.data,
      plan: {
        sheet: row.sheet, row: row.row, kind: row.kind, caseNumber: row.caseNumber, body: row.body, receivedOn: row.receivedOn, decidedOn: row.decidedOn,
        outcome: row.outcome, outcomeText: row.outcomeText, caseId: found?.id ?? null, status: duplicateOf === null ? 'new' : 'duplicate', appealId: duplicateOf,
      },
    });
  }
  return { planned, errors };
}

function report(base: { fileName: string; sha256: string }, parsed: ParsedLedger | null, rest: Partial<LedgerImportReport>): LedgerImportReport {
  const errors = [...(rest.errors ?? [])].sort((a, b) => (a.sheet === null ? -1 : 0) - (b.sheet === null ? -1 : 0) || (a.row ?? 0) - (b.row ?? 0));
  const manySheets = (parsed?.sheets.length ?? 0) > 1;
  const rows = rest.rows ?? [];
  return {
    ...base,
    ok: errors.length === 0,
    confirmed: false,
    rowsRead: (parsed?.rows.length ?? 0) + new Set(errors.filter((e) => e.row !== null && !parsed?.rows.some((r) => r.sheet === e.sheet && r.row === e.row)).map((e) => `${e.sheet}|${e.row}`)).size,
    added: rows.filter((r) => r.status === 'new').length,
    duplicates: rows.filter((r) => r.status === 'duplicate').length,
    warnings: parsed?.warnings ?? [],
    previewId: null,
    ...rest,
    rows,
    errors,
    messages: errors.map((e) => formatLedgerError(e, manySheets)),
  };
}

/** Reads the file in a worker; a file that cannot be read becomes the report's one error. */
async function read(file: LedgerFile): Promise<{ base: { fileName: string; sha256: string }; parsed: ParsedLedger | null; error: LedgerError | null }> {
  const base = { fileName: cleanFileName(file.fileName), sha256: sha256(file.content) };
  if (file.content.length > MAX_APPEAL_LEDGER_BYTES) return { base, parsed: null, error: { sheet: null, row: null, column: null, message: `台账文件不能超过 ${MAX_APPEAL_LEDGER_BYTES / 1024 / 1024} MB` } };
  try {
    return { base, parsed: await parseAppealLedgerIsolated(file.content), error: null };
  } catch (err) {
    if (err instanceof DomainError && err.status < 500 && err.code !== 'BUSY') return { base, parsed: null, error: { sheet: null, row: null, column: null, message: err.message } };
    throw err;
  }
}

/**
 * The preview: every row read and checked, nothing added. With `keepFor` (the console) a file
 * without errors is kept for that user an hour, and previewId names it for the confirmation.
 */
export async function previewAppealLedger(db: Database, ctx: CommandContext, orgId: number, file: LedgerFile, options: { keep?: boolean } = {}): Promise<LedgerImportReport> {
  await authorize(db, ctx, orgId);
  const { base, parsed, error } = await read(file);
  if (!parsed) return report(base, null, { errors: [error!] });
  const { planned, errors } = await planRows(db, orgId, base.fileName, parsed);
  const all = [...parsed.errors, ...errors];
  if (all.length) return report(base, parsed, { errors: all, rows: planned.map((p) => p.plan) });
  const previewId = options.keep && planned.some((p) => p.plan.status === 'new')
    ? await db.transaction((tx) => insertPreview(tx, { orgId, userId: ctx.actor.userId, fileName: base.fileName, sha256: base.sha256, content: file.content }))
    : null;
  return report(base, parsed, { rows: planned.map((p) => p.plan), previewId });
}

/**
 * The import: the file read and checked again inside one transaction (imports into the organization
 * serialized), then every new row added with its outcome and one audit entry `appeal.import`. With
 * any error nothing is added and the report says why.
 */
export async function importAppealLedger(db: Database, ctx: CommandContext, orgId: number, file: LedgerFile, options: { previewId?: number } = {}): Promise<LedgerImportReport> {
  await authorize(db, ctx, orgId);
  const { base, parsed, error } = await read(file);
  if (!parsed) return report(base, null, { errors: [error!] });
  if (parsed.errors.length) {
    // the rows without errors of their own are checked too, so that one attempt lists every problem
    const { errors } = await planRows(db, orgId, base.fileName, parsed);
    return report(base, parsed, { errors: [...parsed.errors, ...errors] });
  }
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId);
    await lockOrgAppeals(tx, orgId);
    const { planned, errors } = await planRows(tx, orgId, base.fileName, parsed);
    if (errors.length) return report(base, parsed, { errors, rows: planned.map((p) => p.plan) });
    const rows: RowPlan[] = [];
    for (const p of planned) {
      if (p.plan.status === 'duplicate') {
        rows.push(p.plan);
        continue;
      }
      const id = await insertAppeal(tx, orgId, p.input, p.plan.caseId);
      if (p.row.outcome && p.row.decidedOn) await setOutcome(tx, id, p.row.decidedOn, p.row.outcome);
      rows.push({ ...p.plan, appealId: id });
    }
    if (options.previewId !== undefined) await deletePreview(tx, options.previewId);
    const added = rows.filter((r) => r.status === 'new');
    await appendAudit(tx, ctx.actor, {
      orgId, action: 'appeal.import', targetType: 'appeal_import', targetId: base.sha256.slice(0, 16),
      summary: {
        fileName: base.fileName, sha256: base.sha256, rowsRead: parsed.rows.length, added: added.length, duplicates: rows.length - added.length,
        // no party (personal data): the records by id, kind, 案号 and dates
        records: added.map((r) => ({ id: r.appealId, kind: r.kind, caseNumber: r.caseNumber, receivedOn: r.receivedOn, decidedOn: r.decidedOn, outcome: r.outcome })),
      },
    });
    return report(base, parsed, { rows, confirmed: true });
  });
}

/** The console's confirmation of a preview it kept: the same file, imported. */
export async function confirmAppealLedgerPreview(db: Database, ctx: CommandContext, orgId: number, previewId: number): Promise<LedgerImportReport> {
  const kept = await findPreview(db, previewId, orgId, ctx.actor.userId);
  if (!kept) throw notFound('该预览（预览保留一小时，请重新上传台账）');
  return importAppealLedger(db, ctx, orgId, { fileName: kept.fileName, content: kept.content }, { previewId });
}
