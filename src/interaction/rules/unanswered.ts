// 互动回应差 (国办秘函〔2019〕19号 单项否决, domain-reference §D.4, §E.5): within the year before the
// monitoring date, a valid message left without a response for more than 3 months. A message counts when
// it was received in that year and either is still unanswered 3 months after it was received, or was
// answered later than that (it was then, within the year, unanswered for more than 3 months). The
// writer's received date counts (a transfer does not restart this); merged duplicates and 无效留言 are not
// valid messages.
import { addDays, type DateString } from '../../core/date.ts';
import type { MessageState } from '../model.ts';
import { NOT_COUNTED_STATES } from './routing.ts';

export const UNANSWERED_MONTHS = 3;

/** The same day `months` months later (the last day of the month when it has no such day). */
export function addMonths(date: DateString, months: number): DateString {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day of the year before `today` that the rule looks at. */
export const windowStart = (today: DateString): DateString => addDays(addMonths(today, -12), 1);

export function unansweredTooLong(m: { state: MessageState; receivedOn: DateString; answeredOn: DateString | null }, today: DateString): boolean {
  if (NOT_COUNTED_STATES.includes(m.state)) return false;
  if (m.receivedOn < windowStart(today) || m.receivedOn > today) return false;
  const limit = addMonths(m.receivedOn, UNANSWERED_MONTHS);
  const answeredBy = m.answeredOn ?? null;
  return answeredBy === null ? today > limit : answeredBy > limit;
}
