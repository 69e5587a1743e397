import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_TOPICS, topicChoices } from './standard-topics.ts';

test('the standard 主题分类: 22 subjects, 综合政务 among them, 其他 last, no repeats', () => {
  assert.equal(STANDARD_TOPICS.length, 22);
  assert.equal(new Set(STANDARD_TOPICS).size, 22);
  assert.ok(STANDARD_TOPICS.includes('综合政务'));
  assert.equal(STANDARD_TOPICS.at(-1), '其他');
});

test('a form offers the standard list; a value from before the list is kept, first and marked', () => {
  assert.deepEqual(topicChoices('').map((c) => c.value), [...STANDARD_TOPICS]);
  assert.deepEqual(topicChoices('综合政务').map((c) => c.value), [...STANDARD_TOPICS]);
  const old = topicChoices(' 林业 ');
  assert.deepEqual(old[0], { value: '林业', label: '林业（原填写，非标准分类）' });
  assert.equal(old.length, 23);
});
