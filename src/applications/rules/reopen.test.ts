// 重新答复 (reopenForNewReply): from which states, the event it records, and the new clock it starts —
// 20 working days from the day the decision was received, or the deadline the decision states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { CASE_STATES } from '../model.ts';
import { clockEventsOf, repliedOnOf, snapshotOf, type StoredEvent } from './case-events.ts';
import { REOPENABLE_STATES, reopenForNewReply, allowedActions } from './transitions.ts';

const TODAY = '2025-12-01';
const appeal = { id: 7, kindLabel: '行政复议', caseNumber: '青政复〔2025〕11号', body: '青山县人民政府', decidedOn: '2025-11-20' };
const events: StoredEvent[] = [
  { kind: 'submitted', onDate: '2025-09-24', data: { channel: 'online' } },
  { kind: 'received', onDate: '2025-09-26', data: { receivedOn: '2025-09-26' } },
  { kind: 'extended', onDate: '2025-10-20', data: { workingDays: 10, approvedOn: '2025-10-20', notifiedOn: '2025-10-20', reason: '' } },
  { kind: 'replied', onDate: '2025-10-30', data: { outcome: 'notExist', reasons: '', deliveredBy: '邮寄' } },
];
const snap = (state: (typeof CASE_STATES)[number]) => snapshotOf({ state, channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, events);

test('only a case that was answered (or ended on the agency’s act) can be reopened, back to 已受理', () => {
  for (const state of CASE_STATES) {
    const run = () => reopenForNewReply(snap(state), { on: '2025-11-24', appeal }, TODAY);
    if (REOPENABLE_STATES.includes(state)) {
      const t = run();
      assert.equal(t.next, 'received', state);
      assert.deepEqual(t.events, [{ kind: 'reopened_for_new_reply', onDate: '2025-11-24', data: { appealId: 7, appealKind: '行政复议', caseNumber: '青政复〔2025〕11号', body: '青山县人民政府', decidedOn: '2025-11-20', dueOn: null, fromState: state } }]);
    } else assert.throws(run, (e: unknown) => e instanceof DomainError && e.status === 409, state);
  }
  assert.throws(() => reopenForNewReply(snap('closed'), { on: '2025-11-19', appeal }, TODAY), /不能早于决定或判决作出的日期/);
  assert.throws(() => reopenForNewReply(snap('closed'), { on: '2025-12-02', appeal }, TODAY), /不能晚于今天/);
  assert.throws(() => reopenForNewReply(snap('closed'), { on: '2025-11-24', appeal, dueOn: '2025-11-24' }, TODAY), /收到决定之日以后/);
});

test('after the reopening: a new clock from the day received, a new extension allowed, the old reply no longer the answer', () => {
  const reopened: StoredEvent[] = [...events, { kind: 'closed', onDate: '2025-11-03', data: {} }, { kind: 'reopened_for_new_reply', onDate: '2025-11-24', data: { ...appeal, appealId: 7, appealKind: '行政复议', dueOn: null, fromState: 'closed' } }];
  assert.deepEqual(clockEventsOf('2025-09-26', reopened), { receivedOn: '2025-11-24', pauses: [], orderedDueDate: null });
  assert.equal(repliedOnOf(reopened), null);
  assert.equal(repliedOnOf([...reopened, { kind: 'replied', onDate: '2025-12-01', data: {} }]), '2025-12-01');
  const s = snapshotOf({ state: 'received', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, reopened);
  assert.equal(s.extended, false);
  assert.equal(s.lastEventOn, '2025-11-24');
  assert.ok(allowedActions(s).includes('requestExtension'));
  assert.ok(allowedActions(s).includes('draftReply'));
  const stated = [...reopened.slice(0, -1), { ...reopened.at(-1)!, data: { ...reopened.at(-1)!.data, dueOn: '2025-12-15' } }];
  assert.equal(clockEventsOf('2025-09-26', stated)!.orderedDueDate, '2025-12-15');
});
