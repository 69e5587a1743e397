// The disclosure catalogue (政府信息公开目录, 条例第十二条) as data: columns, items, versions,
// review stages, and the zod schemas of what a clerk may submit (messages in Chinese).
import { normalizeDateInput } from '../core/date.ts';
import { z } from '../core/validation.ts';
import type { Role } from '../orgs/staff/model.ts';

// ── Columns (栏目) ───────────────────────────────────────────────────────────

export const COLUMN_KINDS = ['general', 'guide', 'policy', 'interpretation', 'report'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  general: '一般栏目',
  guide: '政府信息公开指南',
  policy: '政策文件',
  interpretation: '政策解读',
  report: '政府信息公开年报',
};

export interface Column {
  id: number;
  orgId: number;
  parentId: number | null;
  name: string;
  position: number;
  kind: ColumnKind;
  /** Expected update interval in days (§D.4 inspection rules); null = as needed. */
  updateDays: number | null;
  description: string;
}

// ── Items and versions ───────────────────────────────────────────────────────

export const VERSION_STATES = ['draft', 'in_review', 'published', 'superseded', 'withdrawn'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  draft: '草稿',
  in_review: '审核中',
  published: '已发布',
  superseded: '已被新版本替代',
  withdrawn: '已撤回',
};

/** 第二十条第（一）项 counts 规章 and 行政规范性文件; other policy documents are listed but not counted. */
export const DOC_KINDS = ['regulation', 'normative', 'other_policy'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_KIND_LABELS: Record<DocKind, string> = {
  regulation: '规章',
  normative: '行政规范性文件',
  other_policy: '其他政策文件',
};

export const VALIDITIES = ['effective', 'expired', 'abolished', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  effective: '有效',
  expired: '失效',
  abolished: '废止',
  amended: '已修订',
};

export const DISCLOSURE_MODES = ['主动公开'] as const;

/** The content of one version: what an editor writes. */
export interface ItemContent {
  columnId: number;
  title: string;
  summary: string;
  body: string;
  docNumber: string;
  publisher: string;
  writtenDate: string | null;
  formedDate: string | null;
  topic: string;
  docKind: DocKind | null;
  deadlineBasis: string;
}

export interface Version extends ItemContent {
  id: number;
  orgId: number;
  itemId: number;
  version: number;
  state: VersionState;
  publishedDate: string | null;
  disclosureMode: string;
  stages: ReviewStage[] | null;
  stageIndex: number | null;
  reviewRound: number;
  rejectionReason: string | null;
  authorId: number | null;
  authorName: string;
  submittedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Item {
  id: number;
  orgId: number;
  indexNumber: string | null;
  publishedVersionId: number | null;
  firstPublishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  withdrawnByName: string | null;
  validity: Validity;
  validityDate: string | null;
  validityNote: string;
  viewCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Live on the portal: published and not withdrawn. */
export const isLive = (i: Pick<Item, 'publishedVersionId' | 'withdrawnAt'>) => i.publishedVersionId !== null && i.withdrawnAt === null;

// ── Review ───────────────────────────────────────────────────────────────────

export const STAGE_ROLES = ['reviewer', 'head', 'confidentiality'] as const satisfies readonly Role[];
export type StageRole = (typeof STAGE_ROLES)[number];

export interface ReviewStage {
  name: string;
  role: StageRole;
}

/** 三审制 (初审、复审、终审) plus the 保密审查 sign-off (条例第十七条; seeds 002, 004). */
export const DEFAULT_STAGES: ReviewStage[] = [
  { name: '初审', role: 'reviewer' },
  { name: '复审', role: 'reviewer' },
  { name: '终审', role: 'head' },
  { name: '保密审查', role: 'confidentiality' },
];

export interface CatalogueSettings {
  orgId: number;
  stages: ReviewStage[];
  /** One person signs at most one stage of a version, and never their own item. */
  distinctSigners: boolean;
  sensitiveWords: string[];
}

export interface Signoff {
  id: number;
  versionId: number;
  round: number;
  stageIndex: number;
  stageName: string;
  role: string;
  decision: 'approve' | 'reject';
  reason: string;
  userId: number | null;
  userName: string;
  at: string;
}

export interface FindingAck {
  id: number;
  versionId: number;
  detector: string;
  matchText: string;
  reason: string;
  userName: string;
  at: string;
}

export interface Attachment {
  id: number;
  versionId: number;
  position: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  text: string;
}

// ── Input schemas ────────────────────────────────────────────────────────────

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().max(max, { error: `${label}不能超过 ${max} 个字` });
// The console sends YYYY-MM-DD (a date input); dates typed as text (API clients, old browsers,
// 2025年6月3日) are read too.
const optionalDate = (label: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? normalizeDateInput(v) : v),
      z.union([z.literal(''), z.null(), z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` })]).optional(),
    )
    .transform((v) => (v ? v : null));

export const itemInputSchema = z.object({
  columnId: z.coerce.number({ error: '请选择栏目' }).int().positive({ error: '请选择栏目' }),
  title: text('标题', 200).min(2, { error: '标题至少 2 个字' }),
  summary: text('内容概述', 500).default(''),
  body: z.string().max(200_000, { error: '正文不能超过 20 万字' }).default(''),
  docNumber: text('文号', 100).default(''),
  publisher: text('发布机构', 100).default(''),
  writtenDate: optionalDate('成文日期'),
  formedDate: optionalDate('形成或变更日期'),
  topic: text('主题分类', 50).default(''),
  docKind: z
    .union([z.literal(''), z.null(), z.enum(DOC_KINDS, { error: '文件类型应为规章、行政规范性文件或其他政策文件' })])
    .optional()
    .transform((v) => (v ? v : null)),
  deadlineBasis: text('另行规定的公开期限依据', 200).default(''),
});
export type ItemInput = z.input<typeof itemInputSchema>;

export const FIELD_LABELS: Record<string, string> = {
  columnId: '栏目',
  title: '标题',
  summary: '内容概述',
  body: '正文',
  docNumber: '文号',
  publisher: '发布机构',
  writtenDate: '成文日期',
  formedDate: '形成或变更日期',
  topic: '主题分类',
  docKind: '文件类型',
  deadlineBasis: '另行规定的公开期限依据',
  name: '栏目名称',
  updateDays: '更新周期（天）',
  reason: '理由',
};

export const columnInputSchema = z.object({
  name: text('栏目名称', 40).min(1, { error: '请填写栏目名称' }),
  parentId: z
    .union([z.literal(''), z.null(), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  kind: z.enum(COLUMN_KINDS, { error: '栏目类型无效' }).default('general'),
  updateDays: z
    .union([z.literal(''), z.null(), z.coerce.number().int().min(1, { error: '更新周期至少 1 天' }).max(3660, { error: '更新周期不能超过 3660 天' })])
    .optional()
    .transform((v) => (v === '' || v === null || v === undefined ? null : Number(v))),
  description: text('栏目说明', 200).default(''),
});
export type ColumnInput = z.input<typeof columnInputSchema>;

export const reasonSchema = z.object({ reason: text('理由', 500).min(2, { error: '请填写理由（至少 2 个字）' }) });
