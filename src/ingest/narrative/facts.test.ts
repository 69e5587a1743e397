import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrativeFacts, withArabicNumerals } from './facts.ts';

test('narrative: Chinese numerals before a counter become digits, nothing else', () => {
  assert.equal(withArabicNumerals('收到申请十二件，复议零件，一是加强领导，一次性告知'), '收到申请12件，复议0件，一是加强领导，一次性告知');
});

test('narrative: the figures of sections 一 and 六, also stated as negations', () => {
  const facts = narrativeFacts({
    一: '2024年,自然资源局收到群众依申请公开4例并及时回复。政府信息复议0件、行政诉讼二件。全年共计发布公开公示信息50条。',
    六: '本机关没有收取信息处理费。',
  });
  assert.deepEqual(facts.map((f) => [f.fact, f.value, f.section]), [
    ['applicationsReceived', 4, '一'],
    ['reviews', 0, '一'],
    ['lawsuits', 2, '一'],
    ['itemsPublished', 50, '一'],
    ['feesCollected', 0, '六'],
  ]);
  assert.deepEqual(narrativeFacts({ 一: '截止2020年12月31日,我局未收到过公开申请,亦未发生由政府信息公开引发的行政复议和行政诉讼。' }).map((f) => [f.fact, f.value]), [
    ['applicationsReceived', 0],
    ['reviews', 0],
    ['lawsuits', 0],
  ]);
});
