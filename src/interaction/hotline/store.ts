// SQL of the 12345 work orders: the imports (file, layout) and the link of each 工单编号 to its message.
import type { Queryable } from '../../core/db/database.ts';
import type { Category, MessageState, Rating } from '../model.ts';

/** Namespace of the import's advisory lock (pg_advisory_xact_lock(ns, org id)): one import per organization at a time. */
export const HOTLINE_IMPORT_LOCK = 7520;

export async function lockOrgHotline(tx: Queryable, orgId: number): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::int, $2::int)', [HOTLINE_IMPORT_LOCK, orgId]);
}

/** An imported order as it stands: the link and what the message says now. */
export interface KnownOrder {
  orderId: number;
  orderNo: string;
  messageId: number;
  importId: number;
  state: MessageState;
  rating: Rating | null;
  answeredOnPlatform: boolean;
}

export async function findOrders(db: Queryable, orgId: number, orderNos: readonly string[]): Promise<Map<string, KnownOrder>> {
  if (!orderNos.length) return new Map();
  const rows = await db.query<{ id: number; order_no: string; message_id: number; import_id: number; state: MessageState; rating: Rating | null; answered_on_platform: boolean }>(
    `select h.id, h.order_no, h.message_id, h.import_id, m.state, m.rating, h.answered_on_platform
     from hotline_orders h join interaction_messages m on m.id = h.message_id
     where h.org_id = $1 and h.order_no = any($2::text[])`,
    [orgId, orderNos],
  );
  return new Map(rows.map((r) => [r.order_no, { orderId: Number(r.id), orderNo: r.order_no, messageId: Number(r.message_id), importId: Number(r.import_id), state: r.state, rating: r.rating, answeredOnPlatform: r.answered_on_platform }]));
}

export async function insertImport(tx: Queryable, i: { orgId: number; fileName: string; sha256: string; headers: string[]; on: string }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    'insert into hotline_imports (org_id, file_name, sha256, headers, imported_on) values ($1, $2, $3, $4::text[], $5) returning id',
    [i.orgId, i.fileName, i.sha256, i.headers, i.on],
  );
  return Number(r!.id);
}

export async function insertOrder(tx: Queryable, o: { orgId: number; orderNo: string; messageId: number; importId: number; values: Record<string, string>; answeredOnPlatform: boolean }): Promise<void> {
  await tx.query(
    'insert into hotline_orders (org_id, order_no, message_id, import_id, row_values, answered_on_platform) values ($1, $2, $3, $4, $5, $6)',
    [o.orgId, o.orderNo, o.messageId, o.importId, o.values, o.answeredOnPlatform],
  );
}

export async function updateOrder(tx: Queryable, orderId: number, o: { importId: number; values: Record<string, string>; answeredOnPlatform: boolean }): Promise<void> {
  await tx.query('update hotline_orders set import_id = $2, row_values = $3, answered_on_platform = $4 where id = $1', [orderId, o.importId, o.values, o.answeredOnPlatform]);
}

export interface ImportSummary {
  id: number;
  fileName: string;
  importedOn: string;
  orders: number;
}

export async function listImports(db: Queryable, orgId: number, limit = 20): Promise<ImportSummary[]> {
  const rows = await db.query<{ id: number; file_name: string; imported_on: string; orders: number }>(
    `select i.id, i.file_name, i.imported_on, (select count(*)::int from hotline_orders h where h.import_id = i.id) as orders
     from hotline_imports i where i.org_id = $1 order by i.id desc limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), fileName: r.file_name, importedOn: r.imported_on, orders: r.orders }));
}

/** An order for the export: its row as imported, its layout, and the message as gongkai holds it. */
export interface ExportOrder {
  orderNo: string;
  importId: number;
  headers: string[];
  values: Record<string, string>;
  answeredOnPlatform: boolean;
  messageId: number;
  category: Category;
  subject: string;
  content: string;
  contactName: string;
  contactPhone: string;
  receivedOn: string;
  dueOn: string | null;
  state: MessageState;
  replyText: string;
  answeredOn: string | null;
  closedOn: string | null;
  closeReason: string;
  consentPublish: boolean;
  rating: Rating | null;
  orgName: string;
}

/** The organization's imported orders, in import order; `answeredHere` keeps those answered in gongkai and not yet on the platform. */
export async function listExportOrders(db: Queryable, orgId: number, answeredHere: boolean): Promise<ExportOrder[]> {
  const rows = await db.query<{
    order_no: string; import_id: number; headers: string[]; row_values: Record<string, string>; answered_on_platform: boolean; message_id: number;
    category: Category; subject: string; content: string; contact_name: string; contact_phone: string; received_on: string; due_on: string | null;
    state: MessageState; reply_text: string; answered_on: string | null; closed_on: string | null; close_reason: string; consent_publish: boolean; rating: Rating | null; org_name: string;
  }>(
    `select h.order_no, h.import_id, i.headers, h.row_values, h.answered_on_platform, m.id as message_id, m.category, m.subject, m.content,
       m.contact_name, m.contact_phone, m.received_on, m.due_on, m.state, m.reply_text, m.answered_on, m.closed_on, m.close_reason,
       m.consent_publish, m.rating, o.full_name as org_name
     from hotline_orders h join interaction_messages m on m.id = h.message_id join hotline_imports i on i.id = h.import_id
       join organizations o on o.id = m.org_id
     where h.org_id = $1 ${answeredHere ? `and not h.answered_on_platform and m.state in ('answered', 'closed', 'converted_application', 'converted_petition')` : ''}
     order by h.id`,
    [orgId],
  );
  return rows.map((r) => ({
    orderNo: r.order_no, importId: Number(r.import_id), headers: r.headers, values: r.row_values, answeredOnPlatform: r.answered_on_platform, messageId: Number(r.message_id),
    category: r.category, subject: r.subject, content: r.content, contactName: r.contact_name, contactPhone: r.contact_phone, receivedOn: r.received_on,
    dueOn: r.due_on, state: r.state, replyText: r.reply_text, answeredOn: r.answered_on, closedOn: r.closed_on, closeReason: r.close_reason,
    consentPublish: r.consent_publish, rating: r.rating, orgName: r.org_name,
  }));
}
