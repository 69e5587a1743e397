// The standard documents of a case (文书, domain-reference §E.4): the organization's template of
// the letter (letter_templates, or the built-in wording of letter-defaults.ts) filled with the
// case's facts, as plain paragraphs; letter-docx.ts and letter-pdf.ts lay them out. Each states
// the receipt date, the decision or request, the articles it rests on and, for replies, the
// remedy clause in force since 2024 (rules/remedy.ts, generated, never part of the editable text).
import { conflict } from '../../core/errors.ts';
import type { Organization } from '../../orgs/model.ts';
import { DELIVERY_LABELS, FORM_LABELS, type Applicant, type Case, type CaseEvent } from '../model.ts';
import { FEE_BASIS_LABELS } from '../rules/fees.ts';
import { fillTemplate, LETTER_KINDS, LETTER_TITLES, TO_CONSULTED_PARTY, type LetterKind, type PlaceholderValues } from './rules.ts';
import { OUTCOMES, isOutcome } from '../rules/outcome.ts';
import { disclosureRemedyClause, remedyClause } from '../rules/remedy.ts';

export { LETTER_KINDS, LETTER_TITLES, type LetterKind };

/** The event a letter is about: a case has the letter once that event exists. */
export const LETTER_EVENT: Record<LetterKind, string> = {
  receipt: 'received',
  correction: 'correction_requested',
  consultation: 'consultation_sent',
  consultation_notice: 'consultation_sent',
  disclosure: 'disclosure_notified',
  extension: 'extended',
  reasons: 'reasons_requested',
  delay: 'reply_delayed',
  fee: 'fee_notified',
  reply: 'replied',
};

/** The letters an event issues (a consultation: the letter to the consulted party and the notice to the applicant). */
export const letterKindsOfEvent = (eventKind: string): LetterKind[] => LETTER_KINDS.filter((k) => LETTER_EVENT[k] === eventKind);

export interface Letter {
  kind: LetterKind;
  title: string;
  /** 编号 line under the title */
  number: string;
  /** 称呼: the applicant's name followed by “：” */
  addressee: string;
  paragraphs: string[];
  /** Contact lines of the disclosure office (条例第十二条). */
  contact: string[];
  signOrg: string;
  signDate: string;
  /** 签发人 of a reply: the head who reviewed and signed it. */
  signer: string | null;
  /** Set on a letter that is not the issued original: 草稿 (before signing) or a rebuilt copy. */
  mark: string | null;
  fileName: string;
}

export interface LetterFacts {
  case: Case;
  applicant: Applicant;
  events: readonly CaseEvent[];
  org: Organization;
  /** 行政复议机关 (rules/remedy.ts) */
  reviewBody: string;
  /** The reply due date as it stood when the letter's event was recorded (receipt, extension). */
  dueDate: string | null;
  /** The template text to fill (the organization's, or the built-in one; a reply draft may carry its own). */
  template: string;
  /**
   * A reply not yet signed: its draft event (reply_drafted) stands in for the reply, the date is
   * the drafting date and the letter is marked 草稿.
   */
  draft?: boolean;
}

/** 2025-09-26 → 2025年9月26日 */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** The letters this case has, in the order of its events. */
export function availableLetters(events: readonly CaseEvent[]): LetterKind[] {
  return LETTER_KINDS.filter((k) => events.some((e) => e.kind === LETTER_EVENT[k]));
}

const lastEvent = (events: readonly CaseEvent[], kind: string) => [...events].reverse().find((e) => e.kind === kind);
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const cnDate = (d: unknown) => (str(d) ? chineseDate(str(d)) : '');

export function requestText(c: Pick<Case, 'infoTitle' | 'infoDocNumber'>): string {
  const parts = [`“${c.infoTitle}”`];
  if (c.infoDocNumber) parts.push(`（文号：${c.infoDocNumber}）`);
  return parts.join('');
}

function contactLines(org: Organization): string[] {
  const rows: [string, string][] = [['政府信息公开工作机构', org.fullName], ['办公地址', org.address], ['办公时间', org.officeHours], ['联系电话', org.phone], ['传真', org.fax], ['电子邮箱', org.email]];
  return rows.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`);
}

/** The event a letter is composed from: the reply's draft while it awaits signature. */
export function letterEventOf(kind: LetterKind, events: readonly CaseEvent[], draft = false): CaseEvent | undefined {
  return lastEvent(events, kind === 'reply' && draft ? 'reply_drafted' : LETTER_EVENT[kind]);
}

/** Letters to the consulted party (TO_CONSULTED_PARTY) say what is asked, never who asked it. */
function withoutApplicant(v: PlaceholderValues): PlaceholderValues {
  const { 申请人: _hidden, ...rest } = v;
  return rest;
}

/** The values of the placeholders for one letter of a case. */
export function placeholderValues(kind: LetterKind, f: Omit<LetterFacts, 'template'>, event: CaseEvent): PlaceholderValues {
  const { case: c, applicant, events, org } = f;
  const v: PlaceholderValues = {
    申请人: applicant.name,
    申请编号: c.receiptNo,
    提交日期: chineseDate(c.submittedOn),
    收到日期: cnDate(c.receivedOn),
    信息名称: requestText(c),
    机关名称: org.fullName,
  };
  const due = f.dueDate ? chineseDate(f.dueDate) : '法定期限届满';
  switch (kind) {
    case 'receipt':
      return { ...v, 获取形式: FORM_LABELS[c.formWanted], 获取方式: DELIVERY_LABELS[c.delivery], 答复期限: due };
    case 'correction':
      return {
        ...v,
        补正事项: str(event.data.items).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n'),
        补正期限: cnDate(event.data.dueOn),
      };
    case 'consultation':
      return withoutApplicant(v);
    case 'consultation_notice':
      return { ...v, 征求对象: event.data.party === 'agency' ? '共同制作该信息的行政机关' : '第三方' };
    case 'disclosure':
      return { ...withoutApplicant(v), 公开内容: str(event.data.content), 公开理由: str(event.data.reasons), 救济途径: disclosureRemedyClause(f.reviewBody) };
    case 'extension': {
      const corrected = lastEvent(events, 'corrected');
      return {
        ...v,
        补正情况: corrected ? `本机关于${chineseDate(corrected.onDate)}收到您补正后的申请。` : '',
        延期理由: str(event.data.reason),
        批准日期: cnDate(event.data.approvedOn),
        延长天数: str(event.data.workingDays),
        答复期限: due,
      };
    }
    case 'reasons':
      return { ...v, 说明事项: str(event.data.grounds), 说明期限: cnDate(event.data.dueOn), 答复期限: due };
    case 'delay':
      return { ...v, 延迟理由: str(event.data.reason), 延迟答复日期: cnDate(event.data.dueDate) };
    case 'fee':
      return {
        ...v,
        计费方式: FEE_BASIS_LABELS[str(event.data.basis) as 'by_count'] ?? str(event.data.basis),
        收费说明: str(event.data.explanation),
        金额: str(event.data.amountYuan),
        缴费期限: cnDate(event.data.paymentDueOn),
      };
    case 'reply': {
      const outcome = str(event.data.outcome);
      if (!isOutcome(outcome)) throw conflict('答复结果无效');
      const steps: string[] = [];
      const correction = lastEvent(events, 'correction_requested');
      const corrected = lastEvent(events, 'corrected');
      if (correction && corrected) steps.push(`本机关于${chineseDate(correction.onDate)}告知您补正，并于${chineseDate(corrected.onDate)}收到您补正后的申请。`);
      const extended = lastEvent(events, 'extended');
      if (extended) steps.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长${str(extended.data.workingDays)}个工作日，并已于${chineseDate(str(extended.data.notifiedOn))}告知您。`);
      if (events.some((e) => e.kind === 'consultation_sent')) steps.push('本机关依法书面征求了有关方面的意见，所需时间不计算在答复期限内（条例第三十三条第三款）。');
      return {
        ...v,
        办理经过: steps.join(''),
        理由: str(event.data.reasons).trim(),
        送达方式: str(event.data.deliveredBy),
        救济途径: remedyClause(OUTCOMES[outcome].reviewFirst, f.reviewBody),
      };
    }
  }
}

/** The variant of the template a letter uses: the outcome of a reply, the party of a consultation. */
export function letterVariant(kind: LetterKind, event: CaseEvent): string {
  if (kind === 'reply') return str(event.data.outcome);
  if (kind === 'consultation') return event.data.party === 'agency' ? 'agency' : 'third_party';
  return '';
}

export function composeLetter(kind: LetterKind, f: LetterFacts): Letter {
  const { case: c, applicant, events, org } = f;
  const event = letterEventOf(kind, events, f.draft);
  if (!event) throw conflict(`该申请尚无${LETTER_TITLES[kind]}`);
  const signer = kind === 'reply' && !f.draft ? str(event.data.signedBy) || event.actorName : null;
  return {
    kind,
    title: LETTER_TITLES[kind],
    number: `编号：${c.receiptNo}`,
    addressee: `${TO_CONSULTED_PARTY.includes(kind) ? str(event.data.partyName) : applicant.name}：`,
    paragraphs: fillTemplate(f.template, placeholderValues(kind, f, event)),
    contact: contactLines(org),
    signOrg: org.fullName,
    signDate: chineseDate(event.onDate),
    signer,
    mark: f.draft ? '草稿（待机关负责人审核签发）' : null,
    fileName: `${f.draft ? '草稿-' : ''}${LETTER_TITLES[kind]}-${c.receiptNo}.docx`,
  };
}
