// Every SQL statement of the ledger import: the imports and the ledger row → case links.
import type { Queryable } from '../../core/db/database.ts';

export interface LedgerImportRecord {
  id: number;
  fileName: string;
  sha256: string;
  rowsRead: number;
  casesCreated: number;
  casesUpdated: number;
  rowsUnchanged: number;
  actorName: string;
  createdAt: string;
}

interface ImportRow {
  id: number;
  file_name: string;
  file_sha256: string;
  rows_read: number;
  cases_created: number;
  cases_updated: number;
  rows_unchanged: number;
  actor_name: string;
  created_at: Date;
}

const toImport = (r: ImportRow): LedgerImportRecord => ({
  id: r.id,
  fileName: r.file_name,
  sha256: r.file_sha256,
  rowsRead: r.rows_read,
  casesCreated: r.cases_created,
  casesUpdated: r.cases_updated,
  rowsUnchanged: r.rows_unchanged,
  actorName: r.actor_name,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The first import of a file with these bytes into the organization. */
export async function findImportBySha(db: Queryable, orgId: number, sha256: string): Promise<LedgerImportRecord | undefined> {
  const [r] = await db.query<ImportRow>('select * from application_ledger_imports where org_id = $1 and file_sha256 = $2 order by id limit 1', [orgId, sha256]);
  return r && toImport(r);
}

export async function listImports(db: Queryable, orgId: number, limit = 20): Promise<LedgerImportRecord[]> {
  const rows = await db.query<ImportRow>('select * from application_ledger_imports where org_id = $1 order by id desc limit $2', [orgId, limit]);
  return rows.map(toImport);
}

export async function insertImport(
  tx: Queryable,
  i: { orgId: number; fileName: string; sha256: string; rowsRead: number; created: number; updated: number; unchanged: number; actor: { userId: number | null; name: string } },
): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into application_ledger_imports (org_id, file_name, file_sha256, rows_read, cases_created, cases_updated, rows_unchanged, actor_user_id, actor_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [i.orgId, i.fileName, i.sha256, i.rowsRead, i.created, i.updated, i.unchanged, i.actor.userId, i.actor.name],
  );
  return r!.id;
}

/** The cases that ledger rows with these keys became. */
export async function findLedgerRows(db: Queryable, orgId: number, keys: readonly string[]): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const rows = await db.query<{ row_key: string; case_id: number }>('select row_key, case_id from application_ledger_rows where org_id = $1 and row_key = any($2::text[])', [orgId, keys]);
  return new Map(rows.map((r) => [r.row_key, r.case_id]));
}

export async function insertLedgerRow(tx: Queryable, r: { orgId: number; rowKey: string; caseId: number; importId: number; sheet: string; row: number; ledgerNo: string }): Promise<void> {
  await tx.query(
    `insert into application_ledger_rows (org_id, row_key, case_id, import_id, sheet, row_number, ledger_no) values ($1, $2, $3, $4, $5, $6, $7)`,
    [r.orgId, r.rowKey, r.caseId, r.importId, r.sheet, r.row, r.ledgerNo],
  );
}

/** The cases of earlier imported rows, as the planner needs them (locked when `lock`). */
export async function loadCasesForLedger(
  db: Queryable,
  ids: readonly number[],
  lock: boolean,
): Promise<Map<number, { state: string; channel: string; submittedOn: string; receivedOn: string | null; concludedOn: string | null; outcome: string | null; receiptNo: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: number; state: string; channel: string; submitted_on: string; received_on: string | null; concluded_on: string | null; outcome: string | null; receipt_no: string }>(
    `select id, state, channel, submitted_on, received_on, concluded_on, outcome, receipt_no from applications where id = any($1::bigint[]) order by id${lock ? ' for update' : ''}`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, { state: r.state, channel: r.channel, submittedOn: r.submitted_on, receivedOn: r.received_on, concludedOn: r.concluded_on, outcome: r.outcome, receiptNo: r.receipt_no }]),
  );
}
