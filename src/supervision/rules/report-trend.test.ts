// The trend over years counts each agency once a year as the report table does (deadline per kind or the
// organization's own, 条例第四十九条) and sums the received applications of the reports that give them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yearTrends } from './report-trend.ts';

test('on time, late, unpublished and not yet due, per year; received summed over the reports that have it', () => {
  const r = (year: number, kind: string, firstPublishedOn: string | null, received: number | null, hasReport = true, reportDeadline: string | null = null) =>
    ({ year, kind, firstPublishedOn, received, hasReport, reportDeadline });
  const trends = yearTrends(
    [
      r(2024, 'department', '2025-01-20', 10), // by 31 January: on time
      r(2024, 'department', '2025-02-03', 5), // late
      r(2024, 'government', '2025-03-31', null), // a government's 31 March: on time, no figure
      r(2024, 'department', null, 7), // a draft past the deadline: unpublished, its figure counted
      r(2025, 'department', null, null, false), // not due on 2026-01-15
      r(2025, 'department', null, null, false, '01-10'), // its own deadline passed
      r(2022, 'department', '2023-01-02', 1), // outside the years asked
    ],
    2023,
    2025,
    '2026-01-15',
  );
  assert.deepEqual(trends, [
    { year: 2023, onTime: 0, late: 0, unpublished: 0, notDue: 0, received: null, receivedReports: 0 },
    { year: 2024, onTime: 2, late: 1, unpublished: 1, notDue: 0, received: 22, receivedReports: 3 },
    { year: 2025, onTime: 0, late: 0, unpublished: 1, notDue: 1, received: null, receivedReports: 0 },
  ]);
});
