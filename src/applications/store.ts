// Every SQL statement of the application case system, with the row-to-object mapping.
import type { Queryable } from '../core/db/database.ts';
import { CONCLUDED_STATES } from './rules/transitions.ts';
import { CASE_STATES, type ApplicationInput, type Applicant, type ApplicantColumn, type Attachment, type Case, type CaseEvent, type CaseState } from './model.ts';
import type { NewEvent, StoredEvent } from './rules/case-events.ts';
import type { Table3Count } from './rules/table3.ts';
import type { SubmissionChannel } from './rules/receipt.ts';

interface CaseRow {
  id: number;
  org_id: number;
  receipt_no: string;
  state: CaseState;
  channel: SubmissionChannel;
  submitted_at: Date;
  submitted_on: string;
  received_on: string | null;
  concluded_on: string | null;
  outcome: string | null;
  applicant_kind: Case['applicantKind'];
  applicant_column: ApplicantColumn;
  info_title: string;
  info_doc_number: string;
  info_description: string;
  form_wanted: Case['formWanted'];
  delivery: Case['delivery'];
  handler_user_id: number | null;
  handler_name: string | null;
  updated_at: Date;
}

const CASE_SELECT = `select a.*, u.display_name as handler_name from applications a left join users u on u.id = a.handler_user_id`;

function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    orgId: r.org_id,
    receiptNo: r.receipt_no,
    state: r.state,
    channel: r.channel,
    submittedAt: new Date(r.submitted_at).toISOString(),
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    concludedOn: r.concluded_on,
    outcome: r.outcome,
    applicantKind: r.applicant_kind,
    applicantColumn: r.applicant_column,
    infoTitle: r.info_title,
    infoDocNumber: r.info_doc_number,
    infoDescription: r.info_description,
    formWanted: r.form_wanted,
    delivery: r.delivery,
    handlerUserId: r.handler_user_id,
    handlerName: r.handler_name,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

// ── Receipt numbers ─────────────────────────────────────────────────────────

/**
 * Locks the organization's counter row for the year (creating it), in one statement, so that
 * submissions to one organization are serialized across processes until the transaction ends.
 */
export async function lockReceiptCounter(tx: Queryable, orgId: number, year: number): Promise<void> {
  await tx.query(
    `insert into application_counters (org_id, year, n) values ($1, $2, 0)
     on conflict (org_id, year) do update set n = application_counters.n`,
    [orgId, year],
  );
}

/**
 * 接收回执编号 as SQL, drawn where the number is drawn: the organization's code and the year
 * (`prefix`, "QS-ZRZY-2026-"), then the counter of that year, at least five digits.
 */
const receiptNoSql = (prefix: string, n: string) => `${prefix} || lpad(${n}::text, greatest(5, length(${n}::text)), '0')`;

/** The next receipt number of the organization's year (the caller holds the counter's lock). Rolled back with the transaction. */
export async function nextReceiptNo(tx: Queryable, org: { id: number; code: string }, year: number): Promise<string> {
  const [r] = await tx.query<{ receipt_no: string }>(
    `update application_counters set n = n + 1 where org_id = $1 and year = $2 returning ${receiptNoSql('$3', 'n')} as receipt_no`,
    [org.id, year, `${org.code}-${year}-`],
  );
  return r!.receipt_no;
}

export interface IntakeRow {
  /** The application stored before with the same key, or the same content within a day. */
  duplicateId: number | null;
  /** The applicant's applications to the organization in the last 24 hours, counted up to the limit. */
  recent: number;
  /** The new case, unless a duplicate or the limit stopped it. */
  caseId: number | null;
  /** Its receipt number (接收回执编号). */
  receiptNo: string | null;
  /** Its first event. */
  eventId: number | null;
}

/**
 * One statement for a new application (the caller holds the counter's lock, so it sees every
 * earlier submission): the duplicate check, the applicant's count of the last 24 hours (stopped at
 * `limit`: bounded work), and, when neither stops it, the next receipt number drawn from the
 * counter (so a duplicate or a refusal takes none), the case, its applicant
 * and its first event. Depends on no earlier statement's answer: a group sends several at once.
 */
export async function insertCaseUnlessDuplicate(
  tx: Queryable,
  c: Omit<NewCase, 'receiptNo'> & {
    orgCode: string;
    year: number;
    applicant: Applicant;
    applicantKey: string;
    event: NewEvent;
    actor: { userId: number | null; name: string };
    limit: number | null;
  },
): Promise<IntakeRow> {
  const [r] = await tx.query<{ duplicate_id: number | null; recent: number; case_id: number | null; receipt_no: string | null; event_id: number | null }>(
    `with dup as (
       select id from applications where org_id = $1 and (submission_key = $14 or (fingerprint = $15 and submitted_at > now() - interval '1 day'))
       order by id limit 1),
     recent as (
       select count(*)::int as n from (
         select 1 from application_applicants p join applications a on a.id = p.case_id
         where p.org_id = $1 and p.applicant_key = $28 and a.submitted_at >= now() - interval '1 day' limit $29::int) x),
     drawn as (
       update application_counters set n = n + 1
       where org_id = $1 and year = $36 and not exists (select 1 from dup) and ($29::int is null or (select n from recent) < $29::int)
       returning n),
     c as (
       insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, applicant_kind, applicant_column,
         info_title, info_doc_number, info_description, form_wanted, delivery, submission_key, fingerprint, submitted_at)
       select $1, ${receiptNoSql('$2', 'n')}, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
         coalesce($16::timestamptz, now())
       from drawn
       returning id, receipt_no),
     p as (
       insert into application_applicants (case_id, org_id, kind, name, id_type, id_number, credit_code, legal_representative, contact_person,
         phone, email, address, postal_code, applicant_key)
       select c.id, $1, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28 from c),
     e as (
       insert into application_events (org_id, case_id, kind, on_date, actor_user_id, actor_name, data, note)
       select $1, c.id, $30, $31, $32, $33, $34, $35 from c returning id)
     select (select id from dup) as duplicate_id, (select n from recent) as recent, (select id from c) as case_id,
            (select receipt_no from c) as receipt_no, (select id from e) as event_id`,
    [
      c.orgId, `${c.orgCode}-${c.year}-`, c.state, c.channel, c.submittedOn, c.receivedOn, c.input.applicantKind, c.applicantColumn,
      c.input.infoTitle, c.input.infoDocNumber, c.input.infoDescription, c.input.formWanted, c.input.delivery, c.submissionKey, c.fingerprint,
      c.submittedAt ?? null,
      c.applicant.kind, c.applicant.name, c.applicant.idType, c.applicant.idNumber, c.applicant.creditCode, c.applicant.legalRepresentative,
      c.applicant.contactPerson, c.applicant.phone, c.applicant.email, c.applicant.address, c.applicant.postalCode, c.applicantKey,
      c.limit,
      c.event.kind, c.event.onDate, c.actor.userId, c.actor.name, c.event.data, c.event.note ?? '',
      c.year,
    ],
  );
  return { duplicateId: r!.duplicate_id, recent: r!.recent, caseId: r!.case_id, receiptNo: r!.receipt_no, eventId: r!.event_id };
}

// ── Cases ────────────────────────────────────────────────────────────────────

export interface NewCase {
  orgId: number;
  receiptNo: string;
  state: CaseState;
  channel: SubmissionChannel;
  submittedOn: string;
  receivedOn: string | null;
  input: ApplicationInput;
  applicantColumn: ApplicantColumn;
  submissionKey: string | null;
  fingerprint: string;
  /** When it was submitted; now unless given (cases imported from a ledger: the day they were submitted). */
  submittedAt?: Date | null;
}

export async function insertCase(tx: Queryable, c: NewCase): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, applicant_kind, applicant_column,
       info_title, info_doc_number, info_description, form_wanted, delivery, submission_key, fingerprint, submitted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce($16::timestamptz, now())) returning id`,
    [
      c.orgId, c.receiptNo, c.state, c.channel, c.submittedOn, c.receivedOn, c.input.applicantKind, c.applicantColumn,
      c.input.infoTitle, c.input.infoDocNumber, c.input.infoDescription, c.input.formWanted, c.input.delivery, c.submissionKey, c.fingerprint,
      c.submittedAt ?? null,
    ],
  );
  return r!.id;
}

export async function insertApplicant(tx: Queryable, caseId: number, orgId: number, a: Applicant, applicantKey: string): Promise<void> {
  await tx.query(
    `insert into application_applicants (case_id, org_id, kind, name, id_type, id_number, credit_code, legal_representative, contact_person,
       phone, email, address, postal_code, applicant_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [caseId, orgId, a.kind, a.name, a.idType, a.idNumber, a.creditCode, a.legalRepresentative, a.contactPerson, a.phone, a.email, a.address, a.postalCode, applicantKey],
  );
}

export async function findCase(db: Queryable, id: number): Promise<Case | undefined> {
  const [r] = await db.query<CaseRow>(`${CASE_SELECT} where a.id = $1`, [id]);
  return r && toCase(r);
}

/** Several cases by id, in one statement. */
export async function findCases(db: Queryable, ids: readonly number[]): Promise<Map<number, Case>> {
  const rows = ids.length ? await db.query<CaseRow>(`${CASE_SELECT} where a.id = any($1::bigint[])`, [ids]) : [];
  return new Map(rows.map((r) => [Number(r.id), toCase(r)]));
}

export async function findCaseByReceiptNo(db: Queryable, receiptNo: string): Promise<Case | undefined> {
  const [r] = await db.query<CaseRow>(`${CASE_SELECT} where a.receipt_no = $1`, [receiptNo]);
  return r && toCase(r);
}

/** The organization a case belongs to (organization scope of :caseId). */
export async function caseOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>('select org_id from applications where id = $1', [id]);
  return r?.org_id ?? null;
}

/** Locks the case row for the rest of the transaction (read-modify-write). */
export async function lockCase(tx: Queryable, id: number): Promise<Case | undefined> {
  await tx.query('select id from applications where id = $1 for update', [id]);
  return findCase(tx, id);
}

export async function updateCaseState(
  tx: Queryable,
  id: number,
  state: CaseState,
  set: { receivedOn?: string; concludedOn?: string; outcome?: string },
): Promise<void> {
  await tx.query(
    `update applications set state = $2,
       received_on = coalesce($3::date, received_on), concluded_on = coalesce($4::date, concluded_on), outcome = coalesce($5, outcome),
       updated_at = now()
     where id = $1`,
    [id, state, set.receivedOn ?? null, set.concludedOn ?? null, set.outcome ?? null],
  );
}

export async function setCaseDescription(tx: Queryable, id: number, description: string): Promise<void> {
  await tx.query('update applications set info_description = $2, updated_at = now() where id = $1', [id, description]);
}

export async function setHandler(tx: Queryable, id: number, userId: number | null): Promise<void> {
  await tx.query('update applications set handler_user_id = $2, updated_at = now() where id = $1', [id, userId]);
}

/**
 * 国办函〔2020〕109号第四条 “同一申请人一个自然月内累计申请”: the place of this case among the
 * applicant's applications to the organization submitted in the same calendar month.
 */
export async function placeInApplicantMonth(db: Queryable, caseId: number): Promise<{ place: number; monthTotal: number }> {
  const [r] = await db.query<{ place: number; total: number }>(
    `with me as (
       select a.id, a.org_id, date_trunc('month', a.submitted_on) as m, p.applicant_key from applications a
       join application_applicants p on p.case_id = a.id where a.id = $1)
     select count(*) filter (where a.id <= me.id)::int as place, count(*)::int as total
     from me join application_applicants p on p.org_id = me.org_id and p.applicant_key = me.applicant_key
     join applications a on a.id = p.case_id and date_trunc('month', a.submitted_on) = me.m`,
    [caseId],
  );
  return { place: r?.place ?? 1, monthTotal: r?.total ?? 1 };
}

/** The states in which a case is over (replied or ended otherwise), as an SQL list. */
const CONCLUDED_SQL = `(${CONCLUDED_STATES.map((x) => `'${x}'`).join(', ')})`;

export interface CaseFilter {
  /** 'open': not concluded; 'concluded': replied or ended otherwise. */
  state?: CaseState | 'open' | 'concluded' | null;
  handlerUserId?: number | null;
  receiptNo?: string | null;
  /** Received in this calendar year (the yearly assessment's overdue replies). */
  receivedInYear?: number | null;
  /** At most this many, newest first (default 500); null for every matching case. */
  limit?: number | null;
}

/** Cases of an organization per state (states without cases are absent). */
export async function countCasesByState(db: Queryable, orgId: number): Promise<Partial<Record<CaseState, number>>> {
  const rows = await db.query<{ state: CaseState; n: number }>('select state, count(*)::int as n from applications where org_id = $1 group by state', [orgId]);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Open cases whose latest extension event is a request: waiting for the head's decision. */
export async function countPendingExtensions(db: Queryable, orgId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from applications a
     where a.org_id = $1 and a.state not in ${CONCLUDED_SQL}
       and (select e.kind from application_events e where e.case_id = a.id and e.kind in ('extension_requested', 'extension_rejected', 'extended')
            order by e.id desc limit 1) = 'extension_requested'`,
    [orgId],
  );
  return row?.n ?? 0;
}

export async function listCases(db: Queryable, orgId: number, f: CaseFilter = {}): Promise<Case[]> {
  const params: unknown[] = [orgId];
  const where = ['a.org_id = $1'];
  if (f.state === 'open') where.push(`a.state not in ${CONCLUDED_SQL}`);
  else if (f.state === 'concluded') where.push(`a.state in ${CONCLUDED_SQL}`);
  else if (f.state) where.push(`a.state = $${params.push(f.state)}`);
  if (f.handlerUserId) where.push(`a.handler_user_id = $${params.push(f.handlerUserId)}`);
  if (f.receiptNo) where.push(`a.receipt_no = $${params.push(f.receiptNo)}`);
  if (f.receivedInYear) where.push(`a.received_on between $${params.push(`${f.receivedInYear}-01-01`)}::date and $${params.push(`${f.receivedInYear}-12-31`)}::date`);
  const limit = f.limit === null ? '' : ` limit $${params.push(f.limit ?? 500)}`;
  const rows = await db.query<CaseRow>(`${CASE_SELECT} where ${where.join(' and ')} order by a.id desc${limit}`, params);
  return rows.map(toCase);
}

/** An open case as the clock needs it (the region dashboard computes many at once). */
export interface OpenCaseClockFacts {
  id: number;
  orgId: number;
  state: CaseState;
  receivedOn: string | null;
  concludedOn: string | null;
  events: StoredEvent[];
}

/**
 * Every open case (not concluded, as listCases' 'open') of the organizations, with the events the
 * clock reads (each case's in order), in one statement for all of them.
 */
export async function listOpenCasesWithEvents(db: Queryable, orgIds: readonly number[]): Promise<OpenCaseClockFacts[]> {
  if (orgIds.length === 0) return [];
  // Agency by agency (a lateral subquery kept apart by "offset 0") with the open states listed: the
  // (org_id, state) index finds the few open cases of each without reading its concluded ones, where a
  // plan over the whole region would scan the table; each case's events by the (case_id, id) index, also
  // kept apart, so that the generic plan of the prepared statement (its array's size unknown) cannot
  // turn them into a scan of every event per agency.
  const open = CASE_STATES.filter((x) => !CONCLUDED_STATES.includes(x));
  const rows = await db.query<{
    id: number; org_id: number; state: CaseState; received_on: string | null; concluded_on: string | null;
    kind: string | null; on_date: string | null; data: Record<string, unknown> | null;
  }>(
    `select a.id, a.org_id, a.state, a.received_on, a.concluded_on, e.kind, e.on_date, e.data
     from unnest($1::bigint[]) as o(id)
     cross join lateral (select a.id, a.org_id, a.state, a.received_on, a.concluded_on from applications a
                         where a.org_id = o.id and a.state = any($2::text[]) offset 0) a
     left join lateral (select e.id, e.kind, e.on_date, e.data from application_events e where e.case_id = a.id offset 0) e on true
     order by a.id, e.id`,
    [orgIds, open],
  );
  const out: OpenCaseClockFacts[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    let c = out.at(-1);
    if (c?.id !== id) {
      c = { id, orgId: Number(r.org_id), state: r.state, receivedOn: r.received_on, concludedOn: r.concluded_on, events: [] };
      out.push(c);
    }
    if (r.kind !== null) c.events.push({ kind: r.kind, onDate: r.on_date!, data: r.data ?? {} });
  }
  return out;
}

// ── Personal data (staff only) ───────────────────────────────────────────────

interface ApplicantRow {
  kind: Applicant['kind'];
  name: string;
  id_type: string;
  id_number: string;
  credit_code: string;
  legal_representative: string;
  contact_person: string;
  phone: string;
  email: string;
  address: string;
  postal_code: string;
  applicant_key: string;
}

export async function findApplicant(db: Queryable, caseId: number): Promise<(Applicant & { applicantKey: string }) | undefined> {
  const [r] = await db.query<ApplicantRow>('select * from application_applicants where case_id = $1', [caseId]);
  return (
    r && {
      kind: r.kind,
      name: r.name,
      idType: r.id_type,
      idNumber: r.id_number,
      creditCode: r.credit_code,
      legalRepresentative: r.legal_representative,
      contactPerson: r.contact_person,
      phone: r.phone,
      email: r.email,
      address: r.address,
      postalCode: r.postal_code,
      applicantKey: r.applicant_key,
    }
  );
}

// ── Events ───────────────────────────────────────────────────────────────────

interface EventRow {
  id: number;
  case_id: number;
  kind: string;
  on_date: string;
  at: Date;
  actor_user_id: number | null;
  actor_name: string;
  data: Record<string, unknown>;
  note: string;
}

const toEvent = (r: EventRow): CaseEvent => ({
  id: r.id,
  kind: r.kind,
  onDate: r.on_date,
  at: new Date(r.at).toISOString(),
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  data: r.data ?? {},
  note: r.note,
});

export async function insertEvent(tx: Queryable, orgId: number, caseId: number, e: NewEvent, actor: { userId: number | null; name: string }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into application_events (org_id, case_id, kind, on_date, actor_user_id, actor_name, data, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [orgId, caseId, e.kind, e.onDate, actor.userId, actor.name, e.data, e.note ?? ''],
  );
  return r!.id;
}

export async function listEvents(db: Queryable, caseId: number): Promise<CaseEvent[]> {
  const rows = await db.query<EventRow>('select * from application_events where case_id = $1 order by id', [caseId]);
  return rows.map(toEvent);
}

/** The events of many cases at once (case lists compute every clock). */
export async function listEventsOfCases(db: Queryable, caseIds: number[]): Promise<Map<number, CaseEvent[]>> {
  const out = new Map<number, CaseEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const rows = await db.query<EventRow>('select * from application_events where case_id = any($1::bigint[]) order by id', [caseIds]);
  for (const r of rows) out.get(r.case_id)?.push(toEvent(r));
  return out;
}

// ── Attachments ──────────────────────────────────────────────────────────────

export interface NewAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

export async function insertAttachment(tx: Queryable, orgId: number, caseId: number, a: NewAttachment): Promise<void> {
  await tx.query(
    `insert into application_attachments (org_id, case_id, file_name, content_type, size, sha256, content) values ($1, $2, $3, $4, $5, $6, $7)`,
    [orgId, caseId, a.fileName, a.contentType, a.content.length, a.sha256, a.content],
  );
}

export async function listAttachments(db: Queryable, caseId: number): Promise<Attachment[]> {
  const rows = await db.query<{ id: number; file_name: string; content_type: string; size: number }>(
    'select id, file_name, content_type, size from application_attachments where case_id = $1 order by id',
    [caseId],
  );
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size }));
}

export async function findAttachmentContent(db: Queryable, caseId: number, id: number): Promise<(Attachment & { content: Buffer }) | undefined> {
  const [r] = await db.query<{ id: number; file_name: string; content_type: string; size: number; content: Uint8Array }>(
    'select id, file_name, content_type, size, content from application_attachments where case_id = $1 and id = $2',
    [caseId, id],
  );
  return r && { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, content: Buffer.from(r.content) };
}

// ── Staff of the organization ────────────────────────────────────────────────

/** Staff who may handle cases of the organization (依申请办理人 and 机关负责人). */
export async function listCaseHandlers(db: Queryable, orgId: number): Promise<{ id: number; displayName: string }[]> {
  const rows = await db.query<{ id: number; display_name: string }>(
    `select distinct u.id, u.display_name from users u join user_roles r on r.user_id = u.id
     where u.org_id = $1 and r.role in ('handler', 'head') and not u.disabled order by u.id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

// ── Table 3 ──────────────────────────────────────────────────────────────────

/**
 * Table 3 counts of one organization and year with one aggregate (see rules/table3.ts for the
 * rule: received by the end of the year, not concluded before it).
 */
export async function table3Counts(db: Queryable, orgId: number, year: number): Promise<Table3Count[]> {
  const rows = await db.query<{ col: ApplicantColumn; is_new: boolean; outcome: string | null; n: number }>(
    `select applicant_column as col, received_on >= $2::date as is_new,
            case when concluded_on <= $3::date then coalesce(outcome, 'other.other') end as outcome, count(*)::int as n
     from applications
     where org_id = $1 and received_on is not null and received_on <= $3::date and (concluded_on is null or concluded_on >= $2::date)
     group by 1, 2, 3`,
    [orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => ({ column: r.col, isNew: r.is_new, outcome: r.outcome, n: r.n }));
}

// ── Letter templates (letter_templates) ──────────────────────────────────────

export interface StoredTemplate {
  kind: string;
  variant: string;
  body: string;
  updatedByName: string;
  updatedAt: string;
}

export async function listTemplates(db: Queryable, orgId: number): Promise<StoredTemplate[]> {
  const rows = await db.query<{ kind: string; variant: string; body: string; updated_by_name: string; updated_at: Date }>(
    'select kind, variant, body, updated_by_name, updated_at from letter_templates where org_id = $1 order by kind, variant',
    [orgId],
  );
  return rows.map((r) => ({ kind: r.kind, variant: r.variant, body: r.body, updatedByName: r.updated_by_name, updatedAt: new Date(r.updated_at).toISOString() }));
}

/** Locks the organization's template row (if any) and returns it. */
export async function lockTemplate(tx: Queryable, orgId: number, kind: string, variant: string): Promise<StoredTemplate | undefined> {
  const [r] = await tx.query<{ kind: string; variant: string; body: string; updated_by_name: string; updated_at: Date }>(
    'select kind, variant, body, updated_by_name, updated_at from letter_templates where org_id = $1 and kind = $2 and variant = $3 for update',
    [orgId, kind, variant],
  );
  return r && { kind: r.kind, variant: r.variant, body: r.body, updatedByName: r.updated_by_name, updatedAt: new Date(r.updated_at).toISOString() };
}

export async function upsertTemplate(tx: Queryable, orgId: number, kind: string, variant: string, body: string, actor: { userId: number | null; name: string }): Promise<void> {
  await tx.query(
    `insert into letter_templates (org_id, kind, variant, body, updated_by, updated_by_name, updated_at) values ($1, $2, $3, $4, $5, $6, now())
     on conflict (org_id, kind, variant) do update set body = excluded.body, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name, updated_at = now()`,
    [orgId, kind, variant, body, actor.userId, actor.name],
  );
}

export async function deleteTemplate(tx: Queryable, orgId: number, kind: string, variant: string): Promise<void> {
  await tx.query('delete from letter_templates where org_id = $1 and kind = $2 and variant = $3', [orgId, kind, variant]);
}

// ── Issued letters (application_letters, application_letter_files) ──────────

export interface IssuedLetter {
  id: number;
  caseId: number;
  kind: string;
  eventId: number;
  issuedOn: string;
  letter: Record<string, unknown>;
  createdAt: string;
}

export interface LetterFileRow {
  fileName: string;
  content: Buffer;
  sha256: string;
  size: number;
  createdAt: string;
}

export async function insertIssuedLetter(
  tx: Queryable,
  l: { orgId: number; caseId: number; kind: string; eventId: number; issuedOn: string; letter: object },
): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into application_letters (org_id, case_id, kind, event_id, issued_on, letter) values ($1, $2, $3, $4, $5, $6) returning id`,
    [l.orgId, l.caseId, l.kind, l.eventId, l.issuedOn, l.letter],
  );
  return r!.id;
}

/** Stores a file of an issued letter once: a second attempt (two first downloads at once) keeps the first. */
export async function insertLetterFile(
  tx: Queryable,
  f: { orgId: number; caseId: number; letterId: number; kind: string; format: 'docx' | 'pdf'; fileName: string; content: Buffer; sha256: string },
): Promise<void> {
  await tx.query(
    `insert into application_letter_files (org_id, case_id, letter_id, kind, format, file_name, content, size, sha256)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (letter_id, format) do nothing`,
    [f.orgId, f.caseId, f.letterId, f.kind, f.format, f.fileName, f.content, f.content.length, f.sha256],
  );
}

type IssuedRow = { id: number; case_id: number; kind: string; event_id: number; issued_on: string; letter: Record<string, unknown>; created_at: Date };
const toIssued = (r: IssuedRow): IssuedLetter => ({ id: r.id, caseId: r.case_id, kind: r.kind, eventId: r.event_id, issuedOn: r.issued_on, letter: r.letter, createdAt: new Date(r.created_at).toISOString() });

/** The latest issued letter of a kind (a case may consult twice: the last one). */
export async function findIssuedLetter(db: Queryable, caseId: number, kind: string): Promise<IssuedLetter | undefined> {
  const [r] = await db.query<IssuedRow>('select * from application_letters where case_id = $1 and kind = $2 order by id desc limit 1', [caseId, kind]);
  return r && toIssued(r);
}

export async function listIssuedLetters(db: Queryable, caseId: number): Promise<(IssuedLetter & { formats: string[] })[]> {
  const rows = await db.query<IssuedRow & { formats: string[] | null }>(
    `select l.*, (select array_agg(f.format order by f.format) from application_letter_files f where f.letter_id = l.id) as formats
     from application_letters l where l.case_id = $1 order by l.id`,
    [caseId],
  );
  return rows.map((r) => ({ ...toIssued(r), formats: r.formats ?? [] }));
}

export async function findLetterFile(db: Queryable, letterId: number, format: 'docx' | 'pdf'): Promise<LetterFileRow | undefined> {
  const [r] = await db.query<{ file_name: string; content: Uint8Array; sha256: string; size: number; created_at: Date }>(
    'select file_name, content, sha256, size, created_at from application_letter_files where letter_id = $1 and format = $2',
    [letterId, format],
  );
  return r && { fileName: r.file_name, content: Buffer.from(r.content), sha256: r.sha256, size: r.size, createdAt: new Date(r.created_at).toISOString() };
}

// ── Letter jobs (0031): the DOCX of an issued letter, rendered after the step's commit ──────────

/** Queues the DOCX of a letter just issued (in the issuing transaction). */
export async function insertLetterJob(tx: Queryable, j: { letterId: number; orgId: number; caseId: number }): Promise<void> {
  await tx.query('insert into letter_jobs (letter_id, org_id, case_id) values ($1, $2, $3) on conflict do nothing', [j.letterId, j.orgId, j.caseId]);
}

/**
 * Claims up to `limit` due jobs for `leaseSeconds`: skip locked, so processes claiming at the same
 * time get different jobs; the lease (run_after moved on) keeps them from others until it ends.
 */
export async function claimLetterJobs(db: Queryable, limit: number, leaseSeconds: number): Promise<number[]> {
  const rows = await db.query<{ letter_id: number }>(
    `update letter_jobs set run_after = now() + make_interval(secs => $2::float8), attempts = attempts + 1
     where letter_id in (select letter_id from letter_jobs where run_after <= now() order by run_after, letter_id limit $1 for update skip locked)
     returning letter_id`,
    [limit, leaseSeconds],
  );
  return rows.map((r) => r.letter_id).sort((a, b) => a - b);
}

/** Done: the file is stored (in the same transaction). */
export async function deleteLetterJob(tx: Queryable, letterId: number): Promise<void> {
  await tx.query('delete from letter_jobs where letter_id = $1', [letterId]);
}

/** How many times a letter's job has been claimed (the retry waits longer each time). */
export async function letterJobAttempts(db: Queryable, letterId: number): Promise<number> {
  const [row] = await db.query<{ attempts: number }>('select attempts from letter_jobs where letter_id = $1', [letterId]);
  return row?.attempts ?? 1;
}

/** A render that failed: tried again after `retrySeconds`, the reason kept for the administrator. */
export async function postponeLetterJob(db: Queryable, letterId: number, error: string, retrySeconds: number): Promise<void> {
  await db.query(`update letter_jobs set run_after = now() + make_interval(secs => $3::float8), last_error = $2 where letter_id = $1`, [letterId, error.slice(0, 2000), retrySeconds]);
}

export async function findIssuedLetterById(db: Queryable, letterId: number): Promise<(IssuedLetter & { orgId: number }) | undefined> {
  const [r] = await db.query<IssuedRow & { org_id: number }>('select * from application_letters where id = $1', [letterId]);
  return r && { ...toIssued(r), orgId: r.org_id };
}
