// Importing a 依申请公开台账 into an organization: one transaction per file, all or nothing.
// Every row is read (parse.ts) and planned (plan.ts) first; when any row has an error, nothing is
// written and the report lists the errors per row. Otherwise each new row becomes a case with its
// receipt number, applicant, dated events and an audit entry; a row imported before continues its
// case (or is left as it is); the file is recorded with its hash, so the same file twice does nothing.
// A check (dryRun) does all of this but writing.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DateString } from '../../core/date.ts';
import { appendAudit, type Actor } from '../../core/audit/log.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { DomainError, forbidden, notFound } from '../../core/errors.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import { applicantKeyOf, auditView, fingerprintOf } from '../commands.ts';
import type { Applicant, ApplicationInput, CaseState } from '../model.ts';
import { applicationPolicy } from '../policy.ts';
import type { SubmissionChannel } from '../rules/receipt.ts';
import { insertApplicant, insertCase, insertEvent, listEventsOfCases, lockReceiptCounter, nextReceiptNo, updateCaseState } from '../store.ts';
import { today } from '../../core/today.ts';
import { formatLedgerError, type LedgerError, type LedgerImportReport, type LedgerRow, type ParsedLedger, type RowResult } from './model.ts';
import { parseLedgerIsolated } from './isolated-read.ts';
import { ledgerRowKey, planExistingCase, planNewCase, type CasePlan } from './plan.ts';
import { findImportBySha, findLedgerRows, insertImport, insertLedgerRow, loadCasesForLedger } from './store.ts';

export interface LedgerFile {
  fileName: string;
  content: Buffer;
}

export interface LedgerImportOptions {
  /** Check only: read, plan and report, write nothing. */
  dryRun?: boolean;
}

/** The largest ledger file accepted (a ledger of 20,000 rows is a few MB). */
export const MAX_LEDGER_BYTES = 20 * 1024 * 1024;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A file name as stored and shown: no path, no control characters, at most 200 characters. */
export const cleanFileName = (name: string) => basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').slice(0, 200) || '台账.xlsx';

interface Planned {
  row: LedgerRow;
  key: string;
  caseId: number | null;
  receiptNo: string | null;
  plan: CasePlan;
}

function applicantOf(row: LedgerRow): Applicant {
  const a = row.applicant;
  return {
    kind: a.kind, name: a.name, idType: a.idType, idNumber: a.idNumber, creditCode: a.creditCode, legalRepresentative: a.legalRepresentative,
    contactPerson: a.contactPerson, phone: a.phone, email: a.email, address: a.address, postalCode: a.postalCode,
  };
}

/** The ApplicationInput the case store expects, from a ledger row (the ledger is not the portal form). */
function inputOf(row: LedgerRow): ApplicationInput {
  const a = row.applicant;
  return {
    applicantKind: a.kind, name: a.kind === 'natural' ? a.name : '', idType: a.idType, idNumber: a.idNumber, orgName: a.kind === 'organization' ? a.name : '',
    orgColumn: a.column === 'natural' ? '' : a.column, creditCode: a.creditCode, legalRepresentative: a.legalRepresentative, contactPerson: a.contactPerson,
    phone: a.phone, email: a.email, address: a.address, postalCode: a.postalCode,
    infoTitle: row.infoTitle, infoDocNumber: row.infoDocNumber, infoDescription: row.infoDescription, formWanted: row.formWanted, delivery: row.delivery,
  };
}

/** Keys of the rows; a row that repeats an earlier row of the file is an error. */
function keysOf(parsed: ParsedLedger): { keys: string[]; errors: LedgerError[] } {
  const seen = new Map<string, LedgerRow>();
  const errors: LedgerError[] = [];
  const keys = parsed.rows.map((row) => {
    const key = ledgerRowKey(row);
    const first = seen.get(key);
    if (first) {
      const where = first.sheet === row.sheet ? `第${first.row}行` : `工作表「${first.sheet}」第${first.row}行`;
      const column = row.ledgerNo ? (row.headers.ledgerNo ?? '申请编号') : null;
      errors.push({ sheet: row.sheet, row: row.row, column, message: row.ledgerNo ? `与${where}的申请编号相同（同一年度内编号不能重复）` : `与${where}重复（申请人、收到申请日期和申请内容都相同）` });
    } else seen.set(key, row);
    return key;
  });
  return { keys, errors };
}

/** Plans every row against what is stored; `lock` inside the writing transaction. */
async function planAll(q: Queryable, org: Organization, parsed: ParsedLedger, keys: string[], now: DateString, lock: boolean): Promise<{ planned: Planned[]; errors: LedgerError[] }> {
  const known = await findLedgerRows(q, org.id, keys);
  const ids = [...new Set(known.values())];
  const [cases, events] = await Promise.all([loadCasesForLedger(q, ids, lock), listEventsOfCases(q, ids)]);
  const planned: Planned[] = [];
  const errors: LedgerError[] = [];
  parsed.rows.forEach((row, i) => {
    const key = keys[i]!;
    const caseId = known.get(key) ?? null;
    const stored = caseId === null ? undefined : cases.get(caseId);
    const result = stored
      ? planExistingCase(row, { ...stored, state: stored.state as CaseState, channel: stored.channel as SubmissionChannel, events: events.get(caseId!) ?? [] }, now)
      : planNewCase(row, now);
    if ('errors' in result) errors.push(...result.errors);
    else planned.push({ row, key, caseId: stored ? caseId : null, receiptNo: stored?.receiptNo ?? null, plan: result.plan });
  });
  return { planned, errors };
}

function report(base: { fileName: string; sha256: string; dryRun: boolean; parsed: ParsedLedger | null }, rest: Partial<LedgerImportReport>): LedgerImportReport {
  const errors = rest.errors ?? [];
  const manySheets = new Set(errors.map((e) => e.sheet).filter(Boolean)).size > 1 || (base.parsed?.sheets.length ?? 0) > 1;
  // in the workbook's order: file problems first, then by sheet and row
  const sheetOrder = new Map((base.parsed?.sheets ?? []).map((s, i) => [s.name, i]));
  const sorted = [...errors].sort((a, b) => (a.sheet === null ? -1 : sheetOrder.get(a.sheet) ?? 0) - (b.sheet === null ? -1 : sheetOrder.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0));
  return {
    fileName: base.fileName,
    sha256: base.sha256,
    dryRun: base.dryRun,
    ok: errors.length === 0,
    importId: null,
    duplicateOf: null,
    rowsRead: (base.parsed?.rows.length ?? 0) + new Set(errors.filter((e) => e.row !== null).map((e) => `${e.sheet}|${e.row}`)).size,
    created: 0,
    updated: 0,
    unchanged: 0,
    warnings: base.parsed?.warnings ?? [],
    rows: [],
    ...rest,
    errors: sorted,
    messages: sorted.map((e) => formatLedgerError(e, manySheets)),
  };
}

const statusOf = (p: Planned) => (p.caseId === null ? 'created' : p.plan.steps.length ? 'updated' : 'unchanged');

/**
 * Imports (or with dryRun checks) a ledger file into the organization. Refused when the staff
 * member may not handle its applications; the file's problems come back in the report.
 */
export async function importLedger(db: Database, ctx: CommandContext, orgId: number, file: LedgerFile, options: LedgerImportOptions = {}): Promise<LedgerImportReport> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !applicationPolicy.handle(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以导入依申请公开台账');
  const dryRun = options.dryRun === true;
  const base = { fileName: cleanFileName(file.fileName), sha256: sha256(file.content), dryRun, parsed: null as ParsedLedger | null };

  const previous = await findImportBySha(db, org.id, base.sha256);
  if (previous) return report(base, { duplicateOf: { importId: previous.id, at: previous.createdAt, actorName: previous.actorName }, rowsRead: previous.rowsRead });

  let parsed: ParsedLedger;
  try {
    parsed = await parseLedgerIsolated(file.content);
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return report(base, { errors: [{ sheet: null, row: null, column: null, message: err.message }] });
    throw err;
  }
  base.parsed = parsed;
  const { keys, errors: duplicates } = keysOf(parsed);
  const now = today();
  if (parsed.errors.length || duplicates.length || dryRun) {
    // rows without errors of their own are planned too, so that one check lists every problem
    const { planned, errors } = await planAll(db, org, parsed, keys, now, false);
    const all = [...parsed.errors, ...duplicates, ...errors];
    if (all.length) return report(base, { errors: all });
    return report(base, { ...countsOf(planned), rows: planned.map((p) => rowResult(p, null)) });
  }

  return db.transaction(async (tx) => {
    // Receipt counters of every year involved, in order: serializes this import with intake and
    // with another import of the same ledger (whose rows fall in the same years).
    const years = [...new Set(parsed.rows.flatMap((r) => [r.submittedOn, r.receivedOn]).map((d) => Number(d.slice(0, 4))))].sort();
    for (const y of years) await lockReceiptCounter(tx, org.id, y);
    const again = await findImportBySha(tx, org.id, base.sha256);
    if (again) return report(base, { duplicateOf: { importId: again.id, at: again.createdAt, actorName: again.actorName }, rowsRead: again.rowsRead });
    const { planned, errors } = await planAll(tx, org, parsed, keys, now, true);
    if (errors.length) return report(base, { errors });
    const counts = countsOf(planned);
    const importId = await insertImport(tx, { orgId: org.id, fileName: base.fileName, sha256: base.sha256, rowsRead: parsed.rows.length, ...counts, actor: ctx.actor });
    const results: RowResult[] = [];
    for (const p of planned) {
      if (p.caseId === null) results.push(await createCase(tx, ctx.actor, org, importId, base.fileName, p));
      else if (p.plan.steps.length) results.push(await continueCase(tx, ctx.actor, org, importId, base.fileName, p));
      else results.push(rowResult(p, null));
    }
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'application.ledger.import', targetType: 'application_ledger_import', targetId: importId,
      summary: { fileName: base.fileName, sha256: base.sha256, rowsRead: parsed.rows.length, ...counts },
    });
    return report(base, { importId, ...counts, rows: results });
  });
}

function countsOf(planned: Planned[]) {
  return {
    created: planned.filter((p) => statusOf(p) === 'created').length,
    updated: planned.filter((p) => statusOf(p) === 'updated').length,
    unchanged: planned.filter((p) => statusOf(p) === 'unchanged').length,
  };
}

function rowResult(p: Planned, created: { caseId: number; receiptNo: string } | null): RowResult {
  const ref = { sheet: p.row.sheet, row: p.row.row, state: p.plan.state };
  const status = statusOf(p);
  if (status === 'created') return { ...ref, status, caseId: created?.caseId ?? null, receiptNo: created?.receiptNo ?? null };
  if (status === 'updated') return { ...ref, status, caseId: p.caseId!, receiptNo: p.receiptNo!, steps: p.plan.steps.map((s) => s.action) };
  return { ...ref, status, caseId: p.caseId!, receiptNo: p.receiptNo! };
}

const provenance = (fileName: string, row: LedgerRow) => `据台账导入：${fileName}${row.sheet ? ` 工作表「${row.sheet}」` : ''}第${row.row}行${row.ledgerNo ? `（编号 ${row.ledgerNo}）` : ''}${row.note ? `；台账备注：${row.note}` : ''}`;

async function createCase(tx: Queryable, actor: Actor, org: Organization, importId: number, fileName: string, p: Planned): Promise<RowResult> {
  const { row, plan } = p;
  const submittedOn = plan.submittedOn!;
  const year = Number(submittedOn.slice(0, 4));
  const receiptNo = await nextReceiptNo(tx, org, year);
  const applicant = applicantOf(row);
  const applicantKey = applicantKeyOf(applicant);
  const input = inputOf(row);
  const caseId = await insertCase(tx, {
    orgId: org.id, receiptNo, state: plan.state, channel: row.channel, submittedOn, receivedOn: plan.set.receivedOn ?? null,
    input, applicantColumn: row.applicant.column, submissionKey: null, fingerprint: fingerprintOf(applicantKey, input),
    submittedAt: new Date(`${submittedOn}T00:00:00+08:00`),
  });
  await insertApplicant(tx, caseId, org.id, applicant, applicantKey);
  const note = provenance(fileName, row);
  for (const [i, e] of plan.events.entries()) await insertEvent(tx, org.id, caseId, i === 0 ? { ...e, note: [note, e.note].filter(Boolean).join('；') } : e, actor);
  await updateCaseState(tx, caseId, plan.state, plan.set);
  await insertLedgerRow(tx, { orgId: org.id, rowKey: p.key, caseId, importId, sheet: row.sheet, row: row.row, ledgerNo: row.ledgerNo });
  await appendAudit(tx, actor, {
    orgId: org.id, action: 'application.ledger_import', targetType: 'application', targetId: caseId,
    summary: { receiptNo, importId, sheet: row.sheet, row: row.row, channel: row.channel, state: plan.state, outcome: plan.set.outcome ?? null, events: plan.events.map(auditView) },
  });
  return rowResult(p, { caseId, receiptNo });
}

async function continueCase(tx: Queryable, actor: Actor, org: Organization, importId: number, fileName: string, p: Planned): Promise<RowResult> {
  const { row, plan } = p;
  const caseId = p.caseId!;
  const note = provenance(fileName, row);
  for (const [i, e] of plan.events.entries()) await insertEvent(tx, org.id, caseId, i === 0 ? { ...e, note: [note, e.note].filter(Boolean).join('；') } : e, actor);
  await updateCaseState(tx, caseId, plan.state, plan.set);
  await appendAudit(tx, actor, {
    orgId: org.id, action: 'application.ledger_update', targetType: 'application', targetId: caseId,
    summary: { receiptNo: p.receiptNo, importId, sheet: row.sheet, row: row.row, state: plan.state, outcome: plan.set.outcome ?? null, events: plan.events.map(auditView) },
  });
  return rowResult(p, null);
}
