// Types and input schemas of the task breakdown (任务分解) and rectification items (整改), issue 17 §3.
import { z } from 'zod';
import '../../core/validation.ts';
import type { ProgressState, RectificationState, TaskState } from './rules/transitions.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const orgIds = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : [v].flat().map(Number)),
  z.array(z.number().int().positive()).max(200),
);

export const taskInputSchema = z.object({
  year: z.coerce.number().int().min(2008, '年度有误').max(2100, '年度有误'),
  title: z.string().trim().min(1, '请填写任务内容').max(2000, '任务内容最多 2000 字'),
  leadOrgId: z.coerce.number({ message: '请选择牵头单位' }).int().positive('请选择牵头单位'),
  otherOrgIds: orgIds,
  deadline: date,
  evidenceExpected: z.string().trim().max(1000, '佐证材料要求最多 1000 字').default(''),
});
export type TaskInput = z.infer<typeof taskInputSchema>;

export const progressInputSchema = z.object({
  note: z.string().trim().max(2000, '说明最多 2000 字').default(''),
  links: z.union([z.string(), z.array(z.string())]).default(''),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;

export const reasonSchema = z.object({ reason: z.string().trim().min(1, '请填写理由').max(1000, '理由最多 1000 字') });

export const SOURCE_KINDS = ['inspection', 'score', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = { inspection: '检查发现的问题', score: '考核扣分', manual: '人工填写' };

export const rectificationInputSchema = z.object({
  orgId: z.coerce.number({ message: '请选择整改部门' }).int().positive('请选择整改部门'),
  sourceKind: z.enum(SOURCE_KINDS, { message: '请选择问题来源' }),
  sourceRef: z.string().trim().max(500, '来源说明最多 500 字').default(''),
  finding: z.string().trim().min(1, '请填写发现的问题').max(2000, '问题最多 2000 字'),
  deadline: date,
});
export type RectificationInput = z.infer<typeof rectificationInputSchema>;

export const closeInputSchema = z.object({
  note: z.string().trim().min(1, '请说明整改情况').max(2000, '说明最多 2000 字'),
  links: z.union([z.string(), z.array(z.string())]).default(''),
});

export interface DocumentRef {
  id: number;
  fileName: string;
  size: number;
}

export interface Task {
  id: number;
  orgId: number;
  year: number;
  title: string;
  evidenceExpected: string;
  deadline: string;
  state: TaskState;
  publishedAt: Date | null;
  agencies: Progress[];
}

/** An agency's part of a task. */
export interface Progress {
  id: number;
  taskId: number;
  orgId: number;
  orgName: string;
  orgCode: string | null;
  lead: boolean;
  state: ProgressState;
  note: string;
  evidenceLinks: string[];
  document: DocumentRef | null;
  returnReason: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

export interface Rectification {
  id: number;
  orgId: number;
  orgName: string;
  officeOrgId: number;
  officeName: string;
  sourceKind: SourceKind;
  sourceRef: string;
  finding: string;
  deadline: string;
  state: RectificationState;
  closingNote: string;
  evidenceLinks: string[];
  document: DocumentRef | null;
  reopenReason: string;
  createdAt: Date;
  closedAt: Date | null;
  confirmedAt: Date | null;
}
