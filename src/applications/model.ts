// An application for disclosure (依申请公开) as a case: its states, the applicant, the request,
// and the zod schema of the application form (条例第二十九条) with Chinese messages.
import { z } from 'zod';
import type { SubmissionChannel } from './rules/receipt.ts';
import { isValidCreditCode, isValidPhone, isValidResidentId } from './rules/identity.ts';

export const CASE_STATES = [
  'submitted', // 已提交，待确认收到（条例第三十一条）
  'received', // 已收到（法定收到申请之日已确定）
  'correction_requested', // 已告知补正（第三十条）
  'corrected', // 已补正
  'abandoned', // 逾期不补正，视为放弃（第三十条）
  'consulting', // 征求意见中（第三十二条、第三十四条）
  'consulted', // 征求意见结束
  'fee_notified', // 已发收费通知（国办函〔2020〕109号）
  'paid', // 已缴费
  'unpaid', // 逾期未缴费
  'extended', // 已延期（第三十三条第二款）
  'reply_drafted', // 答复已拟定，待机关负责人审核签发
  'replied', // 已答复（第三十六条）
  'closed', // 已办结归档（第四十五条）
  'withdrawn', // 申请人撤回
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, string> = {
  submitted: '待确认收到',
  received: '已受理',
  correction_requested: '待补正',
  corrected: '已补正',
  abandoned: '逾期未补正',
  consulting: '征求意见中',
  consulted: '征求意见完毕',
  fee_notified: '待缴费',
  paid: '已缴费',
  unpaid: '逾期未缴费',
  extended: '已延期',
  reply_drafted: '答复待签发',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

export const CHANNELS = ['online', 'in_person', 'oral', 'post_signed', 'ordinary_letter', 'fax'] as const satisfies readonly SubmissionChannel[];
export const CHANNEL_LABELS: Record<SubmissionChannel, string> = {
  online: '互联网在线提交',
  in_person: '当面提交',
  oral: '口头提出（代为填写）',
  post_signed: '邮寄（需签收）',
  ordinary_letter: '平常信函',
  fax: '传真',
};

export const APPLICANT_KINDS = ['natural', 'organization'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = { natural: '自然人', organization: '法人或其他组织' };

/** The columns of table 3 (国办公开办函〔2021〕30号 申请人情况), in printed order. */
export const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'public_welfare', 'legal_service', 'other'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const ORGANIZATION_COLUMNS = ['business', 'research', 'public_welfare', 'legal_service', 'other'] as const;
export type OrganizationColumn = (typeof ORGANIZATION_COLUMNS)[number];
export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '外国人永久居留身份证', '其他'] as const;

export const FORMS_WANTED = ['paper', 'electronic'] as const;
export type FormWanted = (typeof FORMS_WANTED)[number];
export const FORM_LABELS: Record<FormWanted, string> = { paper: '纸质文本', electronic: '电子文本' };

export const DELIVERIES = ['post', 'email', 'collect', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = { post: '邮寄', email: '电子邮件', collect: '当面领取', online: '网上获取' };

/** The applicant's personal data: only staff see it (present.ts). */
export interface Applicant {
  kind: ApplicantKind;
  name: string;
  idType: string;
  idNumber: string;
  creditCode: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
}

export interface Case {
  id: number;
  orgId: number;
  receiptNo: string;
  state: CaseState;
  channel: SubmissionChannel;
  submittedAt: string;
  submittedOn: string;
  receivedOn: string | null;
  concludedOn: string | null;
  outcome: string | null;
  applicantKind: ApplicantKind;
  applicantColumn: ApplicantColumn;
  infoTitle: string;
  infoDocNumber: string;
  infoDescription: string;
  formWanted: FormWanted;
  delivery: Delivery;
  handlerUserId: number | null;
  handlerName: string | null;
  updatedAt: string;
}

export interface CaseEvent {
  id: number;
  kind: string;
  onDate: string;
  at: string;
  actorUserId: number | null;
  actorName: string;
  data: Record<string, unknown>;
  note: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

// ── The application form (条例第二十九条第二款) ─────────────────────────────

/** Form field → the label the applicant sees (used in error messages). */
export const APPLICATION_FIELD_LABELS: Record<string, string> = {
  applicantKind: '申请人类型',
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  orgName: '名称',
  orgColumn: '组织类别',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人或负责人',
  contactPerson: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postalCode: '邮政编码',
  infoTitle: '所需信息的名称',
  infoDocNumber: '文号',
  infoDescription: '所需信息的其他特征描述',
  formWanted: '获取信息的形式',
  delivery: '获取信息的方式',
  channel: '提交方式',
  submittedOn: '提交日期',
  attachments: '附件',
};

const trimmed = (max: number, label: string) => z.string({ error: `请填写${label}` }).trim().max(max, { error: `${label}不能超过 ${max} 个字` });
const optionalText = (max: number, label: string) => trimmed(max, label).optional().default('');

const applicationShape = {
  applicantKind: z.enum(APPLICANT_KINDS, { error: '请选择申请人类型（自然人或法人或其他组织）' }),
  name: optionalText(50, '姓名'),
  idType: optionalText(30, '证件类型'),
  idNumber: optionalText(40, '证件号码'),
  orgName: optionalText(100, '名称'),
  orgColumn: z.union([z.enum(ORGANIZATION_COLUMNS), z.literal('')], { error: '请选择组织类别' }).optional().default(''),
  creditCode: optionalText(18, '统一社会信用代码'),
  legalRepresentative: optionalText(50, '法定代表人或负责人'),
  contactPerson: optionalText(50, '联系人'),
  phone: trimmed(30, '联系电话').refine(isValidPhone, { error: '联系电话格式不正确，请填写手机号码或带区号的固定电话' }),
  email: z.union([z.literal(''), z.email({ error: '电子邮箱格式不正确' })]).optional().default(''),
  address: optionalText(200, '通信地址'),
  postalCode: z.union([z.literal(''), z.string().regex(/^\d{6}$/, { error: '邮政编码应为 6 位数字' })]).optional().default(''),
  infoTitle: trimmed(200, '所需信息的名称').min(2, { error: '请填写所需政府信息的名称（至少 2 个字）' }),
  infoDocNumber: optionalText(100, '文号'),
  infoDescription: optionalText(2000, '所需信息的其他特征描述'),
  formWanted: z.enum(FORMS_WANTED, { error: '请选择获取信息的形式（纸质文本或电子文本）' }),
  delivery: z.enum(DELIVERIES, { error: '请选择获取信息的方式（邮寄、电子邮件、当面领取或网上获取）' }),
};

export const applicationInputSchema = z
  .object(applicationShape)
  // Runs even when a field above failed (`when`), so the applicant sees every problem in one round:
  // a value that failed its own check arrives here as typed (or undefined), hence `text()`.
  .superRefine((parsed, ctx) => {
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const raw = parsed as unknown as Record<string, unknown>;
    const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
    const v = Object.fromEntries(Object.keys(applicationShape).map((k) => [k, text(k)])) as Record<keyof typeof applicationShape, string>;
    // Without a kind, check the group the applicant filled in (both when both; none when neither).
    const typed = (keys: string[]) => keys.some((k) => text(k) !== '');
    const kind = v.applicantKind || (typed(['name', 'idType', 'idNumber']) ? 'natural' : '');
    const kinds = v.applicantKind ? [kind] : [...(kind ? ['natural'] : []), ...(typed(['orgName', 'orgColumn', 'creditCode', 'legalRepresentative', 'contactPerson']) ? ['organization'] : [])];
    if (kinds.includes('natural')) {
      need('name', v.name.length >= 2, '请填写申请人姓名');
      need('idType', (ID_TYPES as readonly string[]).includes(v.idType), '请选择证件类型');
      need('idNumber', v.idNumber.length > 0, '请填写证件号码');
      if (v.idType === '居民身份证' && v.idNumber) need('idNumber', isValidResidentId(v.idNumber), '居民身份证号码不正确（18 位，最后一位可为 X），请核对');
    }
    if (kinds.includes('organization')) {
      need('orgName', v.orgName.length >= 2, '请填写法人或其他组织的名称');
      need('orgColumn', v.orgColumn !== '', '请选择组织类别（商业企业、科研机构、社会公益组织、法律服务机构或其他）');
      need('creditCode', v.creditCode.length > 0, '请填写统一社会信用代码');
      if (v.creditCode) need('creditCode', isValidCreditCode(v.creditCode), '统一社会信用代码不正确（18 位），请核对');
      need('legalRepresentative', v.legalRepresentative.length >= 2, '请填写法定代表人或负责人');
      need('contactPerson', v.contactPerson.length >= 2, '请填写联系人姓名');
    }
    // 条例第二十九条第二款（三）: the manner of getting it must be workable
    need('email', v.delivery !== 'email' || v.email !== '', '选择以电子邮件获取信息时，请填写电子邮箱');
    need('address', v.delivery !== 'post' || v.address.length >= 5, '选择邮寄时，请填写详细的通信地址');
    need('delivery', !(v.formWanted === 'paper' && (v.delivery === 'email' || v.delivery === 'online')), '纸质文本只能邮寄或当面领取');
  }, { when: () => true });
export type ApplicationInput = z.output<typeof applicationInputSchema>;

/** How the application arrived; the portal always submits 'online' on the day it is sent. */
export interface SubmissionFacts {
  channel: SubmissionChannel;
  submittedOn: string;
  /** The one-time key of the form (double submission). */
  submissionKey: string | null;
}

export { fieldErrors } from '../core/validation.ts';
