// Table 3 computed from 1,000 random cases: the SQL aggregate and the pure computeTable3 agree
// with a naive count written out here, for a 2021-format and a 2019-format year; every result
// passes the validator, including the cross-year rule against the year before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, dayNumber } from '../../src/core/date.ts';
import { blankReport } from '../../src/report/model/blank-report.ts';
import { TABLE3_COLUMNS, table3Rows, type ReportFormat } from '../../src/report/model/layout.ts';
import type { AnnualReport } from '../../src/report/model/report.ts';
import { validateReport } from '../../src/report/rules/validate.ts';
import { APPLICANT_COLUMNS } from '../../src/applications/model.ts';
import { OUTCOME_KEYS } from '../../src/applications/rules/outcome.ts';
import { computeTable3, type Table3Case } from '../../src/applications/rules/table3.ts';
import { table3ForYear } from '../../src/applications/table3-report.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let orgId = 0;
const cases: Table3Case[] = [];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

before(async () => {
  t = await testDatabase();
  const [org] = await t.db.query<{ id: number }>(
    `insert into organizations (kind, full_name, short_name, code, path) values ('county', '测试县', '测试县', 'T-1', '/') returning id`,
  );
  orgId = org!.id;
  const rnd = random(20251103);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < 1000; i++) {
    const received = rnd() < 0.05 ? null : addDays('2019-03-01', Math.floor(rnd() * 2600));
    const concluded = received && rnd() < 0.85 ? addDays(received, Math.floor(rnd() * 90)) : null;
    cases.push({ column: pick(APPLICANT_COLUMNS), receivedOn: received, concludedOn: concluded, outcome: concluded ? pick(OUTCOME_KEYS) : null });
  }
  await t.db.query(
    `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind, applicant_column,
       info_title, form_wanted, delivery, fingerprint)
     select $1, 'T-' || n, case when c is null then 'received' else 'closed' end, 'in_person', coalesce(r, '2019-03-01'), r, c, o,
       case when col = 'natural' then 'natural' else 'organization' end, col, '随机申请', 'electronic', 'online', 'fp' || n
     from unnest($2::date[], $3::date[], $4::text[], $5::text[], $6::int[]) as x(r, c, o, col, n)`,
    [orgId, cases.map((c) => c.receivedOn), cases.map((c) => c.concludedOn), cases.map((c) => c.outcome), cases.map((c) => c.column), cases.map((_, i) => i)],
  );
});
after(() => t.close());

/** The count written out by hand, independent of rules/table3.ts. */
function naiveTable3(year: number, format: ReportFormat): Record<string, number[]> {
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const out: Record<string, number[]> = {};
  const count = (key: string, p: (c: Table3Case) => boolean) => {
    const line = APPLICANT_COLUMNS.map((col) => cases.filter((c) => c.column === col && p(c)).length);
    out[key] = [...line, line.reduce((a, b) => a + b, 0)];
  };
  const r = (c: Table3Case) => (c.receivedOn === null ? Infinity : dayNumber(c.receivedOn));
  const d = (c: Table3Case) => (c.concludedOn === null ? Infinity : dayNumber(c.concludedOn));
  const concludedIn = (c: Table3Case) => d(c) >= first && d(c) <= last;
  count('newReceived', (c) => r(c) >= first && r(c) <= last);
  count('carriedOver', (c) => r(c) < first && d(c) >= first);
  for (const row of table3Rows(format).filter((x) => x.part === 'outcome')) {
    count(row.key, (c) => concludedIn(c) && (format === '2019' && row.key === 'other' ? String(c.outcome).startsWith('other.') : c.outcome === row.key));
  }
  count('total', (c) => concludedIn(c));
  count('carriedForward', (c) => r(c) <= last && d(c) > last);
  return out;
}

const reportOf = (year: number, format: ReportFormat, table3: unknown): AnnualReport =>
  ({ ...(format === '2021' ? blankReport('2021', year, '测试县') : blankReport('2019', year, '测试县')), table3 }) as AnnualReport;

for (const [year, format] of [[2025, '2021'], [2022, '2021'], [2020, '2019']] as const) {
  test(`${year} (${format} format): SQL aggregate = pure computeTable3 = naive count, and the validator finds no error`, async () => {
    const expected = naiveTable3(year, format);
    assert.ok(expected.newReceived![6]! > 50 && expected.carriedOver![6]! > 5 && expected.carriedForward![6]! > 5, 'the random cases exercise every part');
    const pure = computeTable3(cases, year, format) as unknown as Record<string, number[]>;
    assert.deepEqual(pure, expected);
    const { table3 } = await table3ForYear(t.db, orgId, year, format);
    assert.deepEqual(table3, expected);
    assert.equal(Object.keys(expected).length, table3Rows(format).length);
    for (const line of Object.values(expected)) assert.equal(line.length, TABLE3_COLUMNS.length);

    const previousFormat = year - 1 >= 2021 ? '2021' : '2019';
    const previous = reportOf(year - 1, previousFormat, (await table3ForYear(t.db, orgId, year - 1, previousFormat)).table3);
    const errors = validateReport(reportOf(year, format, table3), { previous }).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  });
}
