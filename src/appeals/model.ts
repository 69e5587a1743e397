// The appeals register (复议诉讼台账): what one record holds, its Chinese labels and the input
// schema of the console form and the API. 条例第五十条（三）: the annual report states the
// 行政复议 and 行政诉讼 raised against the organization's 政府信息公开 work.
import { z } from 'zod';
import { isValidDate } from '../core/date.ts';

/** The three groups of table 4, as a record's kind (国办公开办函〔2021〕30号 表四). */
export const APPEAL_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const KIND_LABELS: Record<AppealKind, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
};

/** A decided case's result, as the columns of table 4 name it; no outcome = 尚未审结. */
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<AppealOutcome, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果' };
export const PENDING_LABEL = '尚未审结';

export interface Appeal {
  id: number;
  orgId: number;
  kind: AppealKind;
  receiptNo: string;
  caseId: number | null;
  party: string;
  body: string;
  caseNumber: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: AppealOutcome | null;
  note: string;
  document: AppealDocument | null;
  /** The decision ordered a new reply (责令重新答复): received by the agency on, and the deadline it states. */
  newReply: NewReplyOrder | null;
}

export interface NewReplyOrder {
  /** The day the agency received the decision or judgment (the new reply period runs from it). */
  orderedOn: string;
  /** The deadline the decision states, if any. */
  dueOn: string | null;
}

export interface AppealDocument {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

export const APPEAL_FIELD_LABELS: Record<string, string> = {
  kind: '类别',
  receiptNo: '涉及的申请编号',
  party: '申请人（原告）',
  body: '复议机关或人民法院',
  caseNumber: '案号',
  receivedOn: '收到日期',
  decidedOn: '审结日期',
  outcome: '结果',
  note: '备注',
  newReply: '责令重新答复',
  newReplyOrderedOn: '收到决定书（判决书）的日期',
  newReplyDueOn: '决定限定的答复期限',
};

const dateField = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isValidDate, { error: `${label}应为有效日期（YYYY-MM-DD）` });
const text = (label: string, max: number) => z.string().trim().max(max, { error: `${label}不能超过 ${max} 字` });

/** The record as registered or corrected (the outcome is recorded apart: outcomeInputSchema). */
export const appealInputSchema = z.object({
  kind: z.enum(APPEAL_KINDS, { error: '请选择类别：行政复议、行政诉讼（未经复议直接起诉）或行政诉讼（复议后起诉）' }),
  receiptNo: text('申请编号', 40).default(''),
  party: text('申请人（原告）', 200).default(''),
  body: z.string({ error: '请填写复议机关或人民法院' }).trim().min(1, { error: '请填写复议机关或人民法院' }).max(200, { error: '复议机关或人民法院不能超过 200 字' }),
  caseNumber: text('案号', 100).default(''),
  receivedOn: dateField('收到日期'),
  note: text('备注', 2000).default(''),
});
export type AppealInput = z.output<typeof appealInputSchema>;

/** The decision: its date and result, or neither (尚未审结, e.g. an outcome entered by mistake). */
export const outcomeInputSchema = z
  .object({
    outcome: z.enum([...APPEAL_OUTCOMES, 'pending'], { error: '请选择结果' }),
    decidedOn: z.string().trim().default(''),
    /** 责令重新答复 / 撤销原答复并重新答复: a checkbox ('on') in the console, a boolean in the API. */
    newReply: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
    /** The day the agency received the decision; empty: the decision date. */
    newReplyOrderedOn: z.string().trim().default(''),
    newReplyDueOn: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'pending') {
      if (v.newReply) ctx.addIssue({ code: 'custom', path: ['newReply'], message: '尚未审结的，不能登记责令重新答复' });
      return;
    }
    if (!isValidDate(v.decidedOn)) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '已审结的，请填写审结日期（YYYY-MM-DD）' });
    if (!v.newReply) return;
    if (v.outcome !== 'corrected') ctx.addIssue({ code: 'custom', path: ['newReply'], message: '责令重新答复属于“结果纠正”，请选择结果纠正' });
    if (v.newReplyOrderedOn && !isValidDate(v.newReplyOrderedOn)) ctx.addIssue({ code: 'custom', path: ['newReplyOrderedOn'], message: '收到决定书的日期应为有效日期（YYYY-MM-DD）' });
    if (v.newReplyDueOn && !isValidDate(v.newReplyDueOn)) ctx.addIssue({ code: 'custom', path: ['newReplyDueOn'], message: '答复期限应为有效日期（YYYY-MM-DD）' });
  });
export type OutcomeInput = z.output<typeof outcomeInputSchema>;

export { fieldErrors } from '../core/validation.ts';
