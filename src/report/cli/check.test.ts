// The contract of `gongkai report check`, checked from outside through the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '../../../test/fixtures/reports/index.ts';
import { runCheck } from './check.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.mjs', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('report check: a valid report exits 0 with a summary line', () => {
  const r = gongkai('report', 'check', fixturePath('valid-2021'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /安澜市清河区市场监督管理局 2024 年度报告（2021 格式），未发现问题。\n$/);
  assert.equal(r.stderr, '');
});

test('report check --json: seed 001 exits 1 with its findings as JSON', () => {
  const r = gongkai('report', 'check', fixturePath('seed-001'), '--json');
  assert.equal(r.code, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
  for (const f of findings) assert.deepEqual(Object.keys(f), ['rule', 'severity', 'cells', 'message']);
  assert.deepEqual(
    findings.map((f) => f['rule']),
    ['cells.unreadable', 'table3.balance', 'table3.balance', 'table3.row-total', 'table3.outcome-sum', 'table3.outcome-sum'],
  );
  assert.deepEqual(findings[3], {
    rule: 'table3.row-total',
    severity: 'error',
    cells: [0, 1, 2, 3, 4, 5, 6].map((i) => `table3.newReceived[${i}]`),
    message: '表三第1行“一、本年新收政府信息公开申请数量”：六类申请人之和为 8（4+0+0+0+0+4），但“总计”列为 4',
  });
});

test('report check: text output marks 错误/警告, one per line, then a summary', () => {
  const r = gongkai('report', 'check', fixturePath('seed-001'));
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 7);
  assert.match(lines[0]!, /^警告 cells\.unreadable：/);
  assert.match(lines[1]!, /^错误 table3\.balance：表三“其他”列勾稽关系不成立/);
  assert.match(lines[6]!, /共 6 条：错误 5 条，警告 1 条。$/);
});

test('report check: unreadable file or invalid report exits 2 with the reason on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  try {
    const missing = gongkai('report', 'check', join(dir, 'none.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /无法读取文件 .*none\.json：文件不存在/);
    assert.equal(missing.stdout, '');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'gongkai.annual-report/1', format: '2021', agency: null, year: 2024, table2: null, table3: null, table4: { review: [0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] } }));
    const invalid = gongkai('report', 'check', bad, '--json');
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /不是有效的年度报告数据：\n  table4\.review：应为 5 个数字的数组（结果维持…总计），实际为 3 个/);

    writeFileSync(bad, '{ not json');
    assert.match(runCheck(bad).stderr, /不是有效的 JSON/);
    assert.equal(runCheck(bad).exitCode, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report check --previous: cross-year errors make the exit code 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  try {
    const ok = runCheck(fixturePath('valid-2021'), { previous: fixturePath('valid-2021-previous'), json: true });
    assert.deepEqual([ok.exitCode, JSON.parse(ok.stdout)], [0, []]);
    const narrative = join(dir, 'narrative.json');
    writeFileSync(narrative, JSON.stringify({ 六: '无。' }));
    const warned = runCheck(fixturePath('valid-2021'), { narrative, json: true });
    assert.equal(warned.exitCode, 0, 'warnings only');
    assert.equal(JSON.parse(warned.stdout)[0].rule, 'narrative.fee-reported');
    const r = gongkai('report', 'check', fixturePath('valid-2021'), '--previous', fixturePath('valid-2019'));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^警告 cross-year\.previous-report：/);

    const previous = join(dir, 'previous.json');
    const text = readFileSync(fixturePath('valid-2021-previous'), 'utf8');
    writeFileSync(previous, text.replace('"carriedForward": [2, 1, 0, 0, 0, 0, 3]', '"carriedForward": [2, 1, 0, 0, 0, 0, 4]'));
    const broken = runCheck(fixturePath('valid-2021'), { previous, json: true });
    assert.equal(broken.exitCode, 1);
    assert.deepEqual(JSON.parse(broken.stdout)[0].cells, ['table3.carriedOver[6]', 'previous.table3.carriedForward[6]']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
