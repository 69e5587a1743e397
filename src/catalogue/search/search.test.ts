import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, termWords } from './query.ts';
import { segmenterInitMs } from './segment.ts';
import { withoutCommonTokens } from './service.ts';
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

test('queries: AND of the words’ bigrams and prefix tokens; single characters by substring only; traditional input', () => {
  const q = parseQuery('信息公開  2023');
  assert.deepEqual(q.terms, ['信息公开', '2023']);
  assert.deepEqual(q.words, ['信息', '公开', '2023']);
  assert.equal(q.tsquery, `'信息' & '公开' & '2023':*`);
  assert.deepEqual(q.patterns, ['%信息%', '%公开%', '%2023%']);
  assert.deepEqual(q.termPatterns, ['%信息公开%', '%2023%']);
  assert.deepEqual(q.phrasePatterns, ['%信息公开%'], 'the term of two words ranks first found whole');
  assert.equal(q.termTsquery, `'信息' & '息公' & '公开' & '2023':*`);
  assert.deepEqual(parseQuery('林').tsquery, null);
  assert.deepEqual(parseQuery('100%_x').termPatterns, ['%100\\%\\_x%']);
  assert.deepEqual(parseQuery('   ').terms, []);
});

test('segmented queries: a term without spaces is its words, 简体 or 繁體', () => {
  for (const input of ['生态环境年度报告', '生態環境年度報告']) {
    const q = parseQuery(input);
    assert.deepEqual(q.terms, ['生态环境年度报告']);
    assert.deepEqual(q.words, ['生态', '环境', '年度', '报告']);
    assert.deepEqual(q.phrasePatterns, ['%生态环境年度报告%']);
    for (const w of ['生态环境年度报告', '生态环境', '年度报告', '生态']) assert.ok(q.highlights.includes(w), w);
  }
  // The finest words of jieba's search mode that still cover the term: 企事业 stays whole.
  assert.deepEqual(parseQuery('公共企事业单位信息公开').words, ['公共', '企事业', '单位', '信息', '公开']);
  // Words of several terms together, without repeats; each term keeps its own.
  const two = parseQuery('生态环境 环境监测');
  assert.deepEqual(two.words, ['生态', '环境', '监测']);
  assert.deepEqual(two.termWords, [['生态', '环境'], ['环境', '监测']]);
});

test('segmented queries: single-character function words dropped unless the term is just that; fragments kept together', () => {
  assert.deepEqual(termWords('森林的防火检查').required, ['森林', '防火', '检查']);
  assert.deepEqual(termWords('2020年的年度报告').required, ['2020', '年度', '报告']);
  assert.deepEqual(termWords('环境与发展').required, ['环境', '发展']);
  assert.deepEqual(termWords('的').required, ['的']);
  assert.deepEqual(termWords('和的').required, ['和的']);
  assert.deepEqual(parseQuery('年').patterns, ['%年%']);
  // A single character that is not a function word stays; digits and single characters jieba
  // leaves apart stay together (第7批 is not 第17批).
  assert.deepEqual(termWords('生态环境局').required, ['生态', '环境', '局']);
  assert.deepEqual(termWords('第7批林木采伐').required, ['第7批', '林木', '采伐']);
  assert.deepEqual(termWords('青林发〔2023〕5号').required, ['青林发', '2023', '5号']);
  assert.ok(segmenterInitMs()! > 0);
});

test('snippets: text around the first hit, every term marked, escaped', () => {
  assert.equal(highlight('<b>公开</b>指南公开', ['公开']).value, '&lt;b&gt;<mark>公开</mark>&lt;/b&gt;指南<mark>公开</mark>');
  const long = `${'甲'.repeat(100)}政府信息${'乙'.repeat(100)}`;
  const s = snippet(long, ['信息'], 30).value;
  assert.match(s, /^…甲+政府<mark>信息<\/mark>乙+…$/);
});

test('snippets: a term found whole is marked whole, else its words', () => {
  const { highlights } = parseQuery('生態環境年度報告');
  assert.equal(highlight('生态环境年度报告', highlights).value, '<mark>生态环境年度报告</mark>');
  assert.equal(
    highlight('黎川县生态环境局2020年政府信息公开工作年度报告', highlights).value,
    '黎川县<mark>生态环境</mark>局2020年政府信息公开工作<mark>年度报告</mark>',
  );
  assert.match(snippet(`${'甲'.repeat(100)}年度工作报告`, highlights, 30).value, /<mark>年度<\/mark>工作<mark>报告<\/mark>/);
});

test('tsquery: tokens in most items are left to the substring checks, unless nothing else is left', () => {
  const shares = new Map([['编号', 1], ['政务', 0.9], ['公开', 0.1]]);
  assert.equal(withoutCommonTokens(shares, `'编号' & '1234':*`), `'1234':*`);
  assert.equal(withoutCommonTokens(shares, `'政务' & '务公' & '公开'`), `'务公' & '公开'`);
  assert.equal(withoutCommonTokens(shares, `'政务'`), `'政务'`);
  assert.equal(withoutCommonTokens(new Map(), `'编号' & '1234':*`), `'编号' & '1234':*`, 'no statistics (PGlite before ANALYZE): unchanged');
  assert.equal(withoutCommonTokens(shares, null), null);
});
