// How the reply clock counts where the Regulation is silent (domain-reference §A.8, §A.9, §C):
// an organization's setting (stored, inherited down the organization tree), these documented
// defaults otherwise. docs/clock-conventions.md explains each choice.
import { invalid } from '../../core/errors.ts';

/** How to count where the law is silent (domain-reference §A.8, §A.9, §G items 2–4). */
export interface ClockConventions {
  /**
   * Is the day a period runs from (the receipt date, the day the corrected application or the
   * consultation letter arrives) its first day? Default false: 期间开始的日不计算在期间内
   * (the procedural-law rule agencies and courts commonly apply), i.e. the receipt day is day 0.
   */
  startDayCounts: boolean;
  /**
   * Does the reply clock still run on the day a consultation letter (第三十二条、第三十四条) or a
   * fee notice is sent? Default true: the pause starts the next day.
   */
  pauseStartDayCounts: boolean;
  /**
   * Does the reply clock run on the day the opinion arrives (or the consultation period lapses)
   * or the fee is paid? Default false: the clock resumes the day after.
   * With both defaults a pause covers (sent, answered] — a period that, like the statutory
   * periods, does not count its first day.
   */
  pauseEndDayCounts: boolean;
  /**
   * Working days the applicant has to pay after receiving a fee notice (国办函〔2020〕109号;
   * the figure is unverified, believed to be 20).
   */
  feePaymentWorkingDays: number;
  /** A case is “due soon” when its due date is at most this many working days away. */
  dueSoonWorkingDays: number;
}

export const DEFAULT_CLOCK_CONVENTIONS: Readonly<ClockConventions> = Object.freeze({
  startDayCounts: false,
  pauseStartDayCounts: true,
  pauseEndDayCounts: false,
  feePaymentWorkingDays: 20,
  dueSoonWorkingDays: 3,
});

/** What the console and the API show for each convention: the question a legal officer answers. */
export const CONVENTION_LABELS: Record<keyof ClockConventions, { label: string; help: string }> = {
  startDayCounts: {
    label: '期间开始之日计入期间',
    help: '不勾选（默认）：收到申请之日、收到补正申请之日不计入20个工作日，从次日起算（期间开始的日不计算在期间内）。',
  },
  pauseStartDayCounts: {
    label: '发出征求意见书、收费通知书之日照常计时',
    help: '勾选（默认）：暂停计时自发出次日开始。',
  },
  pauseEndDayCounts: {
    label: '收到意见、缴费之日照常计时',
    help: '不勾选（默认）：收到意见（或征求意见期限届满）、缴费之日仍不计时，次日恢复计时。',
  },
  feePaymentWorkingDays: {
    label: '缴费期限（工作日）',
    help: '申请人自收到收费通知书之日起缴费的期限，默认20个工作日（国办函〔2020〕109号）。',
  },
  dueSoonWorkingDays: {
    label: '“即将到期”提前量（工作日）',
    help: '答复期限在此工作日数以内的案件列为即将到期并提醒，默认3个工作日。',
  },
};

/** The accepted ranges of the two counts (a typo such as 200 must not silently stop reminders). */
export const FEE_PAYMENT_RANGE = { min: 1, max: 60 } as const;
export const DUE_SOON_RANGE = { min: 0, max: 20 } as const;

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, on: true, off: false };

function booleanOf(value: unknown, key: keyof ClockConventions): boolean {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? BOOLEAN_TEXT[value] : undefined;
  if (text !== undefined) return text;
  throw invalid(`“${CONVENTION_LABELS[key].label}”应为“是”或“否”`);
}

function countOf(value: unknown, key: keyof ClockConventions, range: { min: number; max: number }): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw invalid(`“${CONVENTION_LABELS[key].label}”应为 ${range.min} 至 ${range.max} 之间的整数`);
  }
  return n;
}

/**
 * Checks conventions entered by an administrator (JSON booleans and numbers, or form text).
 * A missing boolean is false, as an unticked checkbox sends nothing.
 */
export function parseClockConventions(input: Record<string, unknown>): ClockConventions {
  return {
    startDayCounts: booleanOf(input.startDayCounts ?? false, 'startDayCounts'),
    pauseStartDayCounts: booleanOf(input.pauseStartDayCounts ?? false, 'pauseStartDayCounts'),
    pauseEndDayCounts: booleanOf(input.pauseEndDayCounts ?? false, 'pauseEndDayCounts'),
    feePaymentWorkingDays: countOf(input.feePaymentWorkingDays, 'feePaymentWorkingDays', FEE_PAYMENT_RANGE),
    dueSoonWorkingDays: countOf(input.dueSoonWorkingDays, 'dueSoonWorkingDays', DUE_SOON_RANGE),
  };
}
