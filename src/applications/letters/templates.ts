// The letter templates of an organization as the console and the API list them (the stored one
// or the built-in wording, per kind and variant), and the preview of a template filled with a
// sample case of that organization.
import type { Queryable } from '../../core/db/database.ts';
import type { Organization } from '../../orgs/model.ts';
import { ancestorsOf } from '../../orgs/store.ts';
import { defaultTemplate } from './defaults.ts';
import { templateText } from './files.ts';
import { chineseDate, type Letter } from './compose.ts';
import {
  checkTemplate,
  fillTemplate,
  KIND_PLACEHOLDERS,
  LETTER_KINDS,
  LETTER_TITLES,
  PLACEHOLDERS,
  requiredPlaceholders,
  templateLabel,
  templateVariants,
  type LetterKind,
  type PlaceholderValues,
} from './rules.ts';
import { OUTCOMES, type ReplyOutcome } from '../rules/outcome.ts';
import { remedyClause, reviewBodyName } from '../rules/remedy.ts';
import { listTemplates } from '../store.ts';

export interface TemplateEntry {
  kind: LetterKind;
  variant: string;
  label: string;
  text: string;
  defaultText: string;
  /** The organization stored its own wording. */
  customized: boolean;
  updatedByName: string | null;
  updatedAt: string | null;
  placeholders: string[];
  required: string[];
}

export async function listTemplateEntries(db: Queryable, orgId: number): Promise<TemplateEntry[]> {
  const stored = await listTemplates(db, orgId);
  return LETTER_KINDS.flatMap((kind) =>
    templateVariants(kind).map((variant) => {
      const own = stored.find((t) => t.kind === kind && t.variant === variant);
      return {
        kind, variant, label: templateLabel(kind, variant), text: templateText(stored, kind, variant), defaultText: defaultTemplate(kind, variant),
        customized: !!own, updatedByName: own?.updatedByName ?? null, updatedAt: own?.updatedAt ?? null,
        placeholders: [...KIND_PLACEHOLDERS[kind]], required: requiredPlaceholders(kind, variant).map((r) => r.name),
      };
    }),
  );
}

export const placeholderHelp = (kind: LetterKind) => KIND_PLACEHOLDERS[kind].map((p) => ({ name: p, meaning: PLACEHOLDERS[p] }));

async function reviewBodyOf(db: Queryable, org: Organization): Promise<string> {
  return reviewBodyName(org, await ancestorsOf(db, org));
}

/** A fictional case of the organization (no real applicant) to show a template filled. */
function sampleValues(org: Organization, kind: LetterKind, variant: string, reviewBody: string): PlaceholderValues {
  const reviewFirst = kind === 'reply' && (OUTCOMES[variant as ReplyOutcome]?.reviewFirst ?? false);
  return {
    申请人: '张三', 申请编号: `${org.code}-2025-00001`, 提交日期: '2025年9月24日', 收到日期: '2025年9月26日',
    信息名称: '“2024年度国有建设用地使用权出让合同”', 机关名称: org.fullName,
    获取形式: '电子文本', 获取方式: '电子邮件', 答复期限: '2025年10月30日',
    补正事项: '请写明所需信息的文号或者制作时间\n请写明所涉地块的名称或编号', 补正期限: '2025年10月20日',
    补正情况: '本机关于2025年10月9日收到您补正后的申请。', 延期理由: '需调取历年档案', 批准日期: '2025年10月13日', 延长天数: '20',
    计费方式: '按量计收', 收费说明: '共150页，按量计收1700元', 金额: '1700', 缴费期限: '2025年11月7日',
    办理经过: '', 理由: variant === 'granted' ? '' : '（办理人填写的理由）', 送达方式: '电子邮件',
    救济途径: remedyClause(reviewFirst, reviewBody),
  };
}

/** Checks the text (Chinese error on an unknown or missing placeholder) and fills it with the sample case. */
export async function previewTemplate(db: Queryable, org: Organization, kind: LetterKind, variant: string, text: string): Promise<Letter> {
  const body = checkTemplate(kind, variant, text);
  const values = sampleValues(org, kind, variant, await reviewBodyOf(db, org));
  return {
    kind, title: LETTER_TITLES[kind], number: `编号：${values.申请编号}`, addressee: `${kind === 'consultation' ? '某某有限公司' : values.申请人}：`,
    paragraphs: fillTemplate(body, values), contact: [], signOrg: org.fullName, signDate: chineseDate('2025-10-31'),
    signer: kind === 'reply' ? '（签发的负责人）' : null, mark: '预览（示例案件）', fileName: 'preview.docx',
  };
}
