// Importing a 12345 platform's work-order export (.xlsx) into the agency's messages (issue 20 §2): the
// file read in a worker (isolated-read.ts, parse.ts), then one transaction under the organization's
// import lock: every order not seen before becomes a message (channel 'hotline'), an order imported
// before is recognized by its 工单编号 and only brought up to date (the platform answered it — 办结 with
// its reply — or the caller's 满意度 came in), and one audit entry names what changed (order numbers,
// categories, dates, states: never the caller's name, number or words). The same file twice changes
// nothing the second time and says so (no audit entry when nothing changed). A row without 工单编号 or
// without a usable 受理时间 is reported and not imported; the other rows are.
//
// The due date: the platform's 办理时限 when the export gives it (the limit the dispatcher set on the
// order, against which the platform assesses the agency), as a day or as a number of working days from
// 受理; otherwise the organization's reply period for the category (rules/deadline.ts).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { appendAudit } from '../../core/audit/log.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { today } from '../../core/today.ts';
import { loadCalendar } from '../../calendar/store.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import type { Category, MessageState, Rating } from '../model.ts';
import { interactionPolicy } from '../policy.ts';
import { replyDueDate, replyWorkingDays } from '../rules/deadline.ts';
import { answersMessages } from '../rules/routing.ts';
import { insertMessage, loadDeadlineOverrides, updateMessage, type MessagePatch } from '../store.ts';
import { parseHotlineIsolated } from './isolated-read.ts';
import type { HotlineProblem, HotlineRow, ParsedHotline } from './parse.ts';
import { findOrders, insertImport, insertOrder, lockOrgHotline, updateOrder } from './store.ts';

export interface HotlineFile {
  fileName: string;
  content: Buffer;
}

/** The largest export accepted (5,000 orders with long texts are a few MB). */
export const MAX_HOTLINE_BYTES = 10 * 1024 * 1024;

/** Who signed a reply given on the platform (shown on the message's page). */
export const PLATFORM_SIGNER = '12345 热线平台';

export type OrderStatus = 'new' | 'already' | 'updated';

export interface OrderOutcome {
  sheet: string;
  row: number;
  orderNo: string;
  messageId: number;
  status: OrderStatus;
  category: Category;
  receivedOn: string;
  state: MessageState;
  /** What an update changed, in Chinese (已在平台办结, 满意度). */
  changes: string[];
}

export interface HotlineImportReport {
  fileName: string;
  sha256: string;
  /** Rows with data (imported, recognized or reported). */
  rowsRead: number;
  added: number;
  already: number;
  updated: number;
  /** Rows reported and not imported. */
  skipped: number;
  problems: string[];
  warnings: string[];
  orders: OrderOutcome[];
  importId: number | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const cleanFileName = (name: string) => basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').slice(0, 200) || '12345工单.xlsx';
const OPEN: readonly MessageState[] = ['received', 'reply_drafted'];

async function authorize(db: Queryable, ctx: CommandContext, orgId: number): Promise<Organization> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !interactionPolicy.handle(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以导入 12345 工单');
  if (!answersMessages(org)) throw invalid('只能为行政机关导入 12345 工单（不能导入到地区）');
  return org;
}

/** The file read in a worker; a file that cannot be read is a DomainError (4xx) in Chinese. */
export async function readHotlineFile(file: HotlineFile): Promise<ParsedHotline> {
  if (file.content.length > MAX_HOTLINE_BYTES) throw invalid(`12345 工单文件不能超过 ${MAX_HOTLINE_BYTES / 1024 / 1024} MB，请分成几个文件导入`);
  return parseHotlineIsolated(file.content);
}

const formatProblem = (p: HotlineProblem) => (p.row === null || p.message.includes(`第${p.row}行`) ? p.message : `${p.sheet ? `工作表「${p.sheet}」` : ''}第${p.row}行：${p.message}`);

interface Clock {
  due(row: HotlineRow): string | null;
}

async function clockOf(tx: Queryable, orgId: number): Promise<Clock> {
  const [cal, overrides] = await Promise.all([loadCalendar(tx, orgId), loadDeadlineOverrides(tx, orgId)]);
  return {
    due(row) {
      if (row.due && 'dueOn' in row.due) return row.due.dueOn;
      return replyDueDate(cal, row.receivedOn, row.due ? row.due.workingDays : replyWorkingDays(row.category, overrides));
    },
  };
}

/** The reply the platform gave: the message answered with it, on the 办结时间 (or today when the export has none). */
function platformAnswer(row: HotlineRow, now: string, warn: (w: string) => void): MessagePatch {
  let on = row.answeredOn;
  if (!on) {
    on = now;
    warn(`有办理结果但没有办结时间，按导入日期 ${now} 记为答复日期`);
  } else if (on < row.receivedOn) {
    warn(`办结时间 ${on} 早于受理时间 ${row.receivedOn}，按受理日期记为答复日期`);
    on = row.receivedOn;
  } else if (on > now) {
    warn(`办结时间 ${on} 晚于今天，按今天记为答复日期`);
    on = now;
  }
  return { state: 'answered', replyText: row.reply, replyDraftedBy: PLATFORM_SIGNER, replyDraftedOn: on, replySignedBy: PLATFORM_SIGNER, answeredOn: on, replyReturnedReason: null };
}

/**
 * Imports the export into the organization's messages. Returns what happened to every row; throws a
 * DomainError when the file itself cannot be read (not a workbook, no header).
 */
export async function importHotlineOrders(db: Database, ctx: CommandContext, orgId: number, file: HotlineFile): Promise<HotlineImportReport> {
  await authorize(db, ctx, orgId);
  const fileName = cleanFileName(file.fileName);
  const hash = sha256(file.content);
  const parsed = await readHotlineFile(file);
  if (parsed.rowsRead === 0 && parsed.problems.length) {
    throw invalid(parsed.problems.map(formatProblem).join('；'));
  }
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId);
    await lockOrgHotline(tx, orgId);
    const now = today();
    const problems = [...parsed.problems];
    const warnings = [...parsed.warnings];
    const known = await findOrders(tx, orgId, [...new Set(parsed.rows.map((r) => r.orderNo))]);
    const clock = await clockOf(tx, orgId);
    const firstRow = new Map<string, HotlineRow>();
    const orders: OrderOutcome[] = [];
    let importId: number | null = null;
    const importOf = async () => (importId ??= await insertImport(tx, { orgId, fileName, sha256: hash, headers: parsed.headers, on: now }));

    for (const row of parsed.rows) {
      const where = `${parsed.sheets.length > 1 ? `工作表「${row.sheet}」` : ''}第${row.row}行（工单 ${row.orderNo}）`;
      const first = firstRow.get(row.orderNo);
      if (first) {
        problems.push({ sheet: row.sheet, row: row.row, message: `${where}：与第${first.row}行的工单编号相同，未重复导入` });
        continue;
      }
      firstRow.set(row.orderNo, row);
      if (row.receivedOn > now) {
        problems.push({ sheet: row.sheet, row: row.row, message: `${where}：受理时间 ${row.receivedOn} 晚于今天（${now}），未导入` });
        continue;
      }
      const warn = (w: string) => warnings.push(`${where}：${w}`);
      const answeredOnPlatform = row.reply !== '';
      const existing = known.get(row.orderNo);
      if (!existing) {
        const dueOn = clock.due(row);
        const messageId = await insertMessage(tx, {
          orgId, category: row.category, box: 'general', channel: 'hotline', subject: row.subject, content: row.content,
          contact: { name: row.name, phone: row.phone, email: '' }, consentPublish: row.consentPublish, queryCodeHash: null, submissionKey: null,
          receivedOn: row.receivedOn, dueOn,
        });
        const patch: MessagePatch = answeredOnPlatform ? platformAnswer(row, now, warn) : {};
        if (row.rating) Object.assign(patch, { rating: row.rating, ratedOn: now });
        await updateMessage(tx, messageId, patch);
        await insertOrder(tx, { orgId, orderNo: row.orderNo, messageId, importId: await importOf(), values: row.values, answeredOnPlatform });
        orders.push({ sheet: row.sheet, row: row.row, orderNo: row.orderNo, messageId, status: 'new', category: row.category, receivedOn: row.receivedOn, state: answeredOnPlatform ? 'answered' : 'received', changes: [] });
        continue;
      }
      // known: gongkai's handling stands; only what the platform did since is brought in
      const patch: MessagePatch = {};
      const changes: string[] = [];
      let state = existing.state;
      if (answeredOnPlatform && OPEN.includes(existing.state)) {
        Object.assign(patch, platformAnswer(row, now, warn));
        state = 'answered';
        changes.push('已在平台办结');
      }
      if (row.rating && existing.rating === null) {
        Object.assign(patch, { rating: row.rating as Rating, ratedOn: now });
        changes.push('满意度');
      }
      if (answeredOnPlatform && !existing.answeredOnPlatform && !changes.includes('已在平台办结')) changes.push('平台已有答复');
      if (changes.length) {
        await updateMessage(tx, existing.messageId, patch);
        await updateOrder(tx, existing.orderId, { importId: await importOf(), values: row.values, answeredOnPlatform: existing.answeredOnPlatform || answeredOnPlatform });
      }
      orders.push({ sheet: row.sheet, row: row.row, orderNo: row.orderNo, messageId: existing.messageId, status: changes.length ? 'updated' : 'already', category: row.category, receivedOn: row.receivedOn, state, changes });
    }

    const added = orders.filter((o) => o.status === 'new');
    const updated = orders.filter((o) => o.status === 'updated');
    if (importId !== null) {
      await appendAudit(tx, ctx.actor, {
        orgId, action: 'letter.hotline_import', targetType: 'hotline_import', targetId: importId,
        summary: {
          fileName, sha256: hash, rowsRead: parsed.rowsRead,
          added: added.length, updated: updated.length, already: orders.length - added.length - updated.length, skipped: problems.length,
          // the orders by number, category, dates and state: no caller's name, number or words
          orders: [...added, ...updated].map((o) => ({ orderNo: o.orderNo, messageId: o.messageId, status: o.status, category: o.category, receivedOn: o.receivedOn, state: o.state, changes: o.changes })),
        },
      });
    }
    return {
      fileName, sha256: hash, rowsRead: parsed.rowsRead,
      added: added.length, already: orders.length - added.length - updated.length, updated: updated.length, skipped: problems.length,
      problems: problems.map(formatProblem), warnings, orders, importId,
    };
  });
}

/** One line in Chinese: 新增 N 件，已导入过 M 件，更新 K 件，未导入 X 行. */
export function reportLine(r: HotlineImportReport): string {
  const nothing = r.added === 0 && r.updated === 0;
  return `${r.fileName}：读取 ${r.rowsRead} 行，新增 ${r.added} 件，已导入过 ${r.already} 件，更新 ${r.updated} 件${r.skipped ? `，未导入 ${r.skipped} 行` : ''}${nothing ? '。没有需要导入或更新的工单，未作任何改动。' : '。'}`;
}
