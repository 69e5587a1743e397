import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './query.ts';
import { highlight, snippet } from './snippet.ts';
import { searchableText } from './text.ts';
import { tokens, tsvectorLiteral } from './tokens.ts';

test('searchable text: traditional → simplified, full-width → ASCII, whitespace runs', () => {
  assert.equal(searchableText('政府資訊公開　年度報告'), '政府资讯公开 年度报告');
  assert.equal(searchableText('黎川縣生態環境局 ２０２０年'), '黎川县生态环境局 2020年');
});

test('tokens: Han bigrams, a lone Han character as a unigram, Latin and digit runs apart', () => {
  assert.deepEqual(tokens('信息公开').map((t) => t.lexeme), ['信息', '息公', '公开']);
  assert.deepEqual(tokens('青林发〔2023〕5号').map((t) => t.lexeme), ['青林', '林发', '2023', '5', '号']);
  assert.deepEqual(tokens('GB11643标准').map((t) => t.lexeme), ['gb', '11643', '标准']);
});

test('tsvector literal: weights by field, positions capped per lexeme', () => {
  assert.equal(tsvectorLiteral([{ text: '公开指南', weight: 'A' }, { text: '公开', weight: 'C' }]), `'公开':1A,4C '开指':2A '指南':3A`);
  const many = tsvectorLiteral([{ text: '公开 '.repeat(40), weight: 'C' }]);
  assert.equal(many.split(',').length, 16);
});

test('queries: AND of bigrams and prefix tokens; single characters by substring only; traditional input', () => {
  const q = parseQuery('信息公開  2023');
  assert.deepEqual(q.terms, ['信息公开', '2023']);
  assert.equal(q.tsquery, `'信息' & '息公' & '公开' & '2023':*`);
  assert.deepEqual(q.patterns, ['%信息公开%', '%2023%']);
  assert.deepEqual(parseQuery('林').tsquery, null);
  assert.deepEqual(parseQuery('100%_x').patterns, ['%100\\%\\_x%']);
  assert.deepEqual(parseQuery('   ').terms, []);
});

test('snippets: text around the first hit, every term marked, escaped', () => {
  assert.equal(highlight('<b>公开</b>指南公开', ['公开']).value, '&lt;b&gt;<mark>公开</mark>&lt;/b&gt;指南<mark>公开</mark>');
  const long = `${'甲'.repeat(100)}政府信息${'乙'.repeat(100)}`;
  const s = snippet(long, ['信息'], 30).value;
  assert.match(s, /^…甲+政府<mark>信息<\/mark>乙+…$/);
});
