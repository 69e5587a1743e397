import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnHealth } from './health.ts';
import { withPublishedReports } from './report-column.ts';

const columns = [
  { id: 1, name: '政府信息公开年报', parentId: null, kind: 'report', updateDays: 365 },
  { id: 2, name: '通知公告', parentId: null, kind: 'general', updateDays: 180 },
];

test('published annual reports are the items of the 年报 column, and only of it', () => {
  const activity = new Map([[2, { count: 3, lastPublished: '2026-10-01' }]]);
  const merged = withPublishedReports(columns, activity, { count: 2, lastPublished: '2026-01-20' });
  assert.deepEqual(merged.get(1), { count: 2, lastPublished: '2026-01-20' });
  assert.deepEqual(merged.get(2), { count: 3, lastPublished: '2026-10-01' });
  assert.equal(withPublishedReports(columns, activity, { count: 0, lastPublished: null }).has(1), false);
  // items put in the column by hand count too; the later date wins
  const both = withPublishedReports(columns, new Map([[1, { count: 1, lastPublished: '2026-03-01' }]]), { count: 2, lastPublished: '2026-01-20' });
  assert.deepEqual(both.get(1), { count: 3, lastPublished: '2026-03-01' });
});

test('so a 年报 column with published reports is not 空白 (the single-veto count the walk-through saw)', () => {
  const input = { columns, items: [], calendar: null, today: '2026-12-06' };
  const before = columnHealth({ ...input, activity: new Map([[2, { count: 3, lastPublished: '2026-10-01' }]]) });
  assert.equal(before.columns.find((c) => c.column.id === 1)!.empty, true);
  const after = columnHealth({ ...input, activity: withPublishedReports(columns, new Map([[2, { count: 3, lastPublished: '2026-10-01' }]]), { count: 2, lastPublished: '2026-01-20' }) });
  const report = after.columns.find((c) => c.column.id === 1)!;
  assert.equal(report.empty, false);
  assert.equal(report.notUpdated || report.longUnupdated, false, 'published in January: within its year');
});
