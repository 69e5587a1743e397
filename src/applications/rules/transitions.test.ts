// Every transition from every state: allowed exactly where the procedure allows it, with the
// events it records and the case columns it sets; and every guard the articles impose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { CASE_STATES, type CaseState } from '../model.ts';
import { clockEventsOf, snapshotOf, type CaseSnapshot, type StoredEvent } from './case-events.ts';
import { quoteFee } from './fees.ts';
import * as t from './transitions.ts';

const TODAY = '2025-10-20';
const base: CaseSnapshot = {
  state: 'received',
  channel: 'online',
  submittedOn: '2025-09-24',
  receivedOn: '2025-09-26',
  lastEventOn: '2025-09-26',
  correctionRequested: false,
  corrected: false,
  correctionDueOn: null,
  extensionRequest: null,
  extended: false,
  reasonsRequest: null,
  reasonsGiven: false,
  replyDelayed: false,
  consultationSentOn: null,
  consultationDeliveredOn: null,
  thirdPartyObjection: null,
  disclosureNotified: false,
  feeNotified: false,
  feePaymentDueOn: null,
  replyDraft: null,
};
const DRAFT = { outcome: 'partiallyGranted', reasons: '涉及个人隐私', deliveredBy: '电子邮件', template: null, fromState: 'extended' } as const satisfies CaseSnapshot['replyDraft'];
const snap = (state: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({ ...base, state, ...over });

/** Each transition with a valid input, the states it is allowed from, and the state it leads to. */
const CASES: { name: string; from: readonly CaseState[]; to: CaseState | 'same'; run: (s: CaseSnapshot) => t.Transition; over?: Partial<CaseSnapshot> }[] = [
  { name: 'confirmReceipt', from: ['submitted'], to: 'received', run: (s) => t.confirmReceipt({ ...s, receivedOn: null }, { confirmedOn: '2025-09-26' }, TODAY) },
  { name: 'requestCorrection', from: ['received'], to: 'correction_requested', run: (s) => t.requestCorrection(s, { on: '2025-09-30', items: '请写明文件名称', dueOn: '2025-10-15' }, TODAY) },
  { name: 'recordCorrection', from: ['correction_requested'], to: 'corrected', run: (s) => t.recordCorrection(s, { on: '2025-10-09', description: '2024年土地出让合同', by: 'applicant' }, TODAY) },
  { name: 'abandon', from: ['correction_requested'], to: 'abandoned', run: (s) => t.abandon(s, { on: '2025-10-16' }, TODAY), over: { correctionDueOn: '2025-10-15' } },
  { name: 'startConsultation', from: t.PROCESSING_STATES, to: 'consulting', run: (s) => t.startConsultation(s, { on: '2025-10-10', party: 'third_party', partyName: '某公司' }, TODAY) },
  { name: 'recordConsultationDelivery', from: ['consulting'], to: 'consulting', run: (s) => t.recordConsultationDelivery(s, { letterReceivedOn: '2025-10-13' }, TODAY) },
  { name: 'endConsultation', from: ['consulting'], to: 'consulted', run: (s) => t.endConsultation(s, { on: '2025-10-15', result: 'objected', lapsesOn: '2025-10-31' }, TODAY) },
  { name: 'noticeFee', from: t.PROCESSING_STATES, to: 'fee_notified', run: (s) => t.noticeFee(s, { on: '2025-10-10', quote: quoteFee('by_pages', 150), paymentDueOn: '2025-11-07' }, TODAY) },
  { name: 'recordPayment', from: ['fee_notified'], to: 'paid', run: (s) => t.recordPayment(s, { on: '2025-10-14' }, TODAY) },
  { name: 'recordNonPayment', from: ['fee_notified'], to: 'unpaid', run: (s) => t.recordNonPayment(s, { on: '2025-10-20' }, TODAY), over: { feePaymentDueOn: '2025-10-17' } },
  { name: 'requestExtension', from: [...t.PROCESSING_STATES, 'consulting', 'fee_notified'], to: 'same', run: (s) => t.requestExtension(s, { on: '2025-10-13', workingDays: 20, reason: '需调取档案' }, TODAY) },
  { name: 'approveExtension', from: [...t.PROCESSING_STATES, 'consulting', 'fee_notified'], to: 'extended', run: (s) => t.approveExtension(s, { approvedOn: '2025-10-14', notifiedOn: '2025-10-14' }, TODAY), over: { extensionRequest: { workingDays: 20, reason: '需调取档案' } } },
  { name: 'notifyDisclosure', from: t.PROCESSING_STATES, to: 'same', run: (s) => t.notifyDisclosure(s, { on: '2025-10-16', content: '土地出让合同全文', reasons: '涉及公共资源配置' }, TODAY), over: { thirdPartyObjection: { partyName: '某公司' } } },
  { name: 'requestReasons', from: t.PROCESSING_STATES, to: 'same', run: (s) => t.requestReasons(s, { on: '2025-10-13', grounds: '本月已申请32件', dueOn: '2025-10-17', replyDueOn: '2025-10-24' }, TODAY) },
  { name: 'recordReasons', from: t.PROCESSING_STATES, to: 'same', run: (s) => t.recordReasons(s, { on: '2025-10-16', reasons: '课题研究需要', by: 'applicant' }, TODAY), over: { reasonsRequest: { dueOn: '2025-10-17' } } },
  { name: 'delayReply', from: t.PROCESSING_STATES, to: 'same', run: (s) => t.delayReply(s, { notifiedOn: '2025-10-20', dueDate: '2025-12-31', reason: '申请数量大，需逐件调档', dueOn: '2025-10-24' }, TODAY), over: { reasonsRequest: { dueOn: '2025-10-17' }, reasonsGiven: true } },
  { name: 'reply', from: t.PROCESSING_STATES, to: 'replied', run: (s) => t.reply(s, { on: '2025-10-20', outcome: 'partiallyGranted', reasons: '涉及个人隐私', deliveredBy: '电子邮件' }, TODAY) },
  { name: 'draftReply', from: t.PROCESSING_STATES, to: 'reply_drafted', run: (s) => t.draftReply(s, { on: '2025-10-17', outcome: 'partiallyGranted', reasons: '涉及个人隐私', deliveredBy: '电子邮件' }, TODAY) },
  { name: 'signReply', from: ['reply_drafted'], to: 'replied', run: (s) => t.signReply(s, { on: '2025-10-20', signedBy: '负责人' }, TODAY), over: { replyDraft: DRAFT } },
  { name: 'returnReply', from: ['reply_drafted'], to: 'extended', run: (s) => t.returnReply(s, { on: '2025-10-20', reason: '理由不充分' }, TODAY), over: { replyDraft: DRAFT } },
  { name: 'close', from: ['replied', 'abandoned', 'unpaid', 'withdrawn'], to: 'closed', run: (s) => t.close(s, { on: '2025-10-20' }, TODAY) },
  { name: 'withdraw', from: t.WITHDRAWABLE_STATES, to: 'withdrawn', run: (s) => t.withdraw(s, { on: '2025-10-20', by: 'applicant' }, TODAY) },
];

for (const c of CASES) {
  test(`${c.name}: allowed from exactly ${c.from.join(', ')}`, () => {
    for (const state of CASE_STATES) {
      const s = snap(state, c.over);
      if (c.from.includes(state)) {
        const r = c.run(s);
        // 批准延期 while a consultation or fee notice is open keeps that state (the pause goes on)
        const expected = c.to === 'same' || (c.name === 'approveExtension' && !t.PROCESSING_STATES.includes(state)) ? state : c.to;
        assert.equal(r.next, expected, `${c.name} from ${state}`);
        assert.ok(r.events.length >= 1);
      } else {
        assert.throws(() => c.run(s), (e: unknown) => e instanceof DomainError && e.code === 'CONFLICT' && /当前状态为/.test(e.message), `${c.name} from ${state} must be refused`);
      }
    }
  });
}

test('allowedActions lists exactly the transitions that succeed', () => {
  const actionOf: Record<string, t.CaseAction> = {
    confirmReceipt: 'confirm', requestCorrection: 'requestCorrection', recordCorrection: 'recordCorrection', abandon: 'abandon',
    startConsultation: 'consult', recordConsultationDelivery: 'recordConsultationDelivery', endConsultation: 'endConsultation', noticeFee: 'noticeFee', recordPayment: 'recordPayment',
    recordNonPayment: 'recordNonPayment', requestExtension: 'requestExtension', approveExtension: 'approveExtension', notifyDisclosure: 'notifyDisclosure', requestReasons: 'requestReasons', recordReasons: 'recordReasons', delayReply: 'delayReply', reply: 'reply', close: 'close', withdraw: 'withdraw',
    draftReply: 'draftReply', signReply: 'signReply', returnReply: 'returnReply',
  };
  for (const state of CASE_STATES) {
    const s = snap(state);
    for (const c of CASES.filter((x) => x.name !== 'approveExtension')) {
      assert.equal(t.allowedActions(snap(state, c.over)).includes(actionOf[c.name]!), c.from.includes(state), `${state}: ${c.name}`);
    }
    assert.equal(t.allowedActions({ ...s, extensionRequest: { workingDays: 5, reason: 'x' } }).includes('approveExtension'), [...t.PROCESSING_STATES, 'consulting', 'fee_notified'].includes(state));
  }
});

test('第二十九条、第三十一条 submit: handed in → received that day; online, fax, letters wait for confirmation', () => {
  assert.deepEqual(t.submit({ channel: 'in_person', submittedOn: '2025-09-26' }, TODAY), {
    next: 'received',
    events: [
      { kind: 'submitted', onDate: '2025-09-26', data: { channel: 'in_person' } },
      { kind: 'received', onDate: '2025-09-26', data: { receivedOn: '2025-09-26' } },
    ],
    set: { receivedOn: '2025-09-26' },
  });
  assert.equal(t.submit({ channel: 'oral', submittedOn: '2025-09-26' }, TODAY).set.receivedOn, '2025-09-26');
  assert.equal(t.submit({ channel: 'post_signed', submittedOn: '2025-09-22', signedForOn: '2025-09-26' }, TODAY).set.receivedOn, '2025-09-26');
  for (const channel of ['online', 'fax', 'ordinary_letter', 'post_signed'] as const) {
    const r = t.submit({ channel, submittedOn: '2025-09-24' }, TODAY);
    assert.equal(r.next, 'submitted', channel);
    assert.deepEqual(r.set, {});
  }
  assert.throws(() => t.submit({ channel: 'online', submittedOn: '2025-10-21' }, TODAY), /不能晚于今天/);
  assert.throws(() => t.submit({ channel: 'online', submittedOn: '2025-02-30' }, TODAY), /提交日期无效/);
});

test('第三十一条 confirmReceipt: the receipt date by channel, never before the submission', () => {
  const s = snap('submitted', { receivedOn: null, lastEventOn: '2025-09-24' });
  assert.equal(t.confirmReceipt(s, { confirmedOn: '2025-09-26' }, TODAY).set.receivedOn, '2025-09-26');
  assert.equal(t.confirmReceipt({ ...s, channel: 'post_signed' }, { signedForOn: '2025-09-25' }, TODAY).set.receivedOn, '2025-09-25');
  assert.equal(t.confirmReceipt({ ...s, channel: 'ordinary_letter' }, { arrivedOn: '2025-09-25', confirmedOn: '2025-09-26' }, TODAY).set.receivedOn, '2025-09-26');
  assert.throws(() => t.confirmReceipt(s, {}, TODAY), /请填写与申请人确认的日期/);
  assert.throws(() => t.confirmReceipt({ ...s, channel: 'post_signed' }, {}, TODAY), /请填写签收日期/);
  assert.throws(() => t.confirmReceipt(s, { confirmedOn: '2025-09-23' }, TODAY), /不能早于上一办理环节的日期（2025-09-24）/);
  assert.throws(() => t.confirmReceipt(s, { confirmedOn: '2025-10-21' }, TODAY), /不能晚于今天/);
});

test('第三十条 补正: once, with items and a later deadline; abandonment only after that deadline', () => {
  assert.throws(() => t.requestCorrection(snap('received', { correctionRequested: true }), { on: '2025-09-30', items: 'x', dueOn: '2025-10-15' }, TODAY), /一次性告知/);
  assert.throws(() => t.requestCorrection(snap('received'), { on: '2025-09-30', items: '  ', dueOn: '2025-10-15' }, TODAY), /需要补正的事项/);
  assert.throws(() => t.requestCorrection(snap('received'), { on: '2025-09-30', items: 'x', dueOn: '2025-09-30' }, TODAY), /补正期限应为告知日期之后/);
  const r = t.requestCorrection(snap('received'), { on: '2025-09-30', items: ' 请写明文件名称 ', dueOn: '2025-10-15' }, TODAY);
  assert.deepEqual(r.events, [{ kind: 'correction_requested', onDate: '2025-09-30', data: { items: '请写明文件名称', dueOn: '2025-10-15' } }]);
  const waiting = snap('correction_requested', { correctionRequested: true, correctionDueOn: '2025-10-15', lastEventOn: '2025-09-30' });
  assert.throws(() => t.abandon(waiting, { on: '2025-10-15' }, TODAY), /补正期限（2025-10-15）尚未届满/);
  assert.deepEqual(t.abandon(waiting, { on: '2025-10-16' }, TODAY).set, { concludedOn: '2025-10-16', outcome: 'other.noCorrection' });
  assert.throws(() => t.recordCorrection(waiting, { on: '2025-10-09', description: '', by: 'staff' }, TODAY), /补正后的申请内容/);
});

test('第三十二条、第三十四条 consultation: a named party, a known result', () => {
  assert.throws(() => t.startConsultation(snap('received'), { on: '2025-10-10', party: 'third_party', partyName: '' }, TODAY), /名称/);
  assert.throws(() => t.startConsultation(snap('received'), { on: '2025-10-10', party: 'neighbour' as 'agency', partyName: 'x' }, TODAY), /对象/);
  assert.throws(() => t.endConsultation(snap('consulting'), { on: '2025-10-10', result: 'maybe' as 'agreed', lapsesOn: '2025-10-31' }, TODAY), /结果/);
  // 第三十二条: “逾期未提出意见” only once the 15 working days are over; an opinion may come any day.
  const consulting = snap('consulting', { lastEventOn: '2025-09-26' });
  assert.throws(() => t.endConsultation(consulting, { on: '2025-10-17', result: 'no_reply', lapsesOn: '2025-10-17' }, TODAY), /征求意见期限至 2025-10-17 届满（15个工作日），届满后方可/);
  assert.equal(t.endConsultation(consulting, { on: '2025-10-20', result: 'no_reply', lapsesOn: '2025-10-17' }, TODAY).next, 'consulted');
  assert.equal(t.endConsultation(consulting, { on: '2025-10-09', result: 'agreed', lapsesOn: '2025-10-17' }, TODAY).next, 'consulted');
});

test('第三十二条: disclosing over a third party’s objection needs the written notice first; an agency’s objection or a later consent does not', () => {
  const ev = (kind: string, onDate: string, data: Record<string, unknown>): StoredEvent => ({ kind, onDate, data });
  const open = { state: 'consulted' as const, channel: 'online' as const, submittedOn: '2025-09-24', receivedOn: '2025-09-26' };
  const third = [ev('consultation_sent', '2025-10-09', { party: 'third_party', partyName: '恒远置业有限公司' }), ev('consultation_closed', '2025-10-15', { result: 'objected' })];
  const objected = snapshotOf(open, third);
  assert.deepEqual(objected.thirdPartyObjection, { partyName: '恒远置业有限公司' });
  assert.ok(t.allowedActions(objected).includes('notifyDisclosure'));
  const byAgency = snapshotOf(open, [ev('consultation_sent', '2025-10-09', { party: 'agency', partyName: '林业局' }), ev('consultation_closed', '2025-10-15', { result: 'objected' })]);
  assert.equal(byAgency.thirdPartyObjection, null, '第三十四条: another agency is not a third party');
  const consentedLater = snapshotOf(open, [...third, ev('consultation_sent', '2025-10-16', { party: 'third_party', partyName: '恒远置业有限公司' }), ev('consultation_closed', '2025-10-17', { result: 'agreed' })]);
  assert.equal(consentedLater.thirdPartyObjection, null);

  const granted = { on: '2025-10-20', outcome: 'granted', reasons: '', deliveredBy: '邮寄' };
  assert.throws(() => t.reply(objected, granted, TODAY), /应先将决定公开的政府信息内容和理由书面告知第三方（条例第三十二条）/);
  assert.throws(() => t.draftReply(objected, granted, TODAY), /书面告知第三方/);
  assert.equal(t.reply(objected, { ...granted, outcome: 'withheld.thirdPartyRights', reasons: '第三方不同意公开' }, TODAY).next, 'replied');
  assert.equal(t.reply(objected, { ...granted, outcome: 'partiallyGranted', reasons: '第三方商业秘密部分不予公开' }, TODAY).next, 'replied');
  assert.equal(t.reply(objected, { ...granted, fromLedger: true }, TODAY).next, 'replied');

  assert.throws(() => t.notifyDisclosure(snap('consulted'), { on: '2025-10-16', content: 'x', reasons: 'y' }, TODAY), /第三方不同意公开时，才需/);
  assert.throws(() => t.notifyDisclosure(objected, { on: '2025-10-16', content: ' ', reasons: 'y' }, TODAY), /请写明决定公开的政府信息内容/);
  assert.throws(() => t.notifyDisclosure(objected, { on: '2025-10-16', content: 'x', reasons: '' }, TODAY), /公共利益造成重大影响的理由/);
  const told = t.notifyDisclosure(objected, { on: '2025-10-16', content: ' 土地出让合同全文 ', reasons: '涉及公共资源配置' }, TODAY);
  assert.deepEqual(told.events, [{ kind: 'disclosure_notified', onDate: '2025-10-16', data: { partyName: '恒远置业有限公司', content: '土地出让合同全文', reasons: '涉及公共资源配置' } }]);
  const after = snapshotOf(open, [...third, { ...told.events[0]!, data: told.events[0]!.data as Record<string, unknown> }]);
  assert.ok(after.disclosureNotified);
  assert.ok(!t.allowedActions(after).includes('notifyDisclosure'));
  assert.throws(() => t.notifyDisclosure(after, { on: '2025-10-16', content: 'x', reasons: 'y' }, TODAY), /已将决定公开的内容和理由书面告知第三方/);
  assert.equal(t.reply(after, granted, TODAY).set.outcome, 'granted');
});

test('征求意见书送达: once, while consulting, not before the letter was sent; the clock counts the 15 days from it', () => {
  const ev = (kind: string, onDate: string, data: Record<string, unknown>): StoredEvent => ({ kind, onDate, data });
  const sent = [ev('received', '2025-09-26', { receivedOn: '2025-09-26' }), ev('consultation_sent', '2025-10-09', { party: 'third_party', partyName: '某公司' })];
  const s = snapshotOf({ state: 'consulting', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, sent);
  assert.throws(() => t.recordConsultationDelivery(s, { letterReceivedOn: '2025-10-08' }, TODAY), /不能早于上一办理环节的日期（2025-10-09）/);
  const r = t.recordConsultationDelivery(s, { letterReceivedOn: '2025-10-13' }, TODAY);
  const events = [...sent, { ...r.events[0]!, data: r.events[0]!.data as Record<string, unknown> }];
  const after = snapshotOf({ state: 'consulting', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, events);
  assert.equal(after.consultationDeliveredOn, '2025-10-13');
  assert.throws(() => t.recordConsultationDelivery(after, { letterReceivedOn: '2025-10-14' }, TODAY), /已登记征求意见书于 2025-10-13 送达/);
  assert.ok(!t.allowedActions(after).includes('recordConsultationDelivery'));
  assert.deepEqual(clockEventsOf('2025-09-26', events)?.pauses, [{ kind: 'third_party_consultation', from: '2025-10-09', to: null, letterReceivedOn: '2025-10-13' }]);
  const closed = snapshotOf({ state: 'consulted', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, [...events, ev('consultation_closed', '2025-10-20', { result: 'agreed' })]);
  assert.equal(closed.consultationDeliveredOn, null, 'a later consultation starts afresh');
});

test('第三十五条 说明理由: asked once, by a date before the reply is due; answered once, online only until that date', () => {
  const input = { on: '2025-10-13', grounds: ' 您本月已向本机关申请32件 ', dueOn: '2025-10-17', replyDueOn: '2025-10-24' };
  const asked = t.requestReasons(snap('received'), input, TODAY);
  assert.deepEqual(asked, { next: 'received', events: [{ kind: 'reasons_requested', onDate: '2025-10-13', data: { grounds: '您本月已向本机关申请32件', dueOn: '2025-10-17' } }], set: {} });
  assert.throws(() => t.requestReasons(snap('received'), { ...input, grounds: '' }, TODAY), /数量、频次明显超过合理范围的情况/);
  assert.throws(() => t.requestReasons(snap('received'), { ...input, dueOn: '2025-10-13' }, TODAY), /告知日期之后/);
  assert.throws(() => t.requestReasons(snap('received'), { ...input, dueOn: '2025-10-24' }, TODAY), /应早于答复期限 2025-10-24/);
  assert.throws(() => t.requestReasons(snap('received', { reasonsRequest: { dueOn: '2025-10-17' } }), input, TODAY), /已要求过/);
  const waiting = snapshotOf({ state: 'received', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, asked.events.map((e) => ({ ...e, data: e.data as Record<string, unknown> })));
  assert.deepEqual(waiting.reasonsRequest, { dueOn: '2025-10-17' });
  assert.deepEqual(t.allowedActions(waiting).filter((a) => /Reasons|delay/.test(a)), ['recordReasons']);
  assert.throws(() => t.recordReasons(snap('received'), { on: '2025-10-16', reasons: 'x', by: 'staff' }, TODAY), /没有要求申请人说明理由/);
  assert.throws(() => t.recordReasons(waiting, { on: '2025-10-20', reasons: '课题研究', by: 'applicant' }, TODAY), /期限（2025-10-17）已过/);
  assert.equal(t.recordReasons(waiting, { on: '2025-10-20', reasons: '书面说明迟到', by: 'staff' }, TODAY).events[0]!.kind, 'reasons_given', 'a clerk may still register a late answer');
  assert.throws(() => t.recordReasons(waiting, { on: '2025-10-16', reasons: '  ', by: 'applicant' }, TODAY), /请填写申请人说明的理由/);
  assert.throws(() => t.recordReasons({ ...waiting, reasonsGiven: true }, { on: '2025-10-16', reasons: 'x', by: 'applicant' }, TODAY), /已说明过理由/);
});

test('第三十五条 不予处理: “无正当理由大量反复申请” only after asking for reasons, and once they came or their date passed', () => {
  const input = { on: '2025-10-17', outcome: 'notProcessed.massRepeated', reasons: '理由不合理', deliveredBy: '邮寄' };
  assert.throws(() => t.reply(snap('received'), input, TODAY), /应先要求申请人说明理由/);
  assert.throws(() => t.draftReply(snap('received'), input, TODAY), /应先要求申请人说明理由/);
  const asked = snap('received', { reasonsRequest: { dueOn: '2025-10-17' } });
  assert.throws(() => t.reply(asked, input, TODAY), /期限（2025-10-17）尚未届满/);
  assert.equal(t.reply(asked, { ...input, on: '2025-10-20' }, TODAY).set.outcome, 'notProcessed.massRepeated', 'no answer by the date');
  assert.equal(t.reply({ ...asked, reasonsGiven: true }, input, TODAY).next, 'replied', 'the reasons came and were found unreasonable');
  assert.equal(t.reply(snap('received'), { ...input, fromLedger: true }, TODAY).next, 'replied', 'a ledger does not record the request');
});

test('第三十五条 延迟答复: once, after the applicant explained, told before the due date, to a later date; the clock follows it', () => {
  const input = { notifiedOn: '2025-10-20', dueDate: '2025-12-31', reason: '申请数量大，需逐件调档', dueOn: '2025-10-24' };
  assert.throws(() => t.delayReply(snap('received'), input, TODAY), /应先要求申请人说明理由/);
  const explained = { reasonsRequest: { dueOn: '2025-10-17' }, reasonsGiven: true };
  const asked = (state: CaseState, over: Partial<CaseSnapshot> = {}) => snap(state, { ...explained, ...over });
  const ok = t.delayReply(asked('received'), input, TODAY);
  assert.deepEqual(ok.events, [{ kind: 'reply_delayed', onDate: '2025-10-20', data: { dueDate: '2025-12-31', notifiedOn: '2025-10-20', reason: '申请数量大，需逐件调档' } }]);
  assert.equal(ok.next, 'received', 'the state does not change');
  assert.throws(() => t.delayReply(asked('received', { replyDelayed: true }), input, TODAY), /已确定过延迟答复期限/);
  assert.throws(() => t.delayReply(asked('received'), { ...input, reason: ' ' }, TODAY), /请写明无法在法定期限内答复的原因/);
  assert.throws(() => t.delayReply(asked('received'), { ...input, dueDate: '2025-10-24' }, TODAY), /应晚于现在的答复期限 2025-10-24/);
  assert.throws(() => t.delayReply(asked('received'), { ...input, dueDate: '2025-13-01' }, TODAY), /延迟答复日期无效/);
  assert.throws(() => t.delayReply(asked('received'), { ...input, dueOn: '2025-10-17' }, TODAY), /须在答复期限 2025-10-17 届满前告知申请人/);
  assert.throws(() => t.delayReply(asked('received'), { ...input, dueOn: null }, TODAY), /答复期限尚未确定/);
  assert.throws(() => t.delayReply(asked('consulting'), input, TODAY), /不能确定延迟答复期限/);
  const s = snapshotOf({ state: 'received', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, ok.events.map((e) => ({ ...e, data: e.data as Record<string, unknown> })));
  assert.equal(s.replyDelayed, true);
  assert.ok(!t.allowedActions({ ...s, ...explained }).includes('delayReply'));
});

test('信息处理费: one notice, a positive amount, payment deadline after the notice; non-payment only after it', () => {
  assert.throws(() => t.noticeFee(snap('received'), { on: '2025-10-10', quote: quoteFee('by_pages', 30), paymentDueOn: '2025-11-07' }, TODAY), /无需收费/);
  assert.throws(() => t.noticeFee(snap('received', { feeNotified: true }), { on: '2025-10-10', quote: quoteFee('by_pages', 150), paymentDueOn: '2025-11-07' }, TODAY), /已发出过收费通知/);
  const r = t.noticeFee(snap('received'), { on: '2025-10-10', quote: quoteFee('by_count', 12), paymentDueOn: '2025-11-07' }, TODAY);
  assert.deepEqual(r.events[0]!.data, { basis: 'by_count', quantity: 12, amountYuan: 100, paymentDueOn: '2025-11-07', explanation: quoteFee('by_count', 12).explanation });
  assert.throws(() => t.recordNonPayment(snap('fee_notified', { feePaymentDueOn: '2025-10-20' }), { on: '2025-10-20' }, TODAY), /尚未届满/);
  assert.deepEqual(t.recordNonPayment(snap('fee_notified', { feePaymentDueOn: '2025-10-17' }), { on: '2025-10-20' }, TODAY).set, { concludedOn: '2025-10-20', outcome: 'other.feeNotPaid' });
});

test('第三十三条第二款 extension: 1–20 working days, once, with a reason; the head approves before the applicant is told', () => {
  const ask = (s: CaseSnapshot, days: number, reason = '需调取档案') => t.requestExtension(s, { on: '2025-10-13', workingDays: days, reason }, TODAY);
  assert.throws(() => ask(snap('received'), 0), /1 至 20 个工作日/);
  assert.throws(() => ask(snap('received'), 21), /1 至 20 个工作日/);
  assert.throws(() => ask(snap('received'), 2.5), /1 至 20 个工作日/);
  assert.throws(() => ask(snap('received'), 5, ''), /延期理由/);
  assert.throws(() => ask(snap('received', { extended: true }), 5), /已延期一次/);
  assert.throws(() => ask(snap('received', { extensionRequest: { workingDays: 5, reason: 'x' } }), 5), /待负责人审批/);
  assert.throws(() => t.approveExtension(snap('received'), { approvedOn: '2025-10-14', notifiedOn: '2025-10-14' }, TODAY), /没有待审批的延期申请/);
  const pending = snap('received', { extensionRequest: { workingDays: 15, reason: '需调取档案' } });
  assert.throws(() => t.approveExtension(pending, { approvedOn: '2025-10-15', notifiedOn: '2025-10-14' }, TODAY), /告知日期不能早于批准日期/);
  assert.deepEqual(t.approveExtension(pending, { approvedOn: '2025-10-14', notifiedOn: '2025-10-15' }, TODAY).events, [
    { kind: 'extended', onDate: '2025-10-15', data: { workingDays: 15, approvedOn: '2025-10-14', notifiedOn: '2025-10-15', reason: '需调取档案' } },
  ]);
  assert.throws(() => t.rejectExtension(pending, { on: '2025-10-14', reason: '' }, TODAY), /理由/);
  assert.equal(t.rejectExtension(pending, { on: '2025-10-14', reason: '无必要' }, TODAY).next, 'received');
});

test('第三十六条 reply: exactly one table 3 outcome, reasons unless fully granted', () => {
  const r = (outcome: string, reasons = '', s = snap('received')) => t.reply(s, { on: '2025-10-20', outcome, reasons, deliveredBy: '邮寄' }, TODAY);
  assert.deepEqual(r('granted').set, { concludedOn: '2025-10-20', outcome: 'granted' });
  assert.throws(() => r('partiallyGranted'), /须说明理由/);
  assert.throws(() => r('withheld.stateSecret'), /须说明理由/);
  assert.throws(() => r('approved'), /表三的办理结果/);
  assert.throws(() => r('other.noCorrection', 'x'), /表三的办理结果/, '逾期不补正 has its own transition');
  assert.throws(() => r('other.feeNotPaid', 'x'), /表三的办理结果/);
  assert.throws(() => r('unavailable.unclearAfterCorrection', 'x'), /只适用于已补正的申请/);
  assert.equal(r('unavailable.unclearAfterCorrection', '仍不明确', snap('corrected', { corrected: true })).set.outcome, 'unavailable.unclearAfterCorrection');
  assert.throws(() => t.reply(snap('received'), { on: '2025-10-20', outcome: 'granted', reasons: '', deliveredBy: ' ' }, TODAY), /送达方式/);
});

test('withdrawal: counted under 其他处理 only when the application had been received', () => {
  assert.deepEqual(t.withdraw(snap('received'), { on: '2025-10-20', by: 'applicant' }, TODAY).set, { concludedOn: '2025-10-20', outcome: 'other.other' });
  assert.deepEqual(t.withdraw(snap('submitted', { receivedOn: null }), { on: '2025-10-20', by: 'applicant' }, TODAY).set, {});
});

test('dates: never in the future, never before the previous procedural step', () => {
  const s = snap('received', { lastEventOn: '2025-10-10' });
  assert.throws(() => t.startConsultation(s, { on: '2025-10-09', party: 'agency', partyName: '县林业局' }, TODAY), /不能早于上一办理环节的日期（2025-10-10）/);
  assert.throws(() => t.startConsultation(s, { on: '2025-10-21', party: 'agency', partyName: '县林业局' }, TODAY), /不能晚于今天（2025-10-20）/);
  assert.throws(() => t.startConsultation(s, { on: '20251010', party: 'agency', partyName: '县林业局' }, TODAY), /YYYY-MM-DD/);
});

test('snapshotOf: facts from the events; bookkeeping events do not bound later dates', () => {
  const events: StoredEvent[] = [
    { kind: 'submitted', onDate: '2025-09-24', data: { channel: 'online' } },
    { kind: 'received', onDate: '2025-09-26', data: { receivedOn: '2025-09-26' } },
    { kind: 'correction_requested', onDate: '2025-09-30', data: { items: 'x', dueOn: '2025-10-15' } },
    { kind: 'corrected', onDate: '2025-10-09', data: { by: 'applicant', description: 'y' } },
    { kind: 'noted', onDate: '2025-10-20', data: {} },
    { kind: 'extension_requested', onDate: '2025-10-20', data: { workingDays: 10, reason: 'z' } },
  ];
  const s = snapshotOf({ state: 'corrected', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, events);
  assert.deepEqual(s, {
    state: 'corrected', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26', lastEventOn: '2025-10-09',
    correctionRequested: true, corrected: true, correctionDueOn: '2025-10-15', extensionRequest: { workingDays: 10, reason: 'z' },
    extended: false, reasonsRequest: null, reasonsGiven: false, replyDelayed: false, consultationSentOn: null, consultationDeliveredOn: null, thirdPartyObjection: null, disclosureNotified: false, feeNotified: false, feePaymentDueOn: null, replyDraft: null,
  });
  const approved = snapshotOf({ state: 'extended', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, [
    ...events,
    { kind: 'extended', onDate: '2025-10-21', data: { workingDays: 10, approvedOn: '2025-10-21', notifiedOn: '2025-10-21', reason: 'z' } },
  ]);
  assert.equal(approved.extended, true);
  assert.equal(approved.extensionRequest, null);
  assert.equal(approved.lastEventOn, '2025-10-21');
});

test('答复须经负责人签发: the draft keeps the content, the signature replies on its own date and names the signer', () => {
  const drafted = t.draftReply(snap('consulted', { lastEventOn: '2025-10-15' }), { on: '2025-10-16', outcome: 'withheld.thirdPartyRights', reasons: '第三方不同意公开', deliveredBy: '邮寄' }, TODAY);
  assert.deepEqual(drafted, {
    next: 'reply_drafted',
    events: [{ kind: 'reply_drafted', onDate: '2025-10-16', data: { outcome: 'withheld.thirdPartyRights', reasons: '第三方不同意公开', deliveredBy: '邮寄', template: null, fromState: 'consulted' } }],
    set: {},
  });
  const history: StoredEvent[] = [{ kind: 'received', onDate: '2025-09-26', data: { receivedOn: '2025-09-26' } }, drafted.events[0]!];
  const s = snapshotOf({ state: 'reply_drafted', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, history);
  assert.equal(s.replyDraft?.fromState, 'consulted');
  assert.throws(() => t.signReply(s, { on: '2025-10-15', signedBy: '负责人' }, TODAY), /签发日期（2025-10-15）不能早于上一办理环节的日期（2025-10-16）/);
  const signed = t.signReply(s, { on: '2025-10-20', signedBy: '李局长' }, TODAY);
  assert.deepEqual(signed.set, { concludedOn: '2025-10-20', outcome: 'withheld.thirdPartyRights' });
  assert.deepEqual(signed.events[0]!.data, { outcome: 'withheld.thirdPartyRights', reasons: '第三方不同意公开', deliveredBy: '邮寄', signedBy: '李局长' });
  // sent back: to the state it was drafted in, with the reason; the draft is gone
  const back = t.returnReply(s, { on: '2025-10-17', reason: '请补充第三方意见' }, TODAY);
  assert.equal(back.next, 'consulted');
  assert.throws(() => t.returnReply(s, { on: '2025-10-17', reason: ' ' }, TODAY), /请填写退回修改的理由/);
  const after = snapshotOf({ state: 'consulted', channel: 'online', submittedOn: '2025-09-24', receivedOn: '2025-09-26' }, [...history, back.events[0]!]);
  assert.equal(after.replyDraft, null);
  assert.throws(() => t.signReply({ ...s, replyDraft: null }, { on: '2025-10-20', signedBy: '负责人' }, TODAY), /没有待签发的答复草稿/);
});

test('a draft is checked like a reply, and a letter text of its own must keep the remedy clause', () => {
  const d = (over: Partial<t.ReplyInput>) => t.draftReply(snap('received'), { on: '2025-10-20', outcome: 'granted', reasons: '', deliveredBy: '邮寄', ...over }, TODAY);
  assert.throws(() => d({ outcome: 'withheld.stateSecret' }), /须说明理由/);
  assert.throws(() => d({ outcome: 'nonsense' }), /请从年度报告表三的办理结果中选择一项/);
  assert.throws(() => d({ template: '予以公开。' }), /缺少必需的占位符 \{救济途径\}/);
  assert.equal((d({ template: '予以公开。\n{救济途径}' }).events[0]!.data as { template: string }).template, '予以公开。\n{救济途径}');
  assert.equal(t.withdraw(snap('reply_drafted'), { on: '2025-10-20', by: 'applicant' }, TODAY).next, 'withdrawn', 'withdrawal stays possible until the reply is signed');
});
