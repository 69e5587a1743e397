// 互动回应差: until the interaction module exists (a later issue), no message can be unanswered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Queryable } from '../../core/db/database.ts';
import { UNANSWERED_MONTHS, unansweredMessagesOlderThan3Months } from './unanswered.ts';

test('unanswered messages: counted as 0 until the interaction module exists (it asks nothing of the database)', async () => {
  const untouched = new Proxy({}, { get: () => { throw new Error('the database is not asked yet'); } }) as Queryable;
  assert.equal(await unansweredMessagesOlderThan3Months(untouched, 1, '2026-06-30'), 0);
  assert.equal(UNANSWERED_MONTHS, 3);
});
