// The public summary of an agency's messages for a period (issue 20 §1 “Statistics”; the summaries
// agencies publish of their 信箱 and 12345 work, seed 002 “進行公開匯總”). A pure function over records.
//
//   received        valid messages received in the period (a duplicate merged into another and 无效留言 not counted)
//   answered        of these, those answered: a signed reply, or the writer told it went to the
//                   依申请公开 or 信访 procedure (a response to the writer, by the date it was decided)
//   answeredOnTime  answered on or before the due date (the current agency's period, restarted on transfer)
//   medianWorkdays  median working days from the writer's received date to the answer; null when none answered
//   averageWorkdays the mean of the same, rounded to one decimal (shown on the portal)
//   published       replies published on the portal (with the writer's consent)
//   satisfaction    share of ratings 满意 or 基本满意 among the messages the writers rated, 0–1 rounded to
//                   4 decimals; null when none was rated (docs/interaction.md)
import { CalendarNotCoveredError, workingDaysBetween, type WorkingDayCalendar } from '../../calendar/rules.ts';
import type { MessageState, Rating } from '../model.ts';
import { answeredOnTime } from './deadline.ts';
import { NOT_COUNTED_STATES } from './routing.ts';

export interface StatsRecord {
  state: MessageState;
  receivedOn: string;
  dueOn: string | null;
  /** The reply's signing date, or the day of the conversion. */
  answeredOn: string | null;
  published: boolean;
  rating: Rating | null;
}

export interface InteractionStats {
  received: number;
  answered: number;
  answeredOnTime: number;
  medianWorkdays: number | null;
  averageWorkdays: number | null;
  published: number;
  rated: number;
  satisfaction: number | null;
  ratings: Record<Rating, number>;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The records given are the period's (received in it); `cal` counts the working days. */
export function interactionStats(records: readonly StatsRecord[], cal: WorkingDayCalendar): InteractionStats {
  const valid = records.filter((r) => !NOT_COUNTED_STATES.includes(r.state));
  const answered = valid.filter((r) => r.answeredOn !== null);
  // a period the working-day calendar does not cover is left out of the working days (not guessed)
  const days = answered.flatMap((r) => {
    try {
      return [Math.max(0, workingDaysBetween(cal, r.receivedOn, r.answeredOn!))];
    } catch (err) {
      if (err instanceof CalendarNotCoveredError) return [];
      throw err;
    }
  });
  const ratings: Record<Rating, number> = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const r of valid) if (r.rating) ratings[r.rating]++;
  const rated = ratings.satisfied + ratings.basically + ratings.unsatisfied;
  return {
    received: valid.length,
    answered: answered.length,
    answeredOnTime: answered.filter((r) => answeredOnTime(r.answeredOn!, r.dueOn)).length,
    medianWorkdays: median(days),
    averageWorkdays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    published: valid.filter((r) => r.published).length,
    rated,
    satisfaction: rated ? Math.round(((ratings.satisfied + ratings.basically) / rated) * 10000) / 10000 : null,
    ratings,
  };
}
