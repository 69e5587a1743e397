// The legal receipt date of an application (收到申请之日) — 条例第三十一条. The reply clock
// runs from this date, not from the moment the applicant pressed “submit”.
import { dayNumber, type DateString } from '../../core/date.ts';
import { ClockInputError } from './clock-input.ts';

/** How the application reached the agency. */
export type SubmissionChannel =
  | 'in_person' // 当面提交
  | 'oral' // 口头提出，由政府信息公开工作机构代为填写（条例第二十九条第一款）— handed in on the spot
  | 'post_signed' // 以邮寄方式提交，需签收
  | 'ordinary_letter' // 平常信函等无需签收的邮寄方式
  | 'online' // 互联网渠道
  | 'fax'; // 政府信息公开工作机构的传真

export interface Submission {
  channel: SubmissionChannel;
  /** The day the applicant handed it in, posted it, submitted it online or sent the fax. */
  submittedOn: DateString;
  /** post_signed: the day the agency signed for the item. */
  signedForOn?: DateString | null;
  /** ordinary_letter: the day the letter physically arrived at the office. */
  arrivedOn?: DateString | null;
  /** ordinary_letter, online, fax: the day the office and the applicant confirmed the application. */
  confirmedOn?: DateString | null;
}

function notBefore(later: DateString | null | undefined, earlier: DateString, what: string): void {
  if (later != null && dayNumber(later) < dayNumber(earlier)) throw new ClockInputError(`${what}（${later}）早于提交日期（${earlier}）`);
}

/**
 * 条例第三十一条: the legal receipt date by channel, or null while the application is not yet
 * legally received (a post item not signed for, a letter / online / fax submission not confirmed).
 */
export function legalReceiptDate(s: Submission): DateString | null {
  dayNumber(s.submittedOn);
  notBefore(s.signedForOn, s.submittedOn, '签收日期');
  notBefore(s.arrivedOn, s.submittedOn, '信件到达日期');
  notBefore(s.confirmedOn, s.submittedOn, '确认日期');
  if (s.channel === 'ordinary_letter') notBefore(s.confirmedOn, s.arrivedOn ?? s.submittedOn, '确认日期');
  switch (s.channel) {
    // （一）当面提交的，以提交之日为收到申请之日
    case 'in_person':
    case 'oral':
      return s.submittedOn;
    // （二）以邮寄方式提交的，以行政机关签收之日为收到申请之日
    case 'post_signed':
      return s.signedForOn ?? null;
    // （二）平常信函等无需签收的，应当于收到申请的当日与申请人确认，确认之日为收到申请之日
    // （三）互联网渠道或者传真提交的，以双方确认之日为收到申请之日
    case 'ordinary_letter':
    case 'online':
    case 'fax':
      return s.confirmedOn ?? null;
  }
}

/**
 * 条例第三十一条第（二）项: an ordinary letter must be confirmed with the applicant on the day it
 * arrives. True when the confirmation came later (or the letter arrived and is still unconfirmed
 * as of `today`) — the receipt date is still the confirmation date, but the office was late.
 */
export function letterConfirmationLate(s: Submission, today: DateString): boolean {
  if (s.channel !== 'ordinary_letter' || s.arrivedOn == null) return false;
  const confirmed = s.confirmedOn ?? null;
  return confirmed === null ? dayNumber(today) > dayNumber(s.arrivedOn) : dayNumber(confirmed) > dayNumber(s.arrivedOn);
}
