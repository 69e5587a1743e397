// Public consultation (意见征集): what a consultation, a comment of the public and the 结果反馈 hold,
// their Chinese labels, and the input schemas of the console forms, the API and the portal form.
// 《重大行政决策程序暂行条例》第十四条、第十五条; 国办发〔2018〕37号 (docs/consultations.md).
import { z } from 'zod';
import { isValidDate } from '../core/date.ts';

/** The kind of draft: it decides the minimum period (rules/minimum-period.ts). */
export const CONSULTATION_KINDS = ['normative', 'major_decision', 'other'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const KIND_LABELS: Record<ConsultationKind, string> = {
  normative: '行政规范性文件',
  major_decision: '重大行政决策',
  other: '其他',
};

/** What was done: drafted, published (open or closed by its dates), its 结果反馈 published. */
export const CONSULTATION_STATUSES = ['draft', 'published', 'concluded'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const DAY_UNITS = ['calendar', 'working'] as const;
export type DayUnit = (typeof DAY_UNITS)[number];
export const DAY_UNIT_LABELS: Record<DayUnit, string> = { calendar: '日', working: '个工作日' };

export interface FinalDocument {
  itemId: number;
  title: string;
  href: string;
}

export interface Consultation {
  id: number;
  orgId: number;
  kind: ConsultationKind;
  title: string;
  draft: string;
  explanation: string;
  startsOn: string;
  endsOn: string;
  contact: string;
  /** Why the period is shorter than the minimum (the regulations say “一般”); '' when it is not. */
  shortPeriodReason: string;
  status: ConsultationStatus;
  publishedOn: string | null;
  feedbackSummary: string;
  feedbackPublishedOn: string | null;
  finalDocument: FinalDocument | null;
}

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = { pending: '待审核', approved: '已公开', rejected: '不予公开' };

export interface ConsultationComment {
  id: number;
  consultationId: number;
  orgId: number;
  body: string;
  /** Personal data: staff of the organization only. */
  name: string;
  contact: string;
  channel: 'online' | 'offline';
  receivedOn: string;
  status: CommentStatus;
  rejectReason: string;
}

export const FEEDBACK_RESULTS = ['adopted', 'partly', 'not_adopted'] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];
export const FEEDBACK_RESULT_LABELS: Record<FeedbackResult, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' };

export interface FeedbackPoint {
  point: string;
  result: FeedbackResult;
  reason: string;
}

/** Counted from the records, never typed. */
export interface CommentCounts {
  total: number;
  online: number;
  offline: number;
  pending: number;
  approved: number;
  rejected: number;
}

export const CONSULTATION_FIELD_LABELS: Record<string, string> = {
  kind: '文件类别',
  title: '标题',
  draft: '征求意见稿',
  explanation: '起草说明',
  startsOn: '开始日期',
  endsOn: '截止日期',
  contact: '书面意见的联系方式',
  shortPeriodReason: '缩短征求意见期限的理由',
};

const dateField = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isValidDate, { error: `${label}应为有效日期（YYYY-MM-DD）` });
const required = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}不能超过 ${max} 字` });
const optional = (label: string, max: number) => z.string().trim().max(max, { error: `${label}不能超过 ${max} 字` }).default('');

export const consultationInputSchema = z
  .object({
    kind: z.enum(CONSULTATION_KINDS, { error: '请选择文件类别：行政规范性文件、重大行政决策或其他' }),
    title: required('标题', 200),
    draft: required('征求意见稿', 100_000),
    explanation: required('起草说明', 20_000),
    startsOn: dateField('开始日期'),
    endsOn: dateField('截止日期'),
    contact: optional('书面意见的联系方式', 500),
    shortPeriodReason: optional('缩短征求意见期限的理由', 1000),
  })
  .superRefine((v, ctx) => {
    if (isValidDate(v.startsOn) && isValidDate(v.endsOn) && v.endsOn < v.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '截止日期不能早于开始日期' });
    }
  });
export type ConsultationInput = z.output<typeof consultationInputSchema>;

/** The public comment form: only the opinion is required; name and contact are optional. */
export const commentInputSchema = z.object({
  body: z.string({ error: '请填写意见' }).trim().min(5, { error: '意见至少 5 个字' }).max(5000, { error: '意见不能超过 5000 字' }),
  name: optional('姓名或单位', 100),
  contact: optional('联系方式', 200),
});
export type CommentInput = z.output<typeof commentInputSchema>;

/** A written comment received offline, entered by staff with the day it arrived. */
export const offlineCommentInputSchema = commentInputSchema.extend({ receivedOn: dateField('收到日期') });

export const moderationInputSchema = z
  .object({
    commentId: z.coerce.number({ error: '请指明意见' }).int().positive(),
    decision: z.enum(['approve', 'reject'], { error: '请选择公开或不予公开' }),
    reason: z.string().trim().max(500, { error: '理由不能超过 500 字' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予公开的，请填写理由（如与征求意见内容无关、含有违法或人身攻击内容、涉及个人隐私）' });
  });
export type ModerationInput = z.output<typeof moderationInputSchema>;

const feedbackPointSchema = z
  .object({
    point: z.string().trim().max(2000, { error: '意见要点不能超过 2000 字' }),
    result: z.enum(FEEDBACK_RESULTS, { error: '请选择处理结果：采纳、部分采纳或未采纳' }),
    reason: z.string().trim().max(2000, { error: '理由不能超过 2000 字' }).default(''),
  });

export const feedbackInputSchema = z
  .object({
    summary: required('反馈说明', 20_000),
    points: z.array(feedbackPointSchema).max(100, { error: '意见要点最多 100 条' }).default([]),
  })
  .superRefine((v, ctx) => {
    v.points.forEach((p, i) => {
      if (!p.point) ctx.addIssue({ code: 'custom', path: ['points', i, 'point'], message: `第 ${i + 1} 条：请填写意见要点` });
      if (p.result !== 'adopted' && !p.reason) ctx.addIssue({ code: 'custom', path: ['points', i, 'reason'], message: `第 ${i + 1} 条：未采纳或部分采纳的，请说明理由` });
    });
  });
export type FeedbackInput = z.output<typeof feedbackInputSchema>;

export const minimumPeriodInputSchema = z.object({
  kind: z.enum(CONSULTATION_KINDS, { error: '请选择文件类别' }),
  days: z.coerce.number({ error: '请填写天数' }).int({ error: '天数应为整数' }).min(0, { error: '天数不能为负' }).max(365, { error: '天数不能超过 365' }),
  unit: z.enum(DAY_UNITS, { error: '请选择日或工作日' }),
});

export { fieldErrors } from '../core/validation.ts';
