import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayWriteFeedback, phaseOn, takesComments } from './phase.ts';
import { itemIdFromReference } from './final-document.ts';

const c = { status: 'published' as const, startsOn: '2025-06-02', endsOn: '2025-07-02' };

test('open from the start day to the end day inclusive, closed the day after', () => {
  assert.equal(phaseOn(c, '2025-06-01'), 'scheduled');
  assert.equal(phaseOn(c, '2025-06-02'), 'open');
  assert.equal(phaseOn(c, '2025-07-02'), 'open');
  assert.equal(phaseOn(c, '2025-07-03'), 'closed');
  assert.equal(takesComments(phaseOn(c, '2025-07-02')), true);
  assert.equal(takesComments(phaseOn(c, '2025-07-03')), false);
  assert.equal(mayWriteFeedback(phaseOn(c, '2025-07-03')), true);
});

test('a draft is never open and a concluded one stays concluded', () => {
  assert.equal(phaseOn({ ...c, status: 'draft' }, '2025-06-10'), 'draft');
  assert.equal(phaseOn({ ...c, status: 'concluded' }, '2025-06-10'), 'concluded');
  assert.equal(mayWriteFeedback('concluded'), false);
});

test('the final document by item number or portal address', () => {
  assert.equal(itemIdFromReference('123'), 123);
  assert.equal(itemIdFromReference(' /items/45 '), 45);
  assert.equal(itemIdFromReference('https://gk.example.gov.cn/items/678?x=1'), 678);
  assert.equal(itemIdFromReference('/columns/3'), null);
  assert.equal(itemIdFromReference('abc'), null);
});
