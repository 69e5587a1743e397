import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAuditSummary } from './audit-summary.ts';

const fields = { roles: '角色', username: '用户名', version: '版本', disabled: '停用' };

test('a change reads 字段：旧值 → 新值, only what changed', () => {
  assert.deepEqual(describeAuditSummary({ before: { roles: ['editor'], username: 'li' }, after: { roles: ['editor', 'reviewer'], username: 'li' } }, fields), ['角色：editor → editor、reviewer']);
  assert.deepEqual(describeAuditSummary({ before: { disabled: false }, after: { disabled: true }, username: 'li' }, fields), ['停用：否 → 是', '用户名：li']);
});

test('other facts read 字段：值; unnamed keys stay as they are; nothing is raw JSON', () => {
  assert.deepEqual(describeAuditSummary({ version: 3, note: '' }, fields), ['版本：3', 'note：（空）']);
  assert.deepEqual(describeAuditSummary({}, fields), []);
  const long = describeAuditSummary({ version: 'x'.repeat(500) }, fields)[0]!;
  assert.ok(long.length < 140 && long.endsWith('…'));
  for (const line of describeAuditSummary({ after: { a: { b: 1 } } }, fields)) assert.doesNotMatch(line, /[{}"]/);
});
