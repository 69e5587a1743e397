import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretationLinkProblem, interpretationStep, linkSide, otherSide } from './interpretation.ts';

test('which side an item takes: 政策解读 column → 解读; 政策文件 column or a 文件类型 → policy document; else none', () => {
  assert.equal(linkSide({ columnKind: 'interpretation', docKind: null }), 'interpretation');
  assert.equal(linkSide({ columnKind: 'policy', docKind: null }), 'policy');
  assert.equal(linkSide({ columnKind: 'policy', docKind: 'normative' }), 'policy');
  assert.equal(linkSide({ columnKind: 'general', docKind: 'regulation' }), 'policy', 'a 规章 filed under 通知公告');
  assert.equal(linkSide({ columnKind: 'general', docKind: null }), null, 'news and notices take no side');
  assert.equal(linkSide({ columnKind: 'report', docKind: null }), null);
  assert.equal(otherSide('policy'), 'interpretation');
  assert.equal(otherSide('interpretation'), 'policy');
});

test('a link joins a policy document and a 解读, in that order', () => {
  const policy = { columnKind: 'policy', docKind: 'normative' } as const;
  const interp = { columnKind: 'interpretation', docKind: null } as const;
  const news = { columnKind: 'general', docKind: null } as const;
  assert.equal(interpretationLinkProblem(policy, interp), null);
  assert.match(interpretationLinkProblem(interp, policy)!, /政策文件/, 'the sides swapped');
  assert.match(interpretationLinkProblem(policy, news)!, /政策解读/, 'a news item is no 解读');
  assert.match(interpretationLinkProblem(news, interp)!, /政策文件/, 'a news item is no policy document');
  assert.match(interpretationLinkProblem(policy, policy)!, /政策解读/, 'two policy documents');
});

test('三同步: a 解读 published on or before its document is in step, only later is late, none is missing', () => {
  assert.equal(interpretationStep('2026-03-02', ['2026-03-02']), 'inStep');
  assert.equal(interpretationStep('2026-03-02', ['2026-03-01']), 'inStep');
  assert.equal(interpretationStep('2026-03-02', ['2026-03-10', '2026-03-02']), 'inStep');
  assert.equal(interpretationStep('2026-03-02', ['2026-03-03']), 'late');
  assert.equal(interpretationStep('2026-03-02', []), 'missing');
});
