// Messages from the public (issue 20 §1): 咨询 / 建议 / 求助 / 投诉（举报）, written to an agency's 信箱 or
// its 领导信箱 on the portal, or registered by a clerk from 12345 or a letter. What one record holds,
// its Chinese labels and the zod input schemas (Chinese messages).
import { z } from 'zod';
import { isValidDate } from '../core/date.ts';

export const CATEGORIES = ['consult', 'suggest', 'help', 'complain'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { consult: '咨询', suggest: '建议', help: '求助', complain: '投诉举报' };

export const BOXES = ['general', 'leader'] as const;
export type Box = (typeof BOXES)[number];
export const BOX_LABELS: Record<Box, string> = { general: '信箱', leader: '领导信箱' };

export const CHANNELS = ['website', 'hotline', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { website: '网站', hotline: '12345 热线', letter: '来信' };

export const STATES = ['received', 'reply_drafted', 'answered', 'closed', 'merged', 'converted_application', 'converted_petition', 'invalid'] as const;
export type MessageState = (typeof STATES)[number];
export const STATE_LABELS: Record<MessageState, string> = {
  received: '办理中',
  reply_drafted: '答复待签发',
  answered: '已答复',
  closed: '已办结',
  merged: '已合并办理',
  converted_application: '已转为政府信息公开申请',
  converted_petition: '已转信访渠道',
  invalid: '无效留言',
};

export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export interface Transfer {
  id: number;
  fromOrgId: number;
  fromOrgName: string;
  toOrgId: number;
  toOrgName: string;
  reason: string;
  transferredOn: string;
  byName: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: number;
  orgId: number;
  addressedOrgId: number;
  category: Category;
  box: Box;
  channel: Channel;
  subject: string;
  content: string;
  contact: Contact;
  consentPublish: boolean;
  hasQueryCode: boolean;
  receivedOn: string;
  clockStartOn: string;
  dueOn: string | null;
  state: MessageState;
  replyText: string;
  replyDraftedBy: string | null;
  replyDraftedOn: string | null;
  replyReturnedReason: string | null;
  replySignedBy: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  closeReason: string;
  mergedIntoId: number | null;
  splitFromId: number | null;
  convertedCaseId: number | null;
  convertedReceiptNo: string | null;
  published: boolean;
  publishedOn: string | null;
  publishedSubject: string | null;
  publishedContent: string | null;
  publishedReply: string | null;
  rating: Rating | null;
  ratedOn: string | null;
}

const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(min, { error: min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}` }).max(max, { error: `${label}不能超过 ${max} 字` });
const optional = (label: string, max: number) => z.string().trim().max(max, { error: `${label}不能超过 ${max} 字` }).default('');
const checkbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === 'on' || v === 'true' || v === 'yes' || v === '1');

/** The public form (and the clerk's registration adds channel and received date). */
export const messageInputSchema = z
  .object({
    category: z.enum(CATEGORIES, { error: '请选择留言类别：咨询、建议、求助或投诉举报' }),
    box: z.enum(BOXES, { error: '请选择信箱' }).default('general'),
    subject: text('标题', 2, 100),
    content: text('留言内容', 5, 5000),
    name: text('姓名', 1, 50),
    phone: optional('联系电话', 30),
    email: optional('电子邮箱', 100),
    consentPublish: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: '请填写联系电话或电子邮箱，以便本机关联系您' });
    if (v.phone && !/^[0-9+\-\s()]{7,30}$/.test(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: '联系电话只能包含数字、空格和“-”' });
    if (v.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: '电子邮箱格式不正确' });
  });
export type MessageInput = z.output<typeof messageInputSchema>;

export const registerInputSchema = z.object({
  channel: z.enum(CHANNELS, { error: '请选择来源：网站、12345 热线或来信' }),
  receivedOn: z.string({ error: '请填写收到日期' }).trim().refine(isValidDate, { error: '收到日期应为有效日期（YYYY-MM-DD）' }),
});

/** The day an act was done, when recorded later (default today; never before the message, never after today). */
const onDate = z.string().trim().default('').refine((v) => v === '' || isValidDate(v), { error: '日期应为有效日期（YYYY-MM-DD）' });
export const replyInputSchema = z.object({ reply: text('答复内容', 5, 10000), on: onDate });
export const signInputSchema = z.object({ on: onDate });
export const reasonSchema = (label: string) => z.object({ reason: text(label, 2, 500) });
export const transferInputSchema = z.object({
  toOrgId: z.coerce.number({ error: '请选择转办的机关' }).int().positive({ error: '请选择转办的机关' }),
  reason: text('转办理由', 2, 500),
  on: onDate,
});
export const mergeInputSchema = z.object({ intoId: z.coerce.number({ error: '请填写合并到的留言编号' }).int().positive({ error: '请填写合并到的留言编号' }) });
export const splitInputSchema = z.object({ subject: text('拆分出的事项标题', 2, 100), content: text('拆分出的事项内容', 5, 5000), category: z.enum(CATEGORIES, { error: '请选择类别' }) });
export const ratingInputSchema = z.object({ rating: z.enum(RATINGS, { error: '请选择满意、基本满意或不满意' }) });
export const deadlineSettingsSchema = z.object(
  Object.fromEntries(CATEGORIES.map((c) => [c, z.coerce.number({ error: `${CATEGORY_LABELS[c]}：请填写工作日数` }).int({ error: `${CATEGORY_LABELS[c]}：工作日数应为整数` }).min(1, { error: `${CATEGORY_LABELS[c]}：至少 1 个工作日` }).max(60, { error: `${CATEGORY_LABELS[c]}：最多 60 个工作日` })])) as Record<Category, z.ZodNumber>,
);
/** Converting to a 依申请公开 application: what the application needs that a message does not hold (条例第二十九条). */
export const convertApplicationSchema = z.object({
  idType: z.string().trim().default(''),
  idNumber: z.string().trim().default(''),
  formWanted: z.string().trim().default('electronic'),
  delivery: z.string().trim().default('online'),
  infoTitle: z.string().trim().default(''),
});

export { fieldErrors } from '../core/validation.ts';
