// The columns of a 依申请公开台账 (docs/ledger-template.md): for each field of a ledger row, the
// header of the template and the header variants agencies use. A header cell matches when its
// normalized text (traditional → simplified, full-width → half-width, spaces, line breaks, `*`
// marks and bracketed hints such as “（YYYY-MM-DD）” removed) equals a normalized variant.
import { normalizeForMatch } from '../../core/text/normalize.ts';

export type LedgerFieldKey =
  | 'serial'
  | 'ledgerNo'
  | 'name'
  | 'applicantType'
  | 'idType'
  | 'idNumber'
  | 'creditCode'
  | 'legalRepresentative'
  | 'contactPerson'
  | 'phone'
  | 'email'
  | 'address'
  | 'postalCode'
  | 'content'
  | 'docNumber'
  | 'channel'
  | 'submittedOn'
  | 'receivedOn'
  | 'formWanted'
  | 'delivery'
  | 'correctionOn'
  | 'correctionItems'
  | 'correctionDueOn'
  | 'correctedOn'
  | 'feeNoticeOn'
  | 'feeBasis'
  | 'feeQuantity'
  | 'feeAmount'
  | 'feeDueOn'
  | 'feePaidOn'
  | 'extended'
  | 'extensionOn'
  | 'extensionDays'
  | 'extensionReason'
  | 'repliedOn'
  | 'outcome'
  | 'reasons'
  | 'deliveredBy'
  | 'closedOn'
  | 'note';

export interface LedgerField {
  key: LedgerFieldKey;
  /** The header of the template (and of error messages when the file has no such column). */
  header: string;
  /** Other headers that mean the same. */
  variants: readonly string[];
  /** What the column holds, for the template's notes and docs/ledger-template.md. */
  help: string;
  kind: 'text' | 'date' | 'number';
  /** The sheet cannot be imported without this column. */
  required?: boolean;
  /** When the sheet has no column of this field, the column of another field stands in. */
  fallback?: LedgerFieldKey;
  /** Template column width. */
  width?: number;
}

const f = (key: LedgerFieldKey, header: string, kind: LedgerField['kind'], variants: string[], help: string, extra: Partial<LedgerField> = {}): LedgerField => ({
  key,
  header,
  kind,
  variants,
  help,
  ...extra,
});

/** In template order. */
export const LEDGER_FIELDS: readonly LedgerField[] = [
  f('serial', '序号', 'text', ['序', '编序'], '行序号，导入时不使用（可预先填好，空行会跳过）', { width: 6 }),
  f('ledgerNo', '申请编号', 'text', ['编号', '受理编号', '登记编号', '案件编号', '申请单号', '流水号', '收件编号', '受理号', '登记号', '台账编号'], '台账自己的编号（可选）。填写时，重复导入按“编号 + 收到申请年份”识别同一申请', { width: 14 }),
  f('name', '申请人', 'text', ['申请人姓名', '申请人名称', '申请人姓名或名称', '申请人姓名名称', '姓名', '姓名或名称', '姓名名称', '申请单位', '申请人单位'], '自然人的姓名，或法人或其他组织的名称（必填）', { required: true, width: 16 }),
  f('applicantType', '申请人类型', 'text', ['申请人性质', '申请人类别', '申请主体', '申请主体类型', '申请人情况', '主体类型', '申请人身份'], '自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他（年度报告表三的申请人情况，必填）', { required: true, width: 14 }),
  f('idType', '证件类型', 'text', ['证件名称', '身份证件类型'], '自然人的身份证件类型（可选；18 位身份证号码可不填）', { width: 12 }),
  f('idNumber', '证件号码', 'text', ['证件号', '身份证号', '身份证号码', '身份证件号码', '公民身份号码'], '自然人的证件号码（可选；可部分隐去，如 3301**********1234）', { width: 22 }),
  f('creditCode', '统一社会信用代码', 'text', ['信用代码', '社会信用代码', '组织机构代码'], '法人或其他组织的统一社会信用代码（可选）', { width: 22 }),
  f('legalRepresentative', '法定代表人或负责人', 'text', ['法定代表人', '负责人', '法人代表'], '法人或其他组织的法定代表人或负责人（可选）', { width: 12 }),
  f('contactPerson', '联系人', 'text', ['联系人姓名'], '法人或其他组织的联系人（可选）', { width: 10 }),
  f('phone', '联系电话', 'text', ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系人电话'], '联系电话（可选）', { width: 16 }),
  f('email', '电子邮箱', 'text', ['邮箱', '电子邮件', 'email', 'e-mail', '电子邮箱地址'], '电子邮箱（可选）', { width: 20 }),
  f('address', '通信地址', 'text', ['通讯地址', '联系地址', '地址', '邮寄地址'], '通信地址（可选）', { width: 24 }),
  f('postalCode', '邮政编码', 'text', ['邮编'], '邮政编码（可选）', { width: 8 }),
  f('content', '申请内容', 'text', ['申请公开内容', '申请公开的内容', '申请公开的政府信息', '申请公开信息', '申请信息', '申请信息内容', '所需信息', '所需信息名称', '所需政府信息的名称', '所需信息的名称', '申请事项', '申请公开事项', '政府信息名称', '信息名称', '内容摘要', '申请内容摘要'], '所需政府信息的名称或描述（必填）', { required: true, width: 36 }),
  f('docNumber', '文号', 'text', ['文件文号', '所需信息的文号'], '所需信息的文号（可选）', { width: 14 }),
  f('channel', '申请方式', 'text', ['申请渠道', '渠道', '提交方式', '申请途径', '申请来源', '来源渠道', '收件方式', '提交渠道'], '当面、口头、邮寄（需签收）、平常信函、网上（含电子邮件）、传真；不填按当面提交', { width: 12 }),
  f('submittedOn', '申请日期', 'date', ['申请时间', '提交日期', '提交时间', '申请提交日期'], '申请人提交（寄出）的日期（可选；不填同收到申请日期）', { width: 12 }),
  f('receivedOn', '收到申请日期', 'date', ['收到申请时间', '收到日期', '收件日期', '受理日期', '受理时间', '登记日期', '收到申请之日', '签收日期', '收到时间'], '条例第三十一条的收到申请之日（必填；没有此列时使用“申请日期”列）', { required: true, fallback: 'submittedOn', width: 12 }),
  f('formWanted', '获取信息的形式', 'text', ['获取形式', '提供形式', '信息载体形式', '载体形式', '获取信息形式'], '纸质、电子（可选；网上申请默认电子，其他默认纸质）', { width: 10 }),
  f('delivery', '获取信息的方式', 'text', ['获取方式', '获取信息方式', '提供方式'], '邮寄、电子邮件、当面领取、网上获取（可选）', { width: 10 }),
  f('correctionOn', '补正告知日期', 'date', ['告知补正日期', '补正通知日期', '补正告知时间'], '发出补正告知书的日期（条例第三十条，可选）', { width: 12 }),
  f('correctionItems', '补正事项', 'text', ['需补正事项', '补正要求'], '需要补正的事项（可选）', { width: 20 }),
  f('correctionDueOn', '补正期限', 'date', ['补正截止日期', '补正期限日期'], '补正告知书写明的补正期限（有补正告知日期时必填）', { width: 12 }),
  f('correctedOn', '收到补正日期', 'date', ['补正日期', '补正完成日期', '收到补正时间', '补正回复日期'], '收到补正后申请的日期（可选）', { width: 12 }),
  f('feeNoticeOn', '收费通知日期', 'date', ['收费通知时间', '缴费通知日期'], '发出收费通知的日期（国办函〔2020〕109号，可选）', { width: 12 }),
  f('feeBasis', '计费方式', 'text', ['收费方式', '收费标准'], '按件计收或按量计收（有收费通知日期时必填）', { width: 10 }),
  f('feeQuantity', '计费数量', 'number', ['页数', '计费页数', '计费件数'], '按量计收的页数，或按件计收时为该申请人当月第几件（可选）', { width: 8 }),
  f('feeAmount', '收费金额', 'number', ['收费金额元', '信息处理费', '信息处理费金额', '收费数额'], '信息处理费金额（元，有收费通知日期时必填）', { width: 10 }),
  f('feeDueOn', '缴费期限', 'date', ['缴费截止日期', '缴费期限日期'], '收费通知写明的缴费期限（有收费通知日期时必填）', { width: 12 }),
  f('feePaidOn', '缴费日期', 'date', ['实际缴费日期', '缴费时间'], '申请人缴费的日期（可选）', { width: 12 }),
  f('extended', '是否延期', 'text', ['延期', '延期答复', '是否延期答复'], '是或否（可选；填“是”须填写延期告知日期）', { width: 8 }),
  f('extensionOn', '延期告知日期', 'date', ['延期日期', '延期答复告知日期', '延长答复期限日期', '延期告知时间'], '经负责人同意延期并告知申请人的日期（条例第三十三条第二款，可选）', { width: 12 }),
  f('extensionDays', '延长工作日数', 'number', ['延期天数', '延长天数', '延期工作日', '延期工作日数', '延长期限'], '延长的工作日数，1 至 20（不填按 20）', { width: 8 }),
  f('extensionReason', '延期理由', 'text', ['延期原因'], '延期理由（可选）', { width: 16 }),
  f('repliedOn', '答复日期', 'date', ['答复时间', '回复日期', '答复书日期', '处理日期', '处理时间'], '作出答复（或撤回、视为放弃、不再处理）的日期；尚未办结的留空（没有此列时使用“办结日期”列）', { fallback: 'closedOn', width: 12 }),
  f('outcome', '处理结果', 'text', ['答复类型', '办理结果', '答复结果', '答复情况', '处理情况', '办理情况', '答复结果类型', '办理结果类型', '处理结果类型'], '年度报告表三的办理结果，如“予以公开”“不予公开-属于国家秘密”“无法提供-本机关不掌握相关政府信息”，或“撤回”；尚未办结的留空', { width: 30 }),
  f('reasons', '答复理由', 'text', ['理由', '不予公开理由', '不予公开的理由', '处理理由', '答复依据', '法律依据', '理由及依据', '答复内容', '答复要点'], '答复的理由和依据（可选，不填记为“见答复书”）', { width: 30 }),
  f('deliveredBy', '送达方式', 'text', ['答复送达方式', '答复方式', '送达'], '答复书的送达方式（可选）', { width: 10 }),
  f('closedOn', '办结日期', 'date', ['办结时间', '结案日期', '归档日期', '办结归档日期', '完成日期'], '办结归档的日期（可选，不填同答复日期）', { width: 12 }),
  f('note', '备注', 'text', ['其他说明', '情况说明'], '备注（可选，记入案件的办理记录）', { width: 20 }),
];

export const FIELD_BY_KEY = new Map(LEDGER_FIELDS.map((x) => [x.key, x]));
export const fieldHeader = (key: LedgerFieldKey) => FIELD_BY_KEY.get(key)!.header;

/**
 * A header as compared: normalized text, bracketed hints （YYYY-MM-DD）, (必填), 【】 removed,
 * then everything but letters and Han characters removed: “*收到申请\n日期（年/月/日）” → “收到申请日期”.
 */
export function normalizeHeader(text: string): string {
  return normalizeForMatch(text)
    .replace(/[(\[【［{〔][^)\]】］}〕]*[)\]】］}〕]/g, '')
    .replace(/[^\p{Script=Han}a-zA-Z]/gu, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, LedgerFieldKey>();
for (const field of LEDGER_FIELDS) {
  for (const text of [field.header, ...field.variants]) {
    const key = normalizeHeader(text);
    const known = HEADER_INDEX.get(key);
    if (known && known !== field.key) throw new Error(`台账列名“${text}”同时属于 ${known} 和 ${field.key}`);
    HEADER_INDEX.set(key, field.key);
  }
}

/** The field a header cell names, or null. */
export function matchHeader(text: string): LedgerFieldKey | null {
  const key = normalizeHeader(text);
  return key ? (HEADER_INDEX.get(key) ?? null) : null;
}
