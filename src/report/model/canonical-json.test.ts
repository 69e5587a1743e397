import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReportJson, readReport } from './parse.ts';
import { toCanonicalJson } from './canonical-json.ts';
import { blankReport } from './blank-report.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

test('the fixtures are in canonical form (export of import is byte-identical)', () => {
  for (const name of ['valid-2021.json', 'valid-2019.json', 'valid-2021-previous.json', 'seed-001.json']) {
    const text = fixture(name);
    assert.equal(toCanonicalJson(readReport(text)), text, name);
  }
});

test('key order follows the spec whatever the input order', () => {
  const r = readReport(fixture('valid-2019.json'));
  const shuffled = JSON.parse(JSON.stringify(r), (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
  );
  assert.notEqual(Object.keys(shuffled)[0], 'schema');
  const text = toCanonicalJson(readReport(JSON.stringify(shuffled)));
  assert.equal(text, fixture('valid-2019.json'));
  assert.deepEqual(Object.keys(JSON.parse(text)), ['schema', 'format', 'agency', 'year', 'table2', 'table3', 'table4']);
});

test('rows are on one line, tables may be null', () => {
  const r = blankReport('2021', 2023, null);
  r.table2 = null;
  const text = toCanonicalJson(r);
  assert.match(text, /"table2": null,/);
  assert.match(text, /"newReceived": \[0, 0, 0, 0, 0, 0, 0\],/);
  assert.match(text, /"other\.feeNotPaid": /);
  assert.deepEqual(readReport(text), r);
});

test('the optional narrative: exported after the tables, read back apart from them, unknown keys refused', () => {
  const r = readReport(fixture('valid-2021.json'));
  const narrative = { overview: '全年共收到政府信息公开申请3件。', problems: null, other: '本年度未收取信息处理费。' };
  const text = toCanonicalJson(r, narrative);
  assert.match(text, /"table4": \{[\s\S]*\},\n {2}"narrative": \{\n {4}"overview": "全年共收到政府信息公开申请3件。",\n {4}"problems": null,/);
  const parsed = parseReportJson(text);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.report, r);
  assert.deepEqual(parsed.narrative, narrative);
  assert.equal(toCanonicalJson(r, null), toCanonicalJson(r), 'no narrative: no key');
  const bad = parseReportJson(text.replace('"problems": null', '"problems": null, "summary": "x"'));
  assert.equal(bad.ok, false);
});
