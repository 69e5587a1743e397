// The standard documents of a case (文书, domain-reference §E.4), composed from its events as
// plain paragraphs; letter-docx.ts lays them out. Each states the receipt date, the decision or
// request, the articles it rests on and, for replies, the remedy clause in force since 2024.
import { conflict } from '../core/errors.ts';
import type { Organization } from '../orgs/model.ts';
import { DELIVERY_LABELS, FORM_LABELS, type Applicant, type Case, type CaseEvent } from './model.ts';
import { FEE_BASIS_LABELS } from './rules/fees.ts';
import { OUTCOMES, isOutcome } from './rules/outcome.ts';
import { remedyClause } from './rules/remedy.ts';

export const LETTER_KINDS = ['receipt', 'correction', 'consultation', 'extension', 'fee', 'reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请接收回执',
  correction: '政府信息公开申请补正告知书',
  consultation: '政府信息公开申请征求意见书',
  extension: '政府信息公开申请延期答复告知书',
  fee: '政府信息公开申请收费通知书',
  reply: '政府信息公开申请答复书',
};

/** The event a letter is about: a case has the letter once that event exists. */
const LETTER_EVENT: Record<LetterKind, string> = {
  receipt: 'received',
  correction: 'correction_requested',
  consultation: 'consultation_sent',
  extension: 'extended',
  fee: 'fee_notified',
  reply: 'replied',
};

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

function requestText(c: Case): string {
  const parts = [`“${c.infoTitle}”`];
  if (c.infoDocNumber) parts.push(`（文号：${c.infoDocNumber}）`);
  return parts.join('');
}

function contactLines(org: Organization): string[] {
  const rows: [string, string][] = [['政府信息公开工作机构', org.fullName], ['办公地址', org.address], ['办公时间', org.officeHours], ['联系电话', org.phone], ['传真', org.fax], ['电子邮箱', org.email]];
  return rows.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`);
}

export function composeLetter(kind: LetterKind, f: LetterFacts): Letter {
  const { case: c, applicant, events, org } = f;
  const event = lastEvent(events, LETTER_EVENT[kind]);
  if (!event) throw conflict(`该申请尚无${LETTER_TITLES[kind]}`);
  const received = c.receivedOn ? chineseDate(c.receivedOn) : '';
  const intro = `本机关于${received}收到您提交的政府信息公开申请（编号：${c.receiptNo}），申请获取${requestText(c)}。`;
  const paragraphs: string[] = [];

  switch (kind) {
    case 'receipt':
      paragraphs.push(
        `您于${chineseDate(c.submittedOn)}提交的政府信息公开申请（编号：${c.receiptNo}）已收到，收到申请之日为${received}（《中华人民共和国政府信息公开条例》第三十一条）。`,
        `您申请获取${requestText(c)}，要求以${FORM_LABELS[c.formWanted]}形式、通过${DELIVERY_LABELS[c.delivery]}方式获取。`,
        f.dueDate
          ? `本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定，于${chineseDate(f.dueDate)}前作出答复（需要补正、征求意见或者依法延期的除外）。`
          : '本机关将依照《中华人民共和国政府信息公开条例》第三十三条规定的期限作出答复。',
        `您可以凭编号和联系电话（或电子邮箱）在本平台查询办理进度。`,
      );
      break;
    case 'correction':
      paragraphs.push(
        intro,
        '经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：',
        ...str(event.data.items).split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
        `请您于${chineseDate(str(event.data.dueOn))}前补正，可以通过本平台在线补正，也可以书面提交。答复期限自本机关收到补正的申请之日起计算。`,
        '您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      );
      break;
    case 'consultation': {
      // To the third party or the other agency: the request, never the applicant's identity.
      const request = `本机关收到一件政府信息公开申请（编号：${c.receiptNo}），申请获取${requestText(c)}。`;
      if (event.data.party === 'agency') {
        paragraphs.push(
          `${request}该政府信息由本机关与你机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求你机关的意见。`,
          '请自收到本征求意见书之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。',
        );
      } else {
        paragraphs.push(
          `${request}经审查，公开该信息可能损害你方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你方意见。`,
          '请自收到本征求意见书之日起15个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
          '第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。',
        );
      }
      break;
    }
    case 'extension': {
      const corrected = lastEvent(events, 'corrected');
      paragraphs.push(
        corrected ? `${intro}本机关于${chineseDate(corrected.onDate)}收到您补正后的申请。` : intro,
        `因${str(event.data.reason)}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，` +
          `经本机关政府信息公开工作机构负责人于${chineseDate(str(event.data.approvedOn))}同意，答复期限延长${str(event.data.workingDays)}个工作日` +
          (f.dueDate ? `，本机关将于${chineseDate(f.dueDate)}前作出答复。` : '。'),
        '征求第三方或者其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款）。',
      );
      break;
    }
    case 'fee':
      paragraphs.push(
        intro,
        `根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费，` +
          `计费方式为${FEE_BASIS_LABELS[str(event.data.basis) as 'by_count'] ?? str(event.data.basis)}。${str(event.data.explanation)}。`,
        `应缴金额：人民币${str(event.data.amountYuan)}元。请于${chineseDate(str(event.data.paymentDueOn))}前缴纳。自本通知发出之日至缴费之日，不计算在答复期限内。`,
        '您逾期未按本通知要求缴纳费用的，本机关不再处理该政府信息公开申请。',
      );
      break;
    case 'reply': {
      const outcome = str(event.data.outcome);
      if (!isOutcome(outcome)) throw conflict('答复结果无效');
      const info = OUTCOMES[outcome];
      const steps: string[] = [];
      const correction = lastEvent(events, 'correction_requested');
      const corrected = lastEvent(events, 'corrected');
      if (correction && corrected) steps.push(`本机关于${chineseDate(correction.onDate)}告知您补正，并于${chineseDate(corrected.onDate)}收到您补正后的申请。`);
      const extended = lastEvent(events, 'extended');
      if (extended) steps.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长${str(extended.data.workingDays)}个工作日，并已于${chineseDate(str(extended.data.notifiedOn))}告知您。`);
      if (events.some((e) => e.kind === 'consultation_sent')) steps.push('本机关依法书面征求了有关方面的意见，所需时间不计算在答复期限内（条例第三十三条第三款）。');
      paragraphs.push(intro + steps.join('') + '经审查，现答复如下：', info.decision);
      const reasons = str(event.data.reasons).trim();
      if (reasons) paragraphs.push(`${outcome === 'granted' ? '说明' : '理由'}：${reasons}`);
      paragraphs.push(`依据：${info.basis}。`);
      if (str(event.data.deliveredBy)) paragraphs.push(`本答复通过${str(event.data.deliveredBy)}方式送达。`);
      paragraphs.push(remedyClause(info.reviewFirst, f.reviewBody));
      break;
    }
  }
  return {
    kind,
    title: LETTER_TITLES[kind],
    number: `编号：${c.receiptNo}`,
    addressee: `${kind === 'consultation' ? str(event.data.partyName) : applicant.name}：`,
    paragraphs,
    contact: contactLines(org),
    signOrg: org.fullName,
    signDate: chineseDate(event.onDate),
    fileName: `${LETTER_TITLES[kind]}-${c.receiptNo}.docx`,
  };
}
