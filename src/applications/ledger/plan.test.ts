// From ledger rows to case histories through the transitions of rules/transitions.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLedgerError, type LedgerRow } from './model.ts';
import { parseLedgerSheets } from './parse.ts';
import { ledgerRowKey, planExistingCase, planNewCase, type CasePlan } from './plan.ts';
import type { CellValue } from './values.ts';

const TODAY = '2025-06-30';
const HEAD = ['申请编号', '申请人', '申请人类型', '申请内容', '申请方式', '申请日期', '收到申请日期', '补正告知日期', '补正期限', '收到补正日期', '延期告知日期', '答复日期', '处理结果', '办结日期'];

function rowOf(values: Record<string, CellValue>): LedgerRow {
  const parsed = parseLedgerSheets([{ name: '台账', rows: [HEAD, HEAD.map((h) => values[h] ?? null)] }]);
  assert.deepEqual(parsed.errors, []);
  return parsed.rows[0]!;
}
const base = { 申请人: '张三', 申请人类型: '自然人', 申请内容: '某镇土地征收补偿方案' };

function planOf(values: Record<string, CellValue>): CasePlan {
  const r = planNewCase(rowOf(values), TODAY);
  if ('errors' in r) assert.fail(r.errors.map((e) => formatLedgerError(e, false)).join('\n'));
  return r.plan;
}
function errorsOf(values: Record<string, CellValue>): string[] {
  const r = planNewCase(rowOf(values), TODAY);
  assert.ok('errors' in r, 'expected errors');
  return r.errors.map((e) => formatLedgerError(e, false));
}
const trail = (p: CasePlan) => p.events.map((e) => `${e.kind}@${e.onDate}`);

test('online: submitted, confirmed on the day of receipt (条例第三十一条), replied and archived', () => {
  const p = planOf({ ...base, 申请方式: '网上', 申请日期: '2025-03-01', 收到申请日期: '2025-03-03', 答复日期: '2025-03-20', 处理结果: '予以公开' });
  assert.deepEqual(p.steps.map((s) => s.action), ['submit', 'confirm', 'reply', 'close']);
  assert.deepEqual(trail(p), ['submitted@2025-03-01', 'received@2025-03-03', 'replied@2025-03-20', 'closed@2025-03-20']);
  assert.equal(p.submittedOn, '2025-03-01');
  assert.equal(p.state, 'closed');
  assert.deepEqual(p.set, { receivedOn: '2025-03-03', concludedOn: '2025-03-20', outcome: 'granted' });
});

test('handed in: received the day it is handed in; signed-for post: the day signed; an open case stays received', () => {
  const inPerson = planOf({ ...base, 申请方式: '当面', 申请日期: '2025-03-01', 收到申请日期: '2025-03-03' });
  assert.deepEqual(trail(inPerson), ['submitted@2025-03-03', 'received@2025-03-03']);
  assert.equal(inPerson.state, 'received');
  const post = planOf({ ...base, 申请方式: '邮寄', 申请日期: '2025-03-01', 收到申请日期: '2025-03-05' });
  assert.deepEqual(trail(post), ['submitted@2025-03-01', 'received@2025-03-05']);
  assert.deepEqual(post.events[1]!.data, { receivedOn: '2025-03-05', signedForOn: '2025-03-05' });
});

test('补正 then 逾期不补正; extension before the reply; steps in date order', () => {
  const abandoned = planOf({ ...base, 收到申请日期: '2025-04-03', 补正告知日期: '2025-04-08', 补正期限: '2025-04-23', 答复日期: '2025-04-28', 处理结果: '逾期不补正' });
  assert.deepEqual(trail(abandoned), ['submitted@2025-04-03', 'received@2025-04-03', 'correction_requested@2025-04-08', 'abandoned@2025-04-28', 'closed@2025-04-28']);
  assert.equal(abandoned.set.outcome, 'other.noCorrection');
  const extended = planOf({ ...base, 收到申请日期: '2025-03-10', 补正告知日期: '2025-03-12', 补正期限: '2025-03-30', 收到补正日期: '2025-03-20', 延期告知日期: '2025-04-15', 答复日期: '2025-05-06', 处理结果: '无法提供-补正后申请内容仍不明确', 办结日期: '2025-05-08' });
  assert.deepEqual(extended.steps.map((s) => s.action), ['submit', 'correction.request', 'correction.record', 'extension.request', 'extension.approve', 'reply', 'close']);
  assert.deepEqual(extended.events.find((e) => e.kind === 'extended')!.data, { workingDays: 20, approvedOn: '2025-04-15', notifiedOn: '2025-04-15', reason: '（台账未记载延期理由）' });
  assert.equal(extended.events.at(-1)!.onDate, '2025-05-08');
  assert.equal(extended.events.find((e) => e.kind === 'replied')!.data.reasons, '（台账未记载理由，见答复书）');
});

test('dates out of order or in the future, and what the transitions refuse, are errors of the row', () => {
  assert.deepEqual(errorsOf({ ...base, 收到申请日期: '2025-03-04', 答复日期: '2025-03-01', 处理结果: '予以公开' }), ['第2行「答复日期」：日期早于收到申请日期（2025-03-04）']);
  assert.deepEqual(errorsOf({ ...base, 申请日期: '2025-03-05', 收到申请日期: '2025-03-04' }), ['第2行「收到申请日期」：日期早于申请日期（2025-03-05）']);
  assert.deepEqual(errorsOf({ ...base, 收到申请日期: '2025-07-04' }), ['第2行「收到申请日期」：日期（2025-07-04）晚于今天（2025-06-30）']);
  assert.deepEqual(errorsOf({ ...base, 收到申请日期: '2025-03-04', 答复日期: '2025-03-10', 处理结果: '补正后申请内容仍不明确' }), ['第2行「答复日期」：“补正后申请内容仍不明确”只适用于已补正的申请（条例第三十条）']);
  assert.deepEqual(errorsOf({ ...base, 收到申请日期: '2025-04-03', 补正告知日期: '2025-04-08', 补正期限: '2025-04-23', 答复日期: '2025-04-20', 处理结果: '逾期不补正' }), ['第2行「答复日期」：补正期限（2025-04-23）尚未届满，不能视为放弃申请']);
  assert.deepEqual(errorsOf({ ...base, 收到申请日期: '2025-03-04', 延期告知日期: '2025-03-20', 答复日期: '2025-03-10', 处理结果: '予以公开' }), ['第2行「延期告知日期」：日期晚于答复日期（2025-03-10）']);
});

test('a row imported before: continued with what the ledger adds, unchanged when up to date, an error when it disagrees', () => {
  const open = planOf({ ...base, 申请方式: '当面', 收到申请日期: '2025-03-04' });
  const stored = (p: CasePlan, state = p.state) => ({
    state, channel: 'in_person' as const, submittedOn: '2025-03-04', receivedOn: '2025-03-04', concludedOn: p.set.concludedOn ?? null, outcome: p.set.outcome ?? null,
    receiptNo: 'T-2025-00001', events: p.events.map((e) => ({ kind: e.kind, onDate: e.onDate, data: e.data as Record<string, unknown> })),
  });
  const now = rowOf({ ...base, 申请方式: '当面', 收到申请日期: '2025-03-04', 答复日期: '2025-03-25', 处理结果: '部分公开' });
  const more = planExistingCase(now, stored(open), TODAY);
  assert.ok('plan' in more);
  assert.deepEqual(more.plan.steps.map((s) => s.action), ['reply', 'close']);
  assert.equal(more.plan.set.outcome, 'partiallyGranted');
  const done = planOf({ ...base, 申请方式: '当面', 收到申请日期: '2025-03-04', 答复日期: '2025-03-25', 处理结果: '部分公开' });
  const same = planExistingCase(now, stored(done), TODAY);
  assert.ok('plan' in same && same.plan.steps.length === 0);
  const stillOpenInLedger = planExistingCase(rowOf({ ...base, 申请方式: '当面', 收到申请日期: '2025-03-04' }), stored(done), TODAY);
  assert.ok('plan' in stillOpenInLedger && stillOpenInLedger.plan.steps.length === 0, 'the system knows more than the ledger: left as it is');
  const other = planExistingCase(rowOf({ ...base, 申请方式: '当面', 收到申请日期: '2025-03-04', 答复日期: '2025-03-25', 处理结果: '予以公开' }), stored(done), TODAY);
  assert.ok('errors' in other);
  assert.equal(
    formatLedgerError(other.errors[0]!, false),
    '第2行「处理结果」：与已导入的申请 T-2025-00001 不一致：系统中为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”（2025-03-25），台账为“予以公开”（2025-03-25）。如需更正，请在该案件页面处理',
  );
});

test('row keys: the ledger number and year, or applicant, day and request — 繁/简 and punctuation do not matter', () => {
  const a = rowOf({ ...base, 收到申请日期: '2025-03-04' });
  const b = rowOf({ ...base, 申请内容: '某鎮土地徵收補償方案。', 收到申请日期: '2025/3/4' });
  assert.equal(ledgerRowKey(a), ledgerRowKey(b));
  assert.notEqual(ledgerRowKey(a), ledgerRowKey(rowOf({ ...base, 收到申请日期: '2025-03-05' })));
  const n1 = rowOf({ ...base, 申请编号: 'YSQ-001', 收到申请日期: '2025-03-04' });
  const n2 = rowOf({ ...base, 申请编号: 'YSQ-001', 申请人: '張三（更正）', 收到申请日期: '2025-03-09' });
  assert.equal(ledgerRowKey(n1), ledgerRowKey(n2), 'same number in the same year: the same application, corrected');
  assert.notEqual(ledgerRowKey(n1), ledgerRowKey(rowOf({ ...base, 申请编号: 'YSQ-001', 收到申请日期: '2024-03-04' })));
});
