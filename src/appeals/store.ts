// Every SQL statement of the appeals register, with the row-to-object mapping. The 依申请公开 case
// an appeal concerns is found by its receipt number with SQL of our own (the domains do not import
// each other); only its id and applicant's name are read.
import type { Queryable } from '../core/db/database.ts';
import type { Appeal, AppealDocument, AppealInput, AppealKind, AppealOutcome, NewReplyOrder } from './model.ts';

interface AppealRow {
  id: number;
  org_id: number;
  kind: AppealKind;
  receipt_no: string;
  case_id: number | null;
  party: string;
  body: string;
  case_number: string;
  received_on: string;
  decided_on: string | null;
  outcome: AppealOutcome | null;
  note: string;
  new_reply_ordered_on: string | null;
  new_reply_due_on: string | null;
  doc_id: number | null;
  doc_file_name: string | null;
  doc_content_type: string | null;
  doc_size: number | null;
}

const SELECT = `select a.id, a.org_id, a.kind, a.receipt_no, a.case_id, a.party, a.body, a.case_number, a.received_on, a.decided_on,
  a.outcome, a.note, a.new_reply_ordered_on, a.new_reply_due_on, d.id as doc_id, d.file_name as doc_file_name, d.content_type as doc_content_type, d.size as doc_size
  from appeals a
  left join lateral (select id, file_name, content_type, size from appeal_documents where appeal_id = a.id order by id desc limit 1) d on true`;

function toAppeal(r: AppealRow): Appeal {
  const document: AppealDocument | null = r.doc_id === null ? null : { id: r.doc_id, fileName: r.doc_file_name!, contentType: r.doc_content_type!, size: r.doc_size! };
  return {
    id: r.id, orgId: r.org_id, kind: r.kind, receiptNo: r.receipt_no, caseId: r.case_id, party: r.party, body: r.body, caseNumber: r.case_number,
    receivedOn: r.received_on, decidedOn: r.decided_on, outcome: r.outcome, note: r.note, document,
    newReply: r.new_reply_ordered_on === null ? null : { orderedOn: r.new_reply_ordered_on, dueOn: r.new_reply_due_on },
  };
}

export async function findAppeal(db: Queryable, id: number): Promise<Appeal | undefined> {
  const [r] = await db.query<AppealRow>(`${SELECT} where a.id = $1`, [id]);
  return r && toAppeal(r);
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function lockAppeal(tx: Queryable, id: number): Promise<Appeal | undefined> {
  await tx.query('select id from appeals where id = $1 for update', [id]);
  return findAppeal(tx, id);
}

export async function appealOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>('select org_id from appeals where id = $1', [id]);
  return r?.org_id ?? null;
}

/** The records that belong to the table 4 of `year` (pending at some time in it), oldest first. */
export async function listAppealsOfYear(db: Queryable, orgId: number, year: number): Promise<Appeal[]> {
  const rows = await db.query<AppealRow>(
    `${SELECT} where a.org_id = $1 and a.received_on <= $3::date and (a.decided_on is null or a.decided_on >= $2::date)
     order by a.received_on, a.id`,
    [orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return rows.map(toAppeal);
}

/** The case of the organization with this receipt number, and its applicant's name. */
export async function findCaseByReceiptNo(db: Queryable, orgId: number, receiptNo: string): Promise<{ id: number; applicantName: string } | undefined> {
  const [r] = await db.query<{ id: number; name: string | null }>(
    `select c.id, p.name from applications c left join application_applicants p on p.case_id = c.id
     where c.org_id = $1 and c.receipt_no = $2`,
    [orgId, receiptNo],
  );
  return r && { id: r.id, applicantName: r.name ?? '' };
}

export async function insertAppeal(tx: Queryable, orgId: number, a: AppealInput, caseId: number | null): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into appeals (org_id, kind, receipt_no, case_id, party, body, case_number, received_on, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [orgId, a.kind, a.receiptNo, caseId, a.party, a.body, a.caseNumber, a.receivedOn, a.note],
  );
  return r!.id;
}

export async function updateAppealRecord(tx: Queryable, id: number, a: AppealInput, caseId: number | null): Promise<void> {
  await tx.query(
    `update appeals set kind = $2, receipt_no = $3, case_id = $4, party = $5, body = $6, case_number = $7, received_on = $8, note = $9, updated_at = now()
     where id = $1`,
    [id, a.kind, a.receiptNo, caseId, a.party, a.body, a.caseNumber, a.receivedOn, a.note],
  );
}

export async function setOutcome(tx: Queryable, id: number, decidedOn: string | null, outcome: AppealOutcome | null, newReply: NewReplyOrder | null = null): Promise<void> {
  await tx.query(
    'update appeals set decided_on = $2, outcome = $3, new_reply_ordered_on = $4, new_reply_due_on = $5, updated_at = now() where id = $1',
    [id, decidedOn, outcome, newReply?.orderedOn ?? null, newReply?.dueOn ?? null],
  );
}

/** The records that concern a 依申请公开 case, oldest first (the case page's panel). */
export async function listAppealsOfCase(db: Queryable, caseId: number): Promise<Appeal[]> {
  const rows = await db.query<AppealRow>(`${SELECT} where a.case_id = $1 order by a.received_on, a.id`, [caseId]);
  return rows.map(toAppeal);
}

/** Every record of the organization received by the end of `year` (or all), newest first: the CLI's list. */
export async function listAppeals(db: Queryable, orgId: number, year: number | null): Promise<Appeal[]> {
  const rows = year === null
    ? await db.query<AppealRow>(`${SELECT} where a.org_id = $1 order by a.received_on desc, a.id desc`, [orgId])
    : await db.query<AppealRow>(`${SELECT} where a.org_id = $1 and a.received_on <= $3::date and (a.decided_on is null or a.decided_on >= $2::date) order by a.received_on, a.id`, [orgId, `${year}-01-01`, `${year}-12-31`]);
  return rows.map(toAppeal);
}

export interface NewDocument {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

export async function insertDocument(tx: Queryable, orgId: number, appealId: number, d: NewDocument): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into appeal_documents (org_id, appeal_id, file_name, content_type, size, sha256, content) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [orgId, appealId, d.fileName, d.contentType, d.content.length, d.sha256, d.content],
  );
  return r!.id;
}

export async function findDocumentContent(db: Queryable, appealId: number): Promise<(AppealDocument & { content: Buffer }) | undefined> {
  const [r] = await db.query<{ id: number; file_name: string; content_type: string; size: number; content: Uint8Array }>(
    'select id, file_name, content_type, size, content from appeal_documents where appeal_id = $1 order by id desc limit 1',
    [appealId],
  );
  return r && { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, content: Buffer.from(r.content) };
}

export async function countAppeals(db: Queryable, orgId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from appeals where org_id = $1', [orgId]);
  return r!.n;
}
