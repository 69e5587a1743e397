// Changes to the appeals register: each exported function is one transaction that checks the
// policy (when a staff member acts), writes, and appends one audit entry. The party is personal
// data and never goes into the audit log: entries name the kind, the 案号 and the dates.
import { createHash } from 'node:crypto';
import { appendAudit } from '../core/audit/log.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { forbidden, invalid, notFound } from '../core/errors.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgById } from '../orgs/store.ts';
import { today } from '../core/today.ts';
import { appealInputSchema, outcomeInputSchema, type Appeal, type AppealInput } from './model.ts';
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
 * when one is uploaded. Table 4 of the years concerned changes with it.
 */
export async function recordOutcome(db: Database, ctx: CommandContext, id: number, raw: unknown, document: UploadedDocument | null = null): Promise<void> {
  const v = outcomeInputSchema.parse(raw);
  const decidedOn = v.outcome === 'pending' ? null : v.decidedOn;
  const outcome = v.outcome === 'pending' ? null : v.outcome;
  const type = document ? decisionDocumentType(document.fileName, document.content) : null;
  if (type && 'error' in type) throw invalid(type.error, { field: 'document' });
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorize(tx, ctx, before.orgId);
    if (decidedOn && decidedOn > today()) throw invalid('审结日期不能晚于今天', { field: 'decidedOn' });
    if (decidedOn && decidedOn < before.receivedOn) throw invalid(`审结日期不能早于收到日期 ${before.receivedOn}`, { field: 'decidedOn' });
    await setOutcome(tx, id, decidedOn, outcome);
    let documentId: number | null = null;
    if (document && type && 'mediaType' in type) {
      const sha256 = createHash('sha256').update(document.content).digest('hex');
      documentId = await insertDocument(tx, before.orgId, id, { fileName: document.fileName, contentType: type.mediaType, sha256, content: document.content });
    }
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'appeal.outcome', targetType: 'appeal', targetId: id,
      summary: {
        before: { decidedOn: before.decidedOn, outcome: before.outcome },
        after: { decidedOn, outcome },
        ...(documentId !== null ? { document: { id: documentId, fileName: document!.fileName, size: document!.content.length } } : {}),
      },
    });
  });
}
