// 严重表述错误: the default list finds misspelt organ names, renamed organs (after the renaming only)
// and 错别字 pairs, with the sentence and the suggestion; correct words that contain a wrong wording,
// and 繁體 text, are handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWordingRules, findWording, sentenceAround } from './wording.ts';

const rules = defaultWordingRules();

test('wording: the default list is small, well formed and each entry finds itself', () => {
  assert.ok(rules.length >= 20 && rules.length <= 60);
  for (const r of rules) {
    assert.ok(r.wrong && r.right && r.wrong !== r.right, r.wrong);
    assert.ok(['organ', 'outdated', 'typo'].includes(r.kind), r.wrong);
    assert.equal(findWording(`这里是${r.wrong}的例句。`, [r]).length, 1, r.wrong);
  }
});

test('wording: a misspelt organ name and typos are found with the sentence and the suggestion', () => {
  const text = '根据国务院办工厅有关要求，我局开展检查。既使天气恶劣，也要按装到位。今年布署了三项工作。';
  const found = findWording(text, rules);
  assert.deepEqual(found.map((f) => [f.wrong, f.right, f.kind]), [
    ['国务院办工厅', '国务院办公厅', 'organ'],
    ['既使', '即使', 'typo'],
    ['按装', '安装', 'typo'],
    ['布署', '部署', 'typo'],
  ]);
  assert.equal(found[0]!.sentence, '根据国务院办工厅有关要求，我局开展检查。');
  assert.equal(found[1]!.sentence, '既使天气恶劣，也要按装到位。');
  assert.equal(found[3]!.sentence, '今年布署了三项工作。');
});

test('wording: no false positives — correct names, correct words containing a wrong wording', () => {
  const ok = [
    '根据国务院办公厅有关要求，我局开展检查。',
    '既使用传统方法，又使用新技术。',
    '这一做法既使得群众满意，又节约了成本。',
    '今年部署了三项工作，安装了新设备。',
    '最高人民检察院、国家发展和改革委员会、人力资源和社会保障部。',
  ];
  for (const t of ok) assert.deepEqual(findWording(t, rules), [], t);
});

test('wording: a renamed organ is a finding only in items dated after the renaming', () => {
  const text = '经国土资源部批准。';
  assert.equal(findWording(text, rules, { date: '2017-05-01' }).length, 0);
  const found = findWording(text, rules, { date: '2025-05-01' });
  assert.deepEqual(found.map((f) => [f.wrong, f.right, f.kind]), [['国土资源部', '自然资源部', 'outdated']]);
});

test('wording: 繁體 input is compared as simplified, the sentence is shown as written', () => {
  const found = findWording('根據國務院辦工廳的通知，既使如此也要按裝。', rules);
  assert.deepEqual(found.map((f) => f.right), ['国务院办公厅', '即使', '安装']);
  assert.equal(found[0]!.sentence, '根據國務院辦工廳的通知，既使如此也要按裝。');
});

test('wording: the same wrong wording in one sentence is one finding; long sentences are cut around the hit', () => {
  assert.equal(findWording('按装、按装、按装。', rules).length, 1);
  const long = `${'甲'.repeat(100)}按装${'乙'.repeat(100)}`;
  const s = sentenceAround(long, 100, 102);
  assert.equal(s, `…${'甲'.repeat(40)}按装${'乙'.repeat(40)}…`);
});
