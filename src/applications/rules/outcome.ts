// Reply outcomes (答复结果) are exactly the result rows of table 3 (国办公开办函〔2021〕30号),
// each with the article it rests on (domain-reference §B.8, an interpretive mapping) and the
// text the reply letter uses. A case's outcome is stored as the 2021 row key; the 2019 layout
// folds （六）其他处理 into one row.
import { table3OutcomeRows, table3RowFullLabel, type ReportFormat } from '../../report/model/layout.ts';

export const OUTCOME_KEYS = [
  'granted',
  'partiallyGranted',
  'withheld.stateSecret',
  'withheld.prohibitedByLaw',
  'withheld.securityStability',
  'withheld.thirdPartyRights',
  'withheld.internalAffairs',
  'withheld.processInformation',
  'withheld.enforcementFiles',
  'withheld.inquiryMatters',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclearAfterCorrection',
  'notProcessed.petitionComplaint',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.massRepeated',
  'notProcessed.confirmation',
  'other.noCorrection',
  'other.feeNotPaid',
  'other.other',
] as const;
export type Outcome = (typeof OUTCOME_KEYS)[number];

/** Outcomes a reply may choose; the other two follow from their own transitions (abandon, unpaid). */
export const REPLY_OUTCOMES = OUTCOME_KEYS.filter((k) => k !== 'other.noCorrection' && k !== 'other.feeNotPaid');
export type ReplyOutcome = Exclude<Outcome, 'other.noCorrection' | 'other.feeNotPaid'>;

export interface OutcomeInfo {
  key: Outcome;
  /** As printed in table 3, with its group: （三）不予公开 1.属于国家秘密 */
  label: string;
  /** The articles the decision rests on (条例 unless said otherwise). */
  basis: string;
  /**
   * The decision sentence of the reply letter: one statement for this outcome, never a template's
   * alternatives (“（或……）”); what differs from case to case (how the information is provided,
   * which agency holds it) is the handler's 说明/理由.
   */
  decision: string;
  /**
   * 行政复议法第二十三条第一款第（四）项: 申请政府信息公开，行政机关不予公开 — the applicant must apply
   * for 行政复议 before suing. Partial disclosure withholds a part, so it carries the clause too.
   */
  reviewFirst: boolean;
}

const INFO: Record<Outcome, Omit<OutcomeInfo, 'key' | 'label' | 'reviewFirst'>> = {
  granted: { basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项', decision: '经审查，您申请的政府信息属于可以公开的政府信息，本机关予以公开。' },
  partiallyGranted: { basis: '《中华人民共和国政府信息公开条例》第三十七条', decision: '您申请的政府信息中含有不应当公开的内容，但能够作区分处理。现向您提供可以公开的内容，对不予公开的部分说明理由如下。' },
  'withheld.stateSecret': { basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项', decision: '您申请的政府信息属于国家秘密，依法不予公开。' },
  'withheld.prohibitedByLaw': { basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项', decision: '您申请的政府信息属于法律、行政法规禁止公开的信息，依法不予公开。' },
  'withheld.securityStability': { basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项', decision: '您申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。' },
  'withheld.thirdPartyRights': { basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项', decision: '您申请的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依法不予公开。' },
  'withheld.internalAffairs': { basis: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项', decision: '您申请的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，依法可以不予公开。' },
  'withheld.processInformation': { basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项', decision: '您申请的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，依法可以不予公开。' },
  'withheld.enforcementFiles': { basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项', decision: '您申请的政府信息属于行政执法案卷信息，依法可以不予公开。' },
  'withheld.inquiryMatters': { basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项', decision: '您申请的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定，请依照有关规定办理。' },
  'unavailable.notHeld': { basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项', decision: '经检索，本机关不掌握您申请公开的政府信息。' },
  'unavailable.needsCreation': { basis: '《中华人民共和国政府信息公开条例》第三十八条', decision: '您申请的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。' },
  'unavailable.unclearAfterCorrection': { basis: '《中华人民共和国政府信息公开条例》第三十条', decision: '经补正，您的申请内容仍不明确，本机关无法提供。' },
  'notProcessed.petitionComplaint': { basis: '《中华人民共和国政府信息公开条例》第三十九条第一款', decision: '您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。' },
  'notProcessed.repeated': { basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项', decision: '本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。' },
  'notProcessed.publication': { basis: '《中华人民共和国政府信息公开条例》第三十九条第二款', decision: '您申请提供政府公报、报刊、书籍等公开出版物，请通过出版发行渠道获取。' },
  'notProcessed.massRepeated': { basis: '《中华人民共和国政府信息公开条例》第三十五条', decision: '您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您逾期未说明理由或者说明的理由不合理，本机关不予处理。' },
  'notProcessed.confirmation': { basis: '《中华人民共和国政府信息公开条例》第三十六条', decision: '您要求本机关确认或重新出具已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。' },
  'other.noCorrection': { basis: '《中华人民共和国政府信息公开条例》第三十条', decision: '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。' },
  'other.feeNotPaid': { basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', decision: '您逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请。' },
  'other.other': { basis: '《中华人民共和国政府信息公开条例》', decision: '本机关对您的申请作如下处理。' },
};

const ROWS = new Map(table3OutcomeRows('2021').map((r) => [r.key, r]));

export const OUTCOMES: Record<Outcome, OutcomeInfo> = Object.fromEntries(
  OUTCOME_KEYS.map((key) => [
    key,
    { key, label: table3RowFullLabel(ROWS.get(key)!), ...INFO[key], reviewFirst: key === 'partiallyGranted' || key.startsWith('withheld.') },
  ]),
) as Record<Outcome, OutcomeInfo>;

export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && (OUTCOME_KEYS as readonly string[]).includes(v);

/** The table 3 row an outcome is counted in for a report format: 2019 has one （六）其他处理 row. */
export function table3RowOf(outcome: Outcome, format: ReportFormat): string {
  if (format === '2019' && outcome.startsWith('other.')) return 'other';
  return outcome;
}

/** Withdrawal after receipt is counted under （六）其他处理 3.其他 (domain-reference §B.8, unverified). */
export const WITHDRAWN_OUTCOME: Outcome = 'other.other';
