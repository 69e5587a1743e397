// Exporting 12345 work orders back (issue 20 §2): the orders answered in gongkai, in the layout they came
// in (the header row of their file, every column the platform wrote kept as it was) or in the standard
// layout, with the reply text, the 办结时间 and the state filled in, so that the agency uploads the
// replies back to the platform. The default takes the orders answered here and not yet answered on
// the platform (a later import of the platform's export that carries the reply takes them off).
import ExcelJS from 'exceljs';
import type { Queryable } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgById } from '../../orgs/store.ts';
import { CATEGORY_LABELS, RATING_LABELS, STATE_LABELS, type MessageState } from '../model.ts';
import { interactionPolicy } from '../policy.ts';
import { matchHotlineHeader, STANDARD_HEADERS, type HotlineField } from './parse.ts';
import { listExportOrders, type ExportOrder } from './store.ts';

export type ExportLayout = 'original' | 'standard';

export interface ExportOptions {
  layout?: ExportLayout;
  /** Every imported order, not only those answered here and not yet on the platform. */
  all?: boolean;
}

export interface HotlineExport {
  fileName: string;
  content: Buffer;
  count: number;
  headers: string[];
}

/** The state as the platforms write it. */
export function platformState(state: MessageState): string {
  if (state === 'answered' || state === 'closed' || state === 'converted_application' || state === 'converted_petition') return '已办结';
  if (state === 'received' || state === 'reply_drafted') return '办理中';
  return STATE_LABELS[state];
}

/** The reply to send back: the signed reply, or the reason given to the caller when the order went to another procedure. */
function replyOf(o: ExportOrder): string {
  if (o.state === 'converted_application' || o.state === 'converted_petition') return o.closeReason;
  if (o.state === 'answered' || o.state === 'closed') return o.replyText;
  return '';
}

/** What gongkai holds for a field (null: nothing of its own, the platform's text is kept). */
function ownValue(o: ExportOrder, f: HotlineField): string | null {
  switch (f) {
    case 'orderNo': return o.orderNo;
    case 'reply': return replyOf(o) || null;
    case 'answeredAt': return o.answeredOn;
    case 'state': return platformState(o.state);
    case 'satisfaction': return o.rating ? RATING_LABELS[o.rating] : null;
    default: return null;
  }
}

/** What the platform's row is missing for a field, from the message (a standard layout for an order of another layout). */
function fallbackValue(o: ExportOrder, f: HotlineField): string {
  switch (f) {
    case 'receivedAt': return o.receivedOn;
    case 'category': return CATEGORY_LABELS[o.category];
    case 'subject': return o.subject;
    case 'content': return o.content;
    case 'name': return o.contactName;
    case 'phone': return o.contactPhone;
    case 'unit': return o.orgName;
    case 'dueAt': return o.dueOn ?? '';
    case 'publish': return o.consentPublish ? '是' : '否';
    default: return '';
  }
}

/** The cells of one order under the given column titles. Pure. */
export function exportRow(o: ExportOrder, headers: readonly string[], index: number): string[] {
  return headers.map((h) => {
    const f = matchHotlineHeader(h);
    if (f === 'serial') return String(index + 1);
    const own = f ? ownValue(o, f) : null;
    if (own !== null) return own;
    if (h in o.values) return o.values[h]!;
    if (!f) return '';
    // the order came in another layout: its cell under the title of the same field
    const theirs = Object.entries(o.values).find(([title]) => matchHotlineHeader(title) === f);
    return theirs ? theirs[1] : fallbackValue(o, f);
  });
}

export async function exportHotlineOrders(db: Queryable, ctx: CommandContext, orgId: number, options: ExportOptions = {}): Promise<HotlineExport> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !interactionPolicy.handle(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以导出 12345 工单');
  const orders = await listExportOrders(db, orgId, !options.all);
  // the layout of the latest file among them (an order of another layout fills it field by field)
  const latest = orders.reduce<ExportOrder | null>((a, o) => (!a || o.importId > a.importId ? o : a), null);
  const headers = options.layout === 'standard' || !latest ? [...STANDARD_HEADERS] : [...latest.headers];
  for (const must of ['orderNo', 'reply', 'answeredAt', 'state'] as const) {
    if (!headers.some((h) => matchHotlineHeader(h) === must)) headers.push(STANDARD_HEADERS.find((h) => matchHotlineHeader(h) === must)!);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  orders.forEach((o, i) => ws.addRow(exportRow(o, headers, i)));
  headers.forEach((h, i) => {
    const f = matchHotlineHeader(h);
    ws.getColumn(i + 1).width = f === 'content' || f === 'reply' ? 50 : f === 'subject' ? 30 : 18;
    // every cell as text: an order number of digits stays as written, not 1.2E+17
    ws.getColumn(i + 1).numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `12345工单答复-${org.code}-${today()}.xlsx`, content, count: orders.length, headers };
}
