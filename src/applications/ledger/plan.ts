// From a ledger row to the history of a real case: the same pure transitions the console uses
// (rules/transitions.ts) applied in date order — submit, confirm receipt, 补正, fee, extension,
// the reply (or 撤回, 逾期不补正, 逾期未缴费) and 办结归档 — each checked against the snapshot of the
// case so far. A row already imported before continues its case: only the steps the case lacks
// are planned, and a different ending is an error. Pure: no database, `today` is given.
import { createHash } from 'node:crypto';
import { dayNumber, type DateString } from '../../core/date.ts';
import { DomainError } from '../../core/errors.ts';
import type { CaseState } from '../model.ts';
import { snapshotOf, type CaseSnapshot, type NewEvent, type StoredEvent } from '../rules/case-events.ts';
import { FEE_BASIS_LABELS } from '../rules/fees.ts';
import { OUTCOMES, WITHDRAWN_OUTCOME, isOutcome, type Outcome } from '../rules/outcome.ts';
import type { SubmissionChannel } from '../rules/receipt.ts';
import * as rules from '../rules/transitions.ts';
import { fieldHeader, type LedgerFieldKey } from './columns.ts';
import type { LedgerError, LedgerRow } from './model.ts';
import { wordKey } from './values.ts';

/** One applied transition: its action name (as in the audit log: application.<action>) and its result. */
export interface PlannedStep {
  action: string;
  transition: rules.Transition;
}

export interface CasePlan {
  /** New cases: the 提交日期 stored (the day of receipt for applications handed in). */
  submittedOn: DateString | null;
  steps: PlannedStep[];
  /** The new events, in order. */
  events: NewEvent[];
  /** The case after the steps. */
  state: CaseState;
  set: rules.Transition['set'];
}

/** What the planner needs of a case already stored. */
export interface ExistingCase {
  state: CaseState;
  channel: SubmissionChannel;
  submittedOn: DateString;
  receivedOn: DateString | null;
  concludedOn: DateString | null;
  outcome: string | null;
  receiptNo: string;
  events: readonly StoredEvent[];
}

/**
 * The key that recognizes a row when a ledger is imported again: the ledger's own number and the
 * year of receipt when it has one, else the applicant, the day of receipt and the request
 * (normalized: 繁/简, spaces and punctuation do not matter).
 */
export function ledgerRowKey(row: Pick<LedgerRow, 'ledgerNo' | 'receivedOn' | 'infoTitle' | 'infoDescription' | 'applicant'>): string {
  const parts = row.ledgerNo
    ? ['no', wordKey(row.ledgerNo), row.receivedOn.slice(0, 4)]
    : ['row', wordKey(row.applicant.name), row.receivedOn, wordKey(row.infoDescription || row.infoTitle)];
  return createHash('sha256').update(JSON.stringify(['gongkai-ledger-row', ...parts])).digest('hex');
}

const cmp = (a: DateString, b: DateString) => dayNumber(a) - dayNumber(b);

/** 条例第三十六条 wants reasons for every reply but full disclosure; the ledger may not have them. */
const NO_REASONS = '（台账未记载理由，见答复书）';

interface StepDef {
  on: DateString;
  /** Same-day steps run in this order. */
  order: number;
  field: LedgerFieldKey;
  action: string;
  /** Already done in the stored case (re-import). */
  done?: (s: CaseSnapshot, events: readonly StoredEvent[]) => boolean;
  run: (s: CaseSnapshot, today: DateString) => rules.Transition;
}

/** The statutory ending the row records, as the case stores it. */
function expectedEnding(row: LedgerRow): { state: 'withdrawn' | null; outcome: Outcome } | null {
  const e = row.ending;
  if (!e) return null;
  if (e.kind === 'withdraw') return { state: 'withdrawn', outcome: WITHDRAWN_OUTCOME };
  return { state: null, outcome: e.kind === 'abandon' ? 'other.noCorrection' : e.kind === 'unpaid' ? 'other.feeNotPaid' : e.outcome };
}

/** Checks of the dates' order with the clerk's words; the transitions check the rest. */
function dateOrder(row: LedgerRow, today: DateString): { field: LedgerFieldKey; message: string }[] {
  const out: { field: LedgerFieldKey; message: string }[] = [];
  const label = (f: LedgerFieldKey) => row.headers[f] ?? fieldHeader(f);
  const notBefore = (field: LedgerFieldKey, d: DateString | null | undefined, earlierField: LedgerFieldKey, earlier: DateString | null | undefined) => {
    if (d && earlier && cmp(d, earlier) < 0) out.push({ field, message: `日期早于${label(earlierField)}（${earlier}）` });
  };
  const dates: [LedgerFieldKey, DateString | null | undefined][] = [
    ['submittedOn', row.submittedOn],
    ['receivedOn', row.receivedOn],
    ['correctionOn', row.correction?.on],
    ['correctionDueOn', row.correction?.dueOn],
    ['correctedOn', row.correction?.correctedOn],
    ['feeNoticeOn', row.fee?.on],
    ['feePaidOn', row.fee?.paidOn],
    ['extensionOn', row.extension?.on],
    ['repliedOn', row.ending?.on],
    ['closedOn', row.closedOn],
  ];
  for (const [field, d] of dates) {
    // a deadline (补正期限) may lie ahead; done things may not
    const copied = field === 'submittedOn' && d === row.receivedOn; // no 申请日期 of its own
    if (d && !copied && field !== 'correctionDueOn' && cmp(d, today) > 0) out.push({ field, message: `日期（${d}）晚于今天（${today}）` });
  }
  if (row.headers.submittedOn !== row.headers.receivedOn) notBefore('receivedOn', row.receivedOn, 'submittedOn', row.submittedOn);
  for (const field of ['correctionOn', 'feeNoticeOn', 'extensionOn', 'repliedOn'] as const) {
    notBefore(field, dates.find(([f]) => f === field)![1], 'receivedOn', row.receivedOn);
  }
  notBefore('correctionDueOn', row.correction?.dueOn, 'correctionOn', row.correction?.on);
  notBefore('correctedOn', row.correction?.correctedOn, 'correctionOn', row.correction?.on);
  notBefore('feePaidOn', row.fee?.paidOn, 'feeNoticeOn', row.fee?.on);
  notBefore('feeDueOn', row.fee?.paymentDueOn, 'feeNoticeOn', row.fee?.on);
  notBefore('closedOn', row.closedOn, 'repliedOn', row.ending?.on);
  if (row.ending) {
    for (const [field, d] of dates.filter(([f]) => ['correctionOn', 'correctedOn', 'feeNoticeOn', 'feePaidOn', 'extensionOn'].includes(f))) {
      if (d && cmp(d, row.ending.on) > 0) out.push({ field, message: `日期晚于${label('repliedOn')}（${row.ending.on}）` });
    }
  }
  return out;
}

function stepsOf(row: LedgerRow): StepDef[] {
  const steps: StepDef[] = [];
  const c = row.correction;
  if (c) {
    steps.push({ on: c.on, order: 1, field: 'correctionOn', action: 'correction.request', done: (s) => s.correctionRequested, run: (s, t) => rules.requestCorrection(s, { on: c.on, items: c.items, dueOn: c.dueOn }, t) });
    if (c.correctedOn) {
      const on = c.correctedOn;
      steps.push({ on, order: 2, field: 'correctedOn', action: 'correction.record', done: (s) => s.corrected, run: (s, t) => rules.recordCorrection(s, { on, description: '（台账未记载补正后的申请内容）', by: 'staff' }, t) });
    }
  }
  const f = row.fee;
  if (f) {
    const explanation = `据台账：${FEE_BASIS_LABELS[f.basis]}${f.quantity ? `，计费数量 ${f.quantity}` : ''}，收费 ${f.amountYuan} 元`;
    steps.push({
      on: f.on, order: 3, field: 'feeNoticeOn', action: 'fee.notice', done: (s) => s.feeNotified,
      run: (s, t) => rules.noticeFee(s, { on: f.on, quote: { basis: f.basis, quantity: f.quantity, amountYuan: f.amountYuan, explanation }, paymentDueOn: f.paymentDueOn }, t),
    });
    if (f.paidOn) {
      const on = f.paidOn;
      steps.push({ on, order: 4, field: 'feePaidOn', action: 'fee.paid', done: (_s, ev) => ev.some((e) => e.kind === 'fee_paid'), run: (s, t) => rules.recordPayment(s, { on }, t) });
    }
  }
  const x = row.extension;
  if (x) {
    // 条例第三十三条第二款: recorded as the ledger states it — asked, approved by the head and told on that day
    steps.push({ on: x.on, order: 5, field: 'extensionOn', action: 'extension.request', done: (s) => s.extended || s.extensionRequest !== null, run: (s, t) => rules.requestExtension(s, { on: x.on, workingDays: x.workingDays, reason: x.reason }, t) });
    steps.push({ on: x.on, order: 5.5, field: 'extensionOn', action: 'extension.approve', done: (s) => s.extended, run: (s, t) => rules.approveExtension(s, { approvedOn: x.on, notifiedOn: x.on }, t) });
  }
  const e = row.ending;
  if (e) {
    const concluded = (s: CaseSnapshot) => rules.CONCLUDED_STATES.includes(s.state);
    const base = { on: e.on, order: 6, field: 'repliedOn' as LedgerFieldKey, done: concluded };
    if (e.kind === 'reply') {
      const reasons = row.reasons || (e.outcome === 'granted' ? '' : NO_REASONS);
      steps.push({ ...base, action: 'reply', run: (s, t) => rules.reply(s, { on: e.on, outcome: e.outcome, reasons, deliveredBy: row.deliveredBy || '（台账未记载送达方式）', fromLedger: true }, t) });
    } else if (e.kind === 'abandon') {
      steps.push({ ...base, action: 'abandon', run: (s, t) => rules.abandon(s, { on: e.on, note: row.reasons }, t) });
    } else if (e.kind === 'unpaid') {
      steps.push({ ...base, action: 'fee.unpaid', run: (s, t) => rules.recordNonPayment(s, { on: e.on }, t) });
    } else {
      steps.push({ ...base, action: 'withdraw', run: (s, t) => rules.withdraw(s, { on: e.on, by: 'staff', note: '据台账记载，申请人撤回申请' }, t) });
    }
    // 条例第四十五条: a finished ledger row is archived (on the ending day unless the ledger says otherwise)
    const closeOn = row.closedOn ?? e.on;
    steps.push({ on: closeOn, order: 7, field: row.closedOn ? 'closedOn' : 'repliedOn', action: 'close', done: (s) => s.state === 'closed', run: (s, t) => rules.close(s, { on: closeOn }, t) });
  }
  return steps.sort((a, b) => cmp(a.on, b.on) || a.order - b.order);
}

type Outcome2 = { plan: CasePlan } | { errors: LedgerError[] };

/** Applies the steps in order from a case (new or stored); the first refused step ends the row with its error. */
function fold(row: LedgerRow, start: { state: CaseState; channel: SubmissionChannel; submittedOn: DateString; receivedOn: DateString | null; events: StoredEvent[] }, initial: PlannedStep[], steps: StepDef[], today: DateString): Outcome2 {
  const label = (f: LedgerFieldKey) => row.headers[f] ?? fieldHeader(f);
  const plan: CasePlan = { submittedOn: initial.length ? start.submittedOn : null, steps: [...initial], events: initial.flatMap((s) => s.transition.events), state: start.state, set: {} };
  for (const s of initial) Object.assign(plan.set, s.transition.set), (plan.state = s.transition.next);
  let c = { state: plan.state, channel: start.channel, submittedOn: start.submittedOn, receivedOn: plan.set.receivedOn ?? start.receivedOn };
  let events: StoredEvent[] = [...start.events, ...plan.events];
  for (const step of steps) {
    const s = snapshotOf(c, events);
    if (step.done?.(s, events)) continue;
    let t: rules.Transition;
    try {
      t = step.run(s, today);
    } catch (err) {
      if (err instanceof DomainError && err.status < 500) return { errors: [{ sheet: row.sheet, row: row.row, column: label(step.field), message: err.message }] };
      throw err;
    }
    plan.steps.push({ action: step.action, transition: t });
    plan.events.push(...t.events);
    Object.assign(plan.set, t.set);
    plan.state = t.next;
    c = { ...c, state: t.next, receivedOn: t.set.receivedOn ?? c.receivedOn };
    events = [...events, ...t.events];
  }
  return { plan };
}

function rowErrors(row: LedgerRow, found: { field: LedgerFieldKey; message: string }[]): LedgerError[] {
  return found.map((e) => ({ sheet: row.sheet, row: row.row, column: row.headers[e.field] ?? fieldHeader(e.field), message: e.message }));
}

/** The history of a new case from its ledger row. */
export function planNewCase(row: LedgerRow, today: DateString): Outcome2 {
  const order = dateOrder(row, today);
  if (order.length) return { errors: rowErrors(row, order) };
  const label = (f: LedgerFieldKey) => row.headers[f] ?? fieldHeader(f);
  const initial: PlannedStep[] = [];
  try {
    // 条例第三十一条: handed in → received that day; signed-for post → the day signed; others → confirmed
    const handedIn = row.channel === 'in_person' || row.channel === 'oral';
    const submitted = rules.submit(
      { channel: row.channel, submittedOn: handedIn ? row.receivedOn : row.submittedOn, signedForOn: row.channel === 'post_signed' ? row.receivedOn : null },
      today,
    );
    initial.push({ action: 'submit', transition: submitted });
    if (submitted.next === 'submitted') {
      const s = snapshotOf({ state: 'submitted', channel: row.channel, submittedOn: row.submittedOn, receivedOn: null }, submitted.events);
      const arrivedOn = row.channel === 'ordinary_letter' ? row.receivedOn : null;
      initial.push({ action: 'confirm', transition: rules.confirmReceipt(s, { confirmedOn: row.receivedOn, arrivedOn }, today) });
    }
  } catch (err) {
    if (err instanceof DomainError && err.status < 500) return { errors: [{ sheet: row.sheet, row: row.row, column: label('receivedOn'), message: err.message }] };
    throw err;
  }
  const first = initial[0]!.transition.events[0]!;
  const startOn = first.onDate;
  return fold(row, { state: 'submitted', channel: row.channel, submittedOn: startOn, receivedOn: null, events: [] }, initial, stepsOf(row), today);
}

/**
 * A row imported before: the steps its case still lacks (none when it is up to date). A case that
 * ended differently from what the ledger now says is an error: the ledger and the case disagree.
 */
export function planExistingCase(row: LedgerRow, existing: ExistingCase, today: DateString): Outcome2 {
  const label = (f: LedgerFieldKey) => row.headers[f] ?? fieldHeader(f);
  const concluded = rules.CONCLUDED_STATES.includes(existing.state) && existing.concludedOn !== null;
  const want = expectedEnding(row);
  if (concluded && want) {
    const same = existing.outcome === want.outcome && existing.concludedOn === row.ending!.on && (want.state !== 'withdrawn' || existing.state === 'withdrawn' || existing.state === 'closed');
    if (!same) {
      const was = isOutcome(existing.outcome) ? OUTCOMES[existing.outcome].label : (existing.outcome ?? '—');
      return {
        errors: [{
          sheet: row.sheet, row: row.row, column: label('outcome'),
          message: `与已导入的申请 ${existing.receiptNo} 不一致：系统中为“${was}”（${existing.concludedOn}），台账为“${row.ending!.text}”（${row.ending!.on}）。如需更正，请在该案件页面处理`,
        }],
      };
    }
  }
  if (concluded && !(want && existing.state !== 'closed')) return { plan: { submittedOn: null, steps: [], events: [], state: existing.state, set: {} } };
  const order = dateOrder(row, today);
  if (order.length) return { errors: rowErrors(row, order) };
  // a concluded case only lacks its archiving; an open one continues with what the ledger adds
  const steps = stepsOf(row).filter((s) => !concluded || s.action === 'close');
  return fold(
    row,
    { state: existing.state, channel: existing.channel, submittedOn: existing.submittedOn, receivedOn: existing.receivedOn, events: [...existing.events] },
    [],
    steps,
    today,
  );
}
