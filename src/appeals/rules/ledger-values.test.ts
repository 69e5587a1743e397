// The spellings a 复议诉讼台账 uses for 类型 and 结果, and which table 4 column each result goes to
// (docs/appeals-table4.md 「台账导入：结果的写法」).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOf, kindOf, matchHeader, outcomeOf } from './ledger-values.ts';

const outcome = (s: string) => {
  const r = outcomeOf(s);
  assert.ok('value' in r, `${s}: ${'error' in r ? r.error : ''}`);
  return r.value;
};

test('kinds: the three groups, with their short forms', () => {
  for (const [text, kind] of [
    ['行政复议', 'review'], ['复议', 'review'], ['行政诉讼（未经复议直接起诉）', 'litigation_direct'], ['直诉', 'litigation_direct'],
    ['行政诉讼(复议后起诉)', 'litigation_after_review'], ['复议后诉讼', 'litigation_after_review'], ['復議後訴訟', 'litigation_after_review'],
  ] as const) {
    const r = kindOf(text);
    assert.ok('value' in r && r.value === kind && !r.warning, text);
  }
  const bare = kindOf('诉讼');
  assert.ok('value' in bare && bare.value === 'litigation_direct' && /未说明是否经过复议/.test(bare.warning ?? ''), 'a bare 诉讼 is direct, with a warning');
  assert.ok('error' in kindOf('信访'));
  assert.ok('error' in kindOf(''));
});

test('results: 维持, 纠正, 其他 and 尚未审结 as decisions word them', () => {
  const cases: [string, string | null][] = [
    ['维持', 'upheld'], ['结果维持', 'upheld'], ['驳回复议申请', 'upheld'], ['驳回诉讼请求', 'upheld'], ['判决驳回原告诉讼请求', 'upheld'], ['驳回', 'upheld'], ['确认合法', 'upheld'],
    ['纠正', 'corrected'], ['撤销', 'corrected'], ['撤销原答复，责令重新答复', 'corrected'], ['确认违法', 'corrected'], ['责令重新答复', 'corrected'], ['变更', 'corrected'],
    ['部分撤销，驳回其他诉讼请求', 'corrected'],
    ['其他', 'other'], ['终止', 'other'], ['申请人撤回复议申请，复议终止', 'other'], ['和解', 'other'], ['准予撤诉', 'other'], ['不予受理', 'other'], ['裁定驳回起诉', 'other'],
    ['尚未审结', null], ['审理中', null], ['', null],
  ];
  for (const [text, expected] of cases) assert.equal(outcome(text).outcome, expected, text);
  assert.equal(outcome('撤销原答复，责令重新答复').newReplyOrdered, true);
  assert.equal(outcome('撤销').newReplyOrdered, false);
  assert.equal(outcome('驳回诉讼请求').newReplyOrdered, false);
  const unknown = outcomeOf('已处理');
  assert.ok('error' in unknown && /无法识别的结果“已处理”/.test(unknown.error));
});

test('headers and dates as registers write them', () => {
  assert.equal(matchHeader('申请人/原告'), 'party');
  assert.equal(matchHeader('申请人（原告）'), 'party');
  assert.equal(matchHeader('复议机关 / 法院'), 'body');
  assert.equal(matchHeader('决定日期/审结日期'), 'decidedOn');
  assert.equal(matchHeader('审结日期'), 'decidedOn');
  assert.equal(matchHeader('收件编号'), 'receiptNo');
  assert.equal(matchHeader('办理人'), null);
  for (const v of ['2025-03-04', '2025/3/4', '2025.3.4', '2025年3月4日', '二〇二五年三月四日', new Date(Date.UTC(2025, 2, 4)), 45720]) {
    assert.deepEqual(dateOf(v), { value: '2025-03-04' }, String(v));
  }
  assert.ok('error' in dateOf('2025-02-30'));
  assert.deepEqual(dateOf(null), { value: null });
});
