import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { hasErrors, validateReport } from './validate.ts';

test('the valid fixtures have no findings, also across years', () => {
  assert.deepEqual(validateReport(fixtureReport('valid-2021')), []);
  assert.deepEqual(validateReport(fixtureReport('valid-2019')), []);
  assert.deepEqual(validateReport(fixtureReport('valid-2021-previous')), []);
  assert.deepEqual(validateReport(fixtureReport('valid-2021'), { previous: fixtureReport('valid-2021-previous') }), []);
});

test('seed 001 (大同市新荣区自然资源局 2024): the 勾稽 and row-total breaks', () => {
  const findings = validateReport(fixtureReport('seed-001'), {
    narrative: { 一: '2024年，自然资源局收到群众依申请公开4例并及时回复。政府信息复议0件、行政诉讼0件。' },
  });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity, f.cells.length]),
    [
      ['cells.unreadable', 'warning', 46],
      ['table3.balance', 'error', 4],
      ['table3.balance', 'error', 4],
      ['table3.row-total', 'error', 7],
      ['table3.outcome-sum', 'error', 2],
      ['table3.outcome-sum', 'error', 2],
      ['narrative.appeals-count', 'warning', 3],
    ],
  );
  const balance = findings.filter((f) => f.rule === 'table3.balance');
  assert.deepEqual(balance.map((f) => f.cells[0]), ['table3.newReceived[5]', 'table3.newReceived[6]']);
  assert.equal(
    balance[0]?.message,
    '表三“其他”列勾稽关系不成立：第一项加第二项之和为 4（本年新收 4 + 上年结转 0），第三项加第四项之和为 0（“（七）总计” 0 + 结转下年度 0）',
  );
  const rowTotal = findings.find((f) => f.rule === 'table3.row-total');
  assert.equal(rowTotal?.message, '表三第1行“一、本年新收政府信息公开申请数量”：六类申请人之和为 8（4+0+0+0+0+4），但“总计”列为 4');
  assert.deepEqual(rowTotal?.values, {
    'table3.newReceived[0]': 4,
    'table3.newReceived[1]': 0,
    'table3.newReceived[2]': 0,
    'table3.newReceived[3]': 0,
    'table3.newReceived[4]': 0,
    'table3.newReceived[5]': 4,
    'table3.newReceived[6]': 4,
    sum: 8,
  });
  assert.deepEqual(
    findings.filter((f) => f.rule === 'table3.outcome-sum').map((f) => f.cells),
    [
      ['table3.total[5]', 'table3.granted[5]'],
      ['table3.total[6]', 'table3.granted[6]'],
    ],
  );
  assert.ok(hasErrors(findings));
});

test('findings carry rule id, severity, cells and a Chinese message', () => {
  const r = fixtureReport('valid-2021');
  r.table4!.review[4] = 5;
  const [f] = validateReport(r);
  assert.deepEqual(Object.keys(f!), ['rule', 'severity', 'cells', 'message', 'values']);
  assert.equal(f?.rule, 'table4.group-total');
  assert.equal(hasErrors([]), false);
});
