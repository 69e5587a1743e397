import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReport } from './parse.ts';
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
