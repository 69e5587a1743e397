// Changes to the appeals register: each exported function is one transaction that checks the
// policy (when a staff member acts), writes, and appends one audit entry. The party is personal
// data and never goes into the audit log: entries name the kind, the 案号 and the dates.
import { createHash } from 'node:crypto';
import { appendAudit } from '../core/audit/log.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgById } from '../orgs/store.ts';
import { today } from '../core/today.ts';
import type { AppealHooks } from './hooks.ts';
import { appealInputSchema, KIND_LABELS, outcomeInputSchema, type Appeal, type AppealInput } from './model.ts';
import { appealPolicy } from './policy.ts';
import { decisionDocumentType } from './rules/document.ts';
import { findCaseByReceiptNo, insertAppeal, insertDocument, lockAppeal, setOutcome, updateAppealRecord } from './store.ts';

export interface UploadedDocument {
  fileName: string;
  content: Buffer;
}

async function authorize(tx: Queryable, ctx: CommandContext, orgId: number): Promise<void> {
  if (!ctx.staff) return; // the trusted CLI operator and the demo
  const org = await findOrgById(tx, orgId);
  if (!org || !appealPolicy.edit(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以登记复议诉讼');
}

/** What the audit log keeps of a record: no party. */
const auditView = (a: Pick<Appeal, 'kind' | 'receiptNo' | 'body' | 'caseNumber' | 'receivedOn'>) => ({
  kind: a.kind, receiptNo: a.receiptNo, body: a.body, caseNumber: a.caseNumber, receivedOn: a.receivedOn,
});

/**
 * The case a receipt number names, in this organization, and the party: the one entered, else the
 * case's applicant. A number the platform does not know is kept as entered (the case may predate it).
 */
async function resolveCase(tx: Queryable, orgId: number, input: AppealInput): Promise<{ input: AppealInput; caseId: number | null }> {
  const found = input.receiptNo ? await findCaseByReceiptNo(tx, orgId, input.receiptNo) : undefined;
  if (input.receivedOn > today()) throw invalid('收到日期不能晚于今天', { field: 'receivedOn' });
  const party = input.party || found?.applicantName || '';
  if (!party) throw invalid('请填写申请人（原告）；填写本机关已登记的申请编号时可取该申请的申请人', { field: 'party' });
  return { input: { ...input, party }, caseId: found?.id ?? null };
}

export async function createAppeal(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const parsed = appealInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId);
    const { input, caseId } = await resolveCase(tx, orgId, parsed);
    const id = await insertAppeal(tx, orgId, input, caseId);
    await appendAudit(tx, ctx.actor, { orgId, action: 'appeal.create', targetType: 'appeal', targetId: id, summary: { after: auditView(input) } });
    return id;
  });
}

async function lockOrFail(tx: Queryable, id: number): Promise<Appeal> {
  const a = await lockAppeal(tx, id);
  if (!a) throw notFound('该复议诉讼记录');
  return a;
}

export async function updateAppeal(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const parsed = appealInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorize(tx, ctx, before.orgId);
    const { input, caseId } = await resolveCase(tx, before.orgId, parsed);
    if (before.decidedOn && input.receivedOn > before.decidedOn) throw invalid(`收到日期不能晚于审结日期 ${before.decidedOn}`, { field: 'receivedOn' });
    await updateAppealRecord(tx, id, input, caseId);
    await appendAudit(tx, ctx.actor, { orgId: before.orgId, action: 'appeal.update', targetType: 'appeal', targetId: id, summary: { before: auditView(before), after: auditView(input) } });
  });
}

/**
 * Records the decision (date and result) or takes it back to 尚未审结, with the decision document
 * when one is uploaded. Table 4 of the years concerned changes with it. A corrected decision may
 * order a new reply (责令重新答复): the record keeps the order, and when it concerns a 依申请公开 case
 * of the platform, `hooks.onNewReplyOrdered` (src/app: the applications module's 重新答复) reopens
 * that case in the same transaction. Once a case was reopened on an order, the order stays.
 */
export async function recordOutcome(db: Database, ctx: CommandContext, id: number, raw: unknown, document: UploadedDocument | null = null, hooks: AppealHooks = {}): Promise<void> {
  const v = outcomeInputSchema.parse(raw);
  const decidedOn = v.outcome === 'pending' ? null : v.decidedOn;
  const outcome = v.outcome === 'pending' ? null : v.outcome;
  const type = document ? decisionDocumentType(document.fileName, document.content) : null;
  if (type && 'error' in type) throw invalid(type.error, { field: 'document' });
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorize(tx, ctx, before.orgId);
    const now = today();
    if (decidedOn && decidedOn > now) throw invalid('审结日期不能晚于今天', { field: 'decidedOn' });
    if (decidedOn && decidedOn < before.receivedOn) throw invalid(`审结日期不能早于收到日期 ${before.receivedOn}`, { field: 'decidedOn' });
    const newReply = v.newReply && decidedOn ? { orderedOn: v.newReplyOrderedOn || decidedOn, dueOn: v.newReplyDueOn || null } : null;
    if (newReply) {
      if (newReply.orderedOn < decidedOn!) throw invalid(`收到决定书的日期不能早于审结日期 ${decidedOn}`, { field: 'newReplyOrderedOn' });
      if (newReply.orderedOn > now) throw invalid('收到决定书的日期不能晚于今天', { field: 'newReplyOrderedOn' });
      if (newReply.dueOn && newReply.dueOn <= newReply.orderedOn) throw invalid('决定限定的答复期限应晚于收到决定书的日期', { field: 'newReplyDueOn' });
    }
    // the case was reopened on the order: that cannot be taken back here
    const reopened = before.newReply !== null && before.caseId !== null;
    if (reopened && (!newReply || outcome !== 'corrected')) {
      throw conflict(`已据该决定重新办理申请 ${before.receiptNo}，不能撤销“责令重新答复”；如登记有误，请在该申请的办理记录中说明`);
    }
    const kept = reopened ? before.newReply : newReply;
    await setOutcome(tx, id, decidedOn, outcome, kept);
    let documentId: number | null = null;
    if (document && type && 'mediaType' in type) {
      const sha256 = createHash('sha256').update(document.content).digest('hex');
      documentId = await insertDocument(tx, before.orgId, id, { fileName: document.fileName, contentType: type.mediaType, sha256, content: document.content });
    }
    const ordersNow = newReply !== null && before.newReply === null && before.caseId !== null;
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'appeal.outcome', targetType: 'appeal', targetId: id,
      summary: {
        before: { decidedOn: before.decidedOn, outcome: before.outcome, newReply: before.newReply },
        after: { decidedOn, outcome, newReply: kept },
        ...(ordersNow ? { reopensCase: before.caseId } : {}),
        ...(documentId !== null ? { document: { id: documentId, fileName: document!.fileName, size: document!.content.length } } : {}),
      },
    });
    if (ordersNow) {
      if (!hooks.onNewReplyOrdered) throw new Error('appeals: onNewReplyOrdered hook not given (src/app/appeal-hooks.ts)');
      await hooks.onNewReplyOrdered(tx, ctx, {
        caseId: before.caseId!, appealId: id, orderedOn: newReply!.orderedOn, dueOn: newReply!.dueOn,
        appeal: { kindLabel: KIND_LABELS[before.kind], caseNumber: before.caseNumber, body: before.body, decidedOn: decidedOn! },
      });
    }
  });
}
