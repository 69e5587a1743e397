import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publishRefusal, publishRequirements } from './publication.ts';

const first = { currentVersion: 2, publishedVersion: null, errors: 0, warnings: 0 };

test('a first publication without findings needs nothing more', () => {
  assert.deepEqual(publishRequirements(first), { revision: false, confirmations: [] });
  assert.equal(publishRefusal(first, {}), null);
});

test('open errors or warnings must be confirmed, a warning as much as an error', () => {
  const warned = { ...first, warnings: 1 };
  assert.match(publishRefusal(warned, {})!.message, /^发布前请确认：第 2 版有 1 条警告，我已逐条核对，仍要发布$/);
  assert.equal(publishRefusal(warned, { confirmed: true }), null);
  assert.match(publishRequirements({ ...first, errors: 2, warnings: 3 }).confirmations[0]!, /2 条错误、3 条警告/);
});

test('republishing is a revision: it needs a 修订说明 and the confirmation that the public version is replaced', () => {
  const revising = { currentVersion: 3, publishedVersion: 2, errors: 0, warnings: 0 };
  assert.equal(publishRequirements(revising).revision, true);
  assert.match(publishRefusal(revising, { confirmed: true })!.message, /请填写修订说明/);
  assert.match(publishRefusal(revising, { revisionNote: '  ', confirmed: true })!.message, /请填写修订说明/);
  assert.match(publishRefusal(revising, { revisionNote: '更正表三' })!.message, /公开门户上的第 2 版将被第 3 版替换/);
  assert.equal(publishRefusal(revising, { revisionNote: '更正表三', confirmed: true }), null);
  assert.match(publishRefusal(revising, { revisionNote: '改'.repeat(501), confirmed: true })!.message, /不能超过 500 个字/);
});

test('a stale or already published version is refused first', () => {
  assert.deepEqual(publishRefusal(first, { expectedVersion: 1 }), { kind: 'conflict', message: '报告已有更新的第 2 版，请查看后再发布' });
  assert.deepEqual(publishRefusal({ ...first, publishedVersion: 2 }, {}), { kind: 'conflict', message: '第 2 版已经发布' });
  assert.equal(publishRefusal({ ...first, currentVersion: 3, publishedVersion: 2 }, {})!.kind, 'incomplete');
});
