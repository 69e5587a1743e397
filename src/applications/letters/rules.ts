// Letter templates (文书模板): the body of each standard document (domain-reference §E.4) as text
// with named placeholders in braces, e.g. “本机关于{收到日期}收到您提交的政府信息公开申请”. One
// line is one paragraph. A line whose placeholders are all empty for a case is left out (e.g.
// “理由：{理由}” of a full disclosure without reasons); a value with several lines (补正事项)
// becomes several paragraphs. Pure: checking a template and filling it.
import { invalid } from '../../core/errors.ts';
import { OUTCOMES, REPLY_OUTCOMES, type ReplyOutcome } from '../rules/outcome.ts';

export const LETTER_KINDS = ['receipt', 'correction', 'consultation', 'consultation_notice', 'disclosure', 'extension', 'reasons', 'delay', 'fee', 'reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请接收回执',
  correction: '政府信息公开申请补正告知书',
  consultation: '政府信息公开申请征求意见书',
  consultation_notice: '政府信息公开申请征求意见告知书',
  disclosure: '政府信息依申请公开告知书',
  extension: '政府信息公开申请延期答复告知书',
  reasons: '政府信息公开申请说明理由告知书',
  delay: '政府信息公开申请延迟答复告知书',
  fee: '政府信息公开申请收费通知书',
  reply: '政府信息公开申请答复书',
};

/** The placeholders, with what they stand for (shown to the editor of a template). */
export const PLACEHOLDERS = {
  申请人: '申请人姓名或名称',
  申请编号: '申请的接收回执编号',
  提交日期: '申请人提交申请的日期',
  收到日期: '收到申请之日（条例第三十一条）',
  信息名称: '所需信息的名称（及文号）',
  机关名称: '本机关全称',
  获取形式: '申请人要求的获取形式（纸质文本、电子文本）',
  获取方式: '申请人要求的获取方式（邮寄、电子邮件等）',
  答复期限: '答复期限届满之日',
  补正事项: '需要补正的事项（每项一段）',
  征求对象: '被征求意见的一方：第三方，或共同制作该信息的行政机关（不写名称）',
  公开内容: '决定公开的政府信息内容（条例第三十二条）',
  公开理由: '不公开可能对公共利益造成重大影响的理由（条例第三十二条）',
  补正期限: '申请人补正的期限',
  补正情况: '“本机关于……收到您补正后的申请。”（未补正的为空）',
  延期理由: '延期答复的理由',
  批准日期: '负责人同意延期的日期',
  延长天数: '延长的工作日数',
  说明事项: '申请数量、频次明显超过合理范围的情况（条例第三十五条）',
  说明期限: '申请人说明理由的期限',
  延迟理由: '理由合理但无法在法定期限内答复的原因（条例第三十五条）',
  延迟答复日期: '本机关确定的延迟答复日期（条例第三十五条）',
  计费方式: '按件计收或按量计收',
  收费说明: '收费的计算说明',
  金额: '应缴金额（元）',
  缴费期限: '缴费期限',
  办理经过: '补正、延期、征求意见的经过（没有的为空）',
  理由: '办理人填写的理由或说明',
  送达方式: '答复的送达方式',
  救济途径: '行政复议和行政诉讼的告知（按答复结果或告知对象自动生成，2024年起施行的行政复议法）',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const COMMON: Placeholder[] = ['申请人', '申请编号', '提交日期', '收到日期', '信息名称', '机关名称'];

/**
 * Letters addressed to the consulted third party or agency (第三十二条、第三十四条): they say what
 * was asked, never who asked it — no {申请人}.
 */
export const TO_CONSULTED_PARTY: readonly LetterKind[] = ['consultation', 'disclosure'];
const FOR_CONSULTED_PARTY = COMMON.filter((p) => p !== '申请人');

/** The placeholders each kind of letter may use. */
export const KIND_PLACEHOLDERS: Record<LetterKind, readonly Placeholder[]> = {
  receipt: [...COMMON, '获取形式', '获取方式', '答复期限'],
  correction: [...COMMON, '补正事项', '补正期限'],
  // 条例第三十二条: the third party learns what is asked, never who asked it — no {申请人}
  consultation: FOR_CONSULTED_PARTY,
  consultation_notice: [...COMMON, '征求对象'],
  disclosure: [...FOR_CONSULTED_PARTY, '公开内容', '公开理由', '救济途径'],
  extension: [...COMMON, '补正情况', '延期理由', '批准日期', '延长天数', '答复期限'],
  reasons: [...COMMON, '说明事项', '说明期限', '答复期限'],
  delay: [...COMMON, '延迟理由', '延迟答复日期'],
  fee: [...COMMON, '计费方式', '收费说明', '金额', '缴费期限'],
  reply: [...COMMON, '办理经过', '理由', '送达方式', '救济途径'],
};

/** Placeholders a template of the kind (and variant) must keep, with the rule behind each. */
export function requiredPlaceholders(kind: LetterKind, variant: string): { name: Placeholder; why: string }[] {
  switch (kind) {
    case 'receipt':
      return [{ name: '收到日期', why: '接收回执应载明收到申请之日（条例第三十一条）' }];
    case 'correction':
      return [
        { name: '补正事项', why: '补正告知应一次性说明需要补正的事项（条例第三十条）' },
        { name: '补正期限', why: '补正告知应载明合理的补正期限（条例第三十条）' },
      ];
    case 'consultation':
      return [{ name: '信息名称', why: '征求意见书应说明所涉的政府信息（条例第三十二条）' }];
    case 'consultation_notice':
      return [{ name: '征求对象', why: '应告知申请人正在征求谁的意见，所需时间不计算在答复期限内（条例第三十三条第三款）' }];
    case 'disclosure':
      return [
        { name: '公开内容', why: '应将决定公开的政府信息内容书面告知第三方（条例第三十二条）' },
        { name: '公开理由', why: '应将决定公开的理由书面告知第三方（条例第三十二条）' },
        { name: '救济途径', why: '第三方可以对公开决定申请行政复议或者提起行政诉讼，应当告知' },
      ];
    case 'extension':
      return [
        { name: '延期理由', why: '延期告知应说明延期的理由（条例第三十三条第二款）' },
        { name: '延长天数', why: '延期告知应载明延长的期限（条例第三十三条第二款）' },
      ];
    case 'reasons':
      return [
        { name: '说明事项', why: '应告知申请人其申请数量、频次明显超过合理范围的情况（条例第三十五条）' },
        { name: '说明期限', why: '应载明申请人说明理由的期限（条例第三十五条）' },
      ];
    case 'delay':
      return [{ name: '延迟答复日期', why: '应确定延迟答复的合理期限并告知申请人（条例第三十五条）' }];
    case 'fee':
      return [
        { name: '金额', why: '收费通知应载明收费金额（国办函〔2020〕109号）' },
        { name: '缴费期限', why: '收费通知应载明缴费期限（国办函〔2020〕109号）' },
      ];
    case 'reply':
      return [
        { name: '救济途径', why: '答复书必须告知申请行政复议、提起行政诉讼的途径和期限（行政复议法第二十条、第二十三条第二款，行政诉讼法第四十六条）' },
        ...(variant === 'granted' ? [] : [{ name: '理由' as Placeholder, why: '不予公开、部分公开等答复应当说明理由（条例第三十六条、第三十七条）' }]),
      ];
  }
}

/** The variants of a kind: the outcome for replies (表三的答复结果), the party for consultations. */
export function templateVariants(kind: LetterKind): readonly string[] {
  if (kind === 'reply') return REPLY_OUTCOMES;
  if (kind === 'consultation') return ['third_party', 'agency'];
  return [''];
}

export const CONSULTATION_VARIANT_LABELS: Record<string, string> = { third_party: '征求第三方意见（条例第三十二条）', agency: '征求共同制作机关意见（条例第三十四条）' };

export function templateLabel(kind: LetterKind, variant: string): string {
  if (kind === 'reply') return `${LETTER_TITLES.reply}：${OUTCOMES[variant as ReplyOutcome]?.label ?? variant}`;
  if (kind === 'consultation') return `${LETTER_TITLES.consultation}：${CONSULTATION_VARIANT_LABELS[variant] ?? variant}`;
  return LETTER_TITLES[kind];
}

export function isTemplateKey(kind: string, variant: string): kind is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(kind) && templateVariants(kind as LetterKind).includes(variant);
}

export const MAX_TEMPLATE_LENGTH = 10_000;
const TOKEN = /\{([^{}\n]*)\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/**
 * Alternatives left from a model text, “（或告知获取该政府信息的方式、途径和时间）”: a signed letter
 * states one decision, so a template must not carry them (the applicant would read both).
 */
export function templateAlternatives(text: string): string[] {
  return [...text.matchAll(/[（(]\s*或(?:者)?[^（）()]*[）)]/g)].map((m) => m[0]);
}

const list = (names: readonly string[]) => names.map((n) => `{${n}}`).join('、');

/**
 * Checks a template: not empty, braces paired, every placeholder known for the kind, every
 * required one kept. Throws a DomainError (VALIDATION) with one Chinese message listing all problems.
 */
export function checkTemplate(kind: LetterKind, variant: string, text: string): string {
  const body = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!body) throw invalid('模板内容不能为空');
  if (body.length > MAX_TEMPLATE_LENGTH) throw invalid(`模板不能超过 ${MAX_TEMPLATE_LENGTH} 个字`);
  const problems: string[] = [];
  const stray = body.replace(TOKEN, '');
  if (/[{}]/.test(stray)) problems.push('花括号不成对：占位符应写成 {名称} 的形式');
  const allowed = KIND_PLACEHOLDERS[kind] as readonly string[];
  const used = placeholdersOf(body);
  const unknown = used.filter((p) => !allowed.includes(p));
  if (unknown.length) {
    const secret = !unknown.includes('申请人') ? '' : kind === 'consultation' ? '（征求意见书不得载明申请人的身份，条例第三十二条）' : kind === 'disclosure' ? '（给第三方的告知书不载明申请人的身份）' : '';
    problems.push(`无法识别的占位符：${list(unknown)}${secret}。${LETTER_TITLES[kind]}可用的占位符：${list(allowed)}`);
  }
  const alternatives = templateAlternatives(body);
  if (alternatives.length) problems.push(`模板不得保留备选说法 ${alternatives.map((a) => `“${a}”`).join('、')}：文书须写明本案的一种处理，具体情况请写在说明、理由中`);
  for (const r of requiredPlaceholders(kind, variant)) {
    if (!used.includes(r.name)) problems.push(`缺少必需的占位符 {${r.name}}：${r.why}`);
  }
  if (problems.length) throw invalid(problems.join('；'), { problems });
  return body;
}

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/**
 * Fills a (checked) template: one paragraph per line; a line whose placeholders are all empty is
 * left out; a value with line breaks gives one paragraph per non-empty line.
 */
export function fillTemplate(text: string, values: PlaceholderValues): string[] {
  const value = (name: string) => (values[name as Placeholder] ?? '').trim();
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const names = placeholdersOf(line);
    if (names.length && names.every((n) => value(n) === '')) continue;
    const filled = line.replace(TOKEN, (_, n: string) => value(n));
    for (const p of filled.split('\n')) if (p.trim()) out.push(p.trim());
  }
  return out;
}
