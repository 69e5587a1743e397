import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { InvalidReportError, parseReport, parseReportJson, readReport } from './parse.ts';
import { blankReport } from './blank-report.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const valid = () => JSON.parse(fixture('valid-2021.json')) as Record<string, any>;

function errorsOf(input: unknown): string[] {
  const r = parseReport(input);
  assert.equal(r.ok, false, 'expected a parse failure');
  return r.ok ? [] : r.errors;
}

test('fixtures and blank reports of both formats parse', () => {
  for (const name of ['valid-2021.json', 'valid-2019.json', 'valid-2021-previous.json', 'seed-001.json']) {
    const r = parseReportJson(fixture(name));
    assert.ok(r.ok, `${name}: ${r.ok ? '' : r.errors.join('\n')}`);
  }
  assert.ok(parseReport(blankReport('2019', 2020)).ok);
  assert.ok(parseReport(blankReport('2021', 2022)).ok);
});

test('tables may be null', () => {
  const r = valid();
  r.table2 = null;
  r.table3 = null;
  r.table4 = null;
  r.agency = null;
  assert.ok(parseReport(r).ok);
});

test('a table-3 row of the wrong length names the key and both lengths', () => {
  const r = valid();
  r.table3.granted = [1, 2, 3, 4, 5];
  assert.deepEqual(errorsOf(r), ['table3.granted：应为 7 个数字的数组（自然人…总计），实际为 5 个']);
  r.table3.granted = [1, 2, 3, 4, 5, 6, 7, 8];
  assert.deepEqual(errorsOf(r), ['table3.granted：应为 7 个数字的数组（自然人…总计），实际为 8 个']);
});

test('a table-4 group of the wrong length', () => {
  const r = valid();
  r.table4.review = [0, 0, 0];
  assert.deepEqual(errorsOf(r), ['table4.review：应为 5 个数字的数组（结果维持…总计），实际为 3 个']);
});

test('wrong cell types name the cell and its column', () => {
  const r = valid();
  r.table3['withheld.stateSecret'][1] = '3';
  r.table4.litigationDirect[4] = true;
  r.table2.fees.amountWanYuan = '0.35万元';
  assert.deepEqual(errorsOf(r), [
    'table2.fees.amountWanYuan：应为数字或 null（“行政事业性收费”行“本年收费金额（单位：万元）”），实际为字符串 “0.35万元”',
    'table3.withheld.stateSecret[1]：应为数字或 null（“商业企业”列），实际为字符串 “3”',
    'table4.litigationDirect[4]：应为数字或 null（“总计”列），实际为 true',
  ]);
});

test('a row given as an object instead of an array', () => {
  const r = valid();
  r.table3.total = { 自然人: 1 };
  assert.deepEqual(errorsOf(r), ['table3.total：应为 7 个数字的数组（自然人…总计），实际为对象']);
});

test('missing keys are named', () => {
  const r = valid();
  delete r.year;
  delete r.table3.carriedForward;
  delete r.table2.fees;
  delete r.table4;
  const errors = errorsOf(r);
  assert.ok(errors.includes('year：缺少该键，应为 2008 至 2100 之间的整数（报告所涵盖的年度）'), errors.join('\n'));
  assert.ok(errors.includes('table3.carriedForward：缺少该键，应为 7 个数字的数组（自然人…总计）'), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('table2.fees：缺少该键，应为对象（“行政事业性收费”行），含 amountWanYuan')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('table4：缺少该键')), errors.join('\n'));
  assert.equal(errors.length, 4);
});

test('unknown keys are rejected at every level', () => {
  const r = valid();
  r.published = '2025-01-20';
  r.table2.regulations.amended = 0;
  r.table4.total = [0, 0, 0, 0, 0];
  const errors = errorsOf(r);
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('（整个文件）：不应有键 “published”')));
  assert.ok(errors.some((e) => e.startsWith('table2.regulations：不应有键 “amended”')));
  assert.ok(errors.some((e) => e.startsWith('table4：不应有键 “total”')));
});

test('a table 3 mixing both formats is rejected, naming the foreign row', () => {
  const r = valid();
  r.table3.other = [0, 0, 0, 0, 0, 0, 0];
  assert.deepEqual(errorsOf(r), ['table3：不应有键 “other”（这是 2019 格式的行；一张表只能用一种格式）']);
});

test('a table in the other format is explained against that format', () => {
  const r = valid();
  // a 2019-shaped table 2 with one bad cell in a 2021 report
  r.table2 = JSON.parse(fixture('valid-2019.json')).table2;
  r.table2.licensing.change = null;
  assert.ok(parseReport(r).ok, 'layout mismatch is the validator\'s job');
  r.table2.procurement.projects = 'x';
  assert.deepEqual(errorsOf(r), ['table2.procurement.projects：应为数字或 null（“政府集中采购”行“采购项目数量”），实际为字符串 “x”']);
});

test('bad schema string, format, year and agency', () => {
  const r = valid();
  r.schema = 'gongkai.annual-report/2';
  r.format = 2021;
  r.year = 2024.5;
  r.agency = '';
  assert.deepEqual(errorsOf(r), [
    'schema：应为 “gongkai.annual-report/1”，实际为字符串 “gongkai.annual-report/2”',
    'format：应为 “2019”（国办公开办函〔2019〕60号格式）或 “2021”（国办公开办函〔2021〕30号格式），实际为 2021',
    'agency：应为机关名称（非空字符串）或 null，实际为字符串 “”',
    'year：应为 2008 至 2100 之间的整数（报告所涵盖的年度），实际为 2024.5',
  ]);
});

test('not an object, not JSON', () => {
  assert.deepEqual(errorsOf([]), ['（整个文件）：应为一个年度报告对象（见 spec/annual-report-json.md），实际为数组']);
  const r = parseReportJson('{ "schema": ');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.errors[0]!, /^不是有效的 JSON：/);
  assert.throws(() => readReport('null'), InvalidReportError);
});

test('a UTF-8 byte order mark is accepted', () => {
  assert.ok(parseReportJson(`\uFEFF${fixture('valid-2019.json')}`).ok);
});
