// Every SQL statement of the messages module, with the row-to-object mapping.
import type { Queryable } from '../core/db/database.ts';
import type { Category, Message, MessageState, Rating, Transfer, Attachment, Box, Channel } from './model.ts';
import { CATEGORIES } from './model.ts';

interface MessageRow {
  id: number; org_id: number; addressed_org_id: number; category: Category; box: Box; channel: Channel; subject: string; content: string;
  contact_name: string; contact_phone: string; contact_email: string; consent_publish: boolean; has_code: boolean;
  received_on: string; clock_start_on: string; due_on: string | null; state: MessageState; reply_text: string;
  reply_drafted_by: string | null; reply_drafted_on: string | null; reply_returned_reason: string | null; reply_signed_by: string | null;
  answered_on: string | null; closed_on: string | null; close_reason: string; merged_into_id: number | null; split_from_id: number | null;
  converted_case_id: number | null; converted_receipt_no: string | null; published: boolean; published_on: string | null;
  published_subject: string | null; published_content: string | null; published_reply: string | null; rating: Rating | null; rated_on: string | null;
}

const SELECT = `select id, org_id, addressed_org_id, category, box, channel, subject, content, contact_name, contact_phone, contact_email,
  consent_publish, query_code_hash is not null as has_code, received_on, clock_start_on, due_on, state, reply_text, reply_drafted_by,
  reply_drafted_on, reply_returned_reason, reply_signed_by, answered_on, closed_on, close_reason, merged_into_id, split_from_id,
  converted_case_id, converted_receipt_no, published, published_on, published_subject, published_content, published_reply, rating, rated_on
  from interaction_messages`;

function toMessage(r: MessageRow): Message {
  return {
    id: r.id, orgId: r.org_id, addressedOrgId: r.addressed_org_id, category: r.category, box: r.box, channel: r.channel, subject: r.subject, content: r.content,
    contact: { name: r.contact_name, phone: r.contact_phone, email: r.contact_email }, consentPublish: r.consent_publish, hasQueryCode: r.has_code,
    receivedOn: r.received_on, clockStartOn: r.clock_start_on, dueOn: r.due_on, state: r.state, replyText: r.reply_text,
    replyDraftedBy: r.reply_drafted_by, replyDraftedOn: r.reply_drafted_on, replyReturnedReason: r.reply_returned_reason, replySignedBy: r.reply_signed_by,
    answeredOn: r.answered_on, closedOn: r.closed_on, closeReason: r.close_reason, mergedIntoId: r.merged_into_id, splitFromId: r.split_from_id,
    convertedCaseId: r.converted_case_id, convertedReceiptNo: r.converted_receipt_no, published: r.published, publishedOn: r.published_on,
    publishedSubject: r.published_subject, publishedContent: r.published_content, publishedReply: r.published_reply, rating: r.rating, ratedOn: r.rated_on,
  };
}

export async function findMessage(db: Queryable, id: number): Promise<Message | undefined> {
  const [r] = await db.query<MessageRow>(`${SELECT} where id = $1`, [id]);
  return r && toMessage(r);
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function lockMessage(tx: Queryable, id: number): Promise<Message | undefined> {
  await tx.query('select id from interaction_messages where id = $1 for update', [id]);
  return findMessage(tx, id);
}

export async function messageOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>('select org_id from interaction_messages where id = $1', [id]);
  return r?.org_id ?? null;
}

export async function findByQueryCodeHash(db: Queryable, hash: string): Promise<Message | undefined> {
  const [r] = await db.query<MessageRow>(`${SELECT} where query_code_hash = $1`, [hash]);
  return r && toMessage(r);
}

export async function findBySubmissionKey(db: Queryable, key: string): Promise<number | null> {
  const [r] = await db.query<{ id: number }>('select id from interaction_messages where submission_key = $1', [key]);
  return r?.id ?? null;
}

export interface NewMessage {
  orgId: number;
  category: Category;
  box: Box;
  channel: Channel;
  subject: string;
  content: string;
  contact: { name: string; phone: string; email: string };
  consentPublish: boolean;
  queryCodeHash: string | null;
  submissionKey: string | null;
  receivedOn: string;
  dueOn: string | null;
  splitFromId?: number | null;
}

export async function insertMessage(tx: Queryable, m: NewMessage): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into interaction_messages (org_id, addressed_org_id, category, box, channel, subject, content, contact_name, contact_phone, contact_email,
       consent_publish, query_code_hash, submission_key, received_on, clock_start_on, due_on, split_from_id)
     values ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) returning id`,
    [m.orgId, m.category, m.box, m.channel, m.subject, m.content, m.contact.name, m.contact.phone, m.contact.email, m.consentPublish, m.queryCodeHash, m.submissionKey, m.receivedOn, m.dueOn, m.splitFromId ?? null],
  );
  return r!.id;
}

/** The columns a command may set, by field name. */
const COLUMNS = {
  orgId: 'org_id', category: 'category', state: 'state', clockStartOn: 'clock_start_on', dueOn: 'due_on', replyText: 'reply_text', replyDraftedBy: 'reply_drafted_by',
  replyDraftedOn: 'reply_drafted_on', replyReturnedReason: 'reply_returned_reason', replySignedBy: 'reply_signed_by', answeredOn: 'answered_on',
  closedOn: 'closed_on', closeReason: 'close_reason', mergedIntoId: 'merged_into_id', convertedCaseId: 'converted_case_id',
  convertedReceiptNo: 'converted_receipt_no', published: 'published', publishedOn: 'published_on', publishedSubject: 'published_subject',
  publishedContent: 'published_content', publishedReply: 'published_reply', rating: 'rating', ratedOn: 'rated_on', content: 'content',
} as const;
export type MessagePatch = Partial<Record<keyof typeof COLUMNS, unknown>>;

export async function updateMessage(tx: Queryable, id: number, patch: MessagePatch): Promise<void> {
  const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
  if (!keys.length) return;
  await tx.query(`update interaction_messages set ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')} where id = $1`, [id, ...keys.map((k) => patch[k])]);
}

export interface ListFilter {
  state?: 'open' | 'reply_drafted' | 'overdue' | 'done' | 'all';
  today: string;
}

/** The organization's messages, open ones first by due date. */
export async function listMessages(db: Queryable, orgId: number, f: ListFilter): Promise<Message[]> {
  const where =
    f.state === 'open' ? `and state in ('received', 'reply_drafted')`
      : f.state === 'reply_drafted' ? `and state = 'reply_drafted'`
        : f.state === 'overdue' ? `and state in ('received', 'reply_drafted') and due_on < $2::date`
          : f.state === 'done' ? `and state not in ('received', 'reply_drafted')`
            : '';
  const rows = await db.query<MessageRow>(
    `${SELECT} where org_id = $1 ${where} order by (state in ('received', 'reply_drafted')) desc, due_on nulls last, id desc limit 500`,
    f.state === 'overdue' ? [orgId, f.today] : [orgId],
  );
  return rows.map(toMessage);
}

export async function listPublished(db: Queryable, orgId: number, limit = 50): Promise<Message[]> {
  const rows = await db.query<MessageRow>(`${SELECT} where org_id = $1 and published order by published_on desc, id desc limit $2`, [orgId, limit]);
  return rows.map(toMessage);
}

/** Parts split off from a message and duplicates merged into it. */
export async function listRelated(db: Queryable, id: number): Promise<Message[]> {
  const rows = await db.query<MessageRow>(`${SELECT} where split_from_id = $1 or merged_into_id = $1 order by id`, [id]);
  return rows.map(toMessage);
}

export async function insertTransfer(tx: Queryable, t: { messageId: number; fromOrgId: number; toOrgId: number; reason: string; on: string; byName: string }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    'insert into interaction_transfers (message_id, from_org_id, to_org_id, reason, transferred_on, by_name) values ($1, $2, $3, $4, $5, $6) returning id',
    [t.messageId, t.fromOrgId, t.toOrgId, t.reason, t.on, t.byName],
  );
  return r!.id;
}

export async function listTransfers(db: Queryable, messageId: number): Promise<Transfer[]> {
  const rows = await db.query<{ id: number; from_org_id: number; from_name: string; to_org_id: number; to_name: string; reason: string; transferred_on: string; by_name: string }>(
    `select t.id, t.from_org_id, f.full_name as from_name, t.to_org_id, o.full_name as to_name, t.reason, t.transferred_on, t.by_name
     from interaction_transfers t join organizations f on f.id = t.from_org_id join organizations o on o.id = t.to_org_id
     where t.message_id = $1 order by t.id`,
    [messageId],
  );
  return rows.map((r) => ({ id: r.id, fromOrgId: r.from_org_id, fromOrgName: r.from_name, toOrgId: r.to_org_id, toOrgName: r.to_name, reason: r.reason, transferredOn: r.transferred_on, byName: r.by_name }));
}

export async function insertAttachment(tx: Queryable, orgId: number, messageId: number, a: { fileName: string; contentType: string; sha256: string; content: Buffer }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    'insert into interaction_attachments (org_id, message_id, file_name, content_type, size, sha256, content) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [orgId, messageId, a.fileName, a.contentType, a.content.length, a.sha256, a.content],
  );
  return r!.id;
}

export async function listAttachments(db: Queryable, messageId: number): Promise<Attachment[]> {
  const rows = await db.query<{ id: number; file_name: string; content_type: string; size: number }>(
    'select id, file_name, content_type, size from interaction_attachments where message_id = $1 order by id', [messageId],
  );
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size }));
}

export async function findAttachmentContent(db: Queryable, messageId: number, attachmentId: number): Promise<{ fileName: string; contentType: string; content: Buffer } | undefined> {
  const [r] = await db.query<{ file_name: string; content_type: string; content: Uint8Array }>(
    'select file_name, content_type, content from interaction_attachments where message_id = $1 and id = $2', [messageId, attachmentId],
  );
  return r && { fileName: r.file_name, contentType: r.content_type, content: Buffer.from(r.content) };
}

export async function loadDeadlineOverrides(db: Queryable, orgId: number): Promise<Partial<Record<Category, number>>> {
  const rows = await db.query<{ category: Category; working_days: number }>('select category, working_days from interaction_deadline_settings where org_id = $1', [orgId]);
  return Object.fromEntries(rows.map((r) => [r.category, r.working_days]));
}

export async function saveDeadlineSettings(tx: Queryable, orgId: number, days: Record<Category, number>): Promise<void> {
  for (const c of CATEGORIES) {
    await tx.query(
      `insert into interaction_deadline_settings (org_id, category, working_days) values ($1, $2, $3)
       on conflict (org_id, category) do update set working_days = excluded.working_days`,
      [orgId, c, days[c]],
    );
  }
}

export interface StatsRow {
  state: MessageState; receivedOn: string; dueOn: string | null; answeredOn: string | null; published: boolean; rating: Rating | null;
}

/** The records of messages the organization handles that were received between the dates (inclusive). */
export async function statsRecords(db: Queryable, orgId: number, from: string, to: string): Promise<StatsRow[]> {
  const rows = await db.query<{ state: MessageState; received_on: string; due_on: string | null; answered_on: string | null; published: boolean; rating: Rating | null }>(
    `select state, received_on, due_on, answered_on, published, rating from interaction_messages
     where org_id = $1 and received_on between $2::date and $3::date`,
    [orgId, from, to],
  );
  return rows.map((r) => ({ state: r.state, receivedOn: r.received_on, dueOn: r.due_on, answeredOn: r.answered_on, published: r.published, rating: r.rating }));
}

/** Organizations with messages received in the year (for the portal's summary). */
export async function orgsWithMessages(db: Queryable, from: string, to: string): Promise<number[]> {
  const rows = await db.query<{ org_id: number }>(
    `select distinct org_id from interaction_messages where received_on between $1::date and $2::date and state not in ('merged', 'invalid') order by org_id`, [from, to],
  );
  return rows.map((r) => r.org_id);
}

/** Open messages of the organization by state and due date, for the 待办. */
export async function openCounts(db: Queryable, orgId: number, today: string, soon: string): Promise<{ drafted: number; overdue: number; dueSoon: number }> {
  const [r] = await db.query<{ drafted: number; overdue: number; due_soon: number }>(
    `select count(*) filter (where state = 'reply_drafted')::int as drafted,
       count(*) filter (where due_on < $2::date)::int as overdue,
       count(*) filter (where due_on between $2::date and $3::date)::int as due_soon
     from interaction_messages where org_id = $1 and state in ('received', 'reply_drafted')`,
    [orgId, today, soon],
  );
  return { drafted: r!.drafted, overdue: r!.overdue, dueSoon: r!.due_soon };
}
