// The contract of `gongkai report parse`, checked from outside through the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_FIXTURES, fixtureFile, heavyReportHtml } from '../../../test/fixtures/ingest/index.ts';
import { fixturePath } from '../../../test/fixtures/reports/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const [seed000, seed001, seed002] = SEED_FIXTURES.map((f) => f.path) as [string, string, string];

function gongkai(...args: string[]) {
  return gongkaiWith({}, ...args);
}

function gongkaiWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.mjs', 'report', 'parse', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('report parse: one file gives its canonical JSON on stdout, findings in Chinese on stderr, exit 0', () => {
  const r = gongkai(seed001);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(fixturePath('seed-001'), 'utf8'));
  const lines = r.stderr.trimEnd().split('\n');
  assert.ok(lines.every((l) => l.startsWith(`${seed001}：`)));
  assert.ok(lines.some((l) => /：警告 narrative\.appeals-count：“一、总体情况”中写“行政诉讼0件”/.test(l)));
  assert.ok(lines.some((l) => /：错误 table3\.balance：/.test(l)));
});

test('report parse: several files give JSON Lines in input order; the worst exit code; a stderr line per failed file', () => {
  const missing = `${root}no-such-report.html`;
  const r = gongkai(seed000, seed002, missing, fixtureFile('merged-cells.gbk.html'));
  assert.equal(r.code, 3);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(JSON.parse(lines[0]!), JSON.parse(readFileSync(fixtureFile('seed-000.expected.json'), 'utf8')));
  assert.deepEqual(JSON.parse(lines[1]!), JSON.parse(readFileSync(fixtureFile('merged-cells.expected.json'), 'utf8')));
  assert.ok(!lines[0]!.includes('\n') && lines[0]!.startsWith('{"schema":"gongkai.annual-report/1","format":"2021","agency":"新宾满族自治县自然资源局"'));
  assert.match(r.stderr, new RegExp(`${seed002}：不是政府信息公开工作年度报告：开头是公文称呼“县政府办:”`));
  assert.match(r.stderr, /no-such-report\.html：无法读取：文件不存在/);
});

test('report parse: unreadable gives 2, not a report gives 3, no usable arguments give 2', () => {
  assert.equal(gongkai(`${root}package.json.missing`).code, 2);
  assert.equal(gongkai(seed002).code, 3);
  assert.equal(gongkai().code, 2);
  const pdf = gongkai(fixtureFile('rendered-2021.pdf'), `${root}no-such.pdf`);
  assert.equal(pdf.code, 2);
  assert.equal(pdf.stdout.trimEnd().split('\n').length, 1);
});

test('report parse --explain: every cell with where it came from and how sure, instead of JSON', () => {
  const r = gongkai(seed001, '--explain');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^文件 .*001_43470c8d9389378c\.txt：文本文件（UTF-8）\n  大同市新荣区自然资源局 2024 年度政府信息公开工作年度报告，2021 格式\n/);
  assert.match(r.stdout, /表三第1行“一、本年新收政府信息公开申请数量”“总计”列 = 4 {2}\[确定\] 第78行，原文“4”/);
  assert.match(r.stdout, /表三第3行“（一）予以公开”“自然人”列 = null {2}\[不确定\] 原文无此格；本行只印出 5 格/);
  assert.match(r.stdout, /表三第3行“（一）予以公开”“科研机构”列 = 0 {2}\[不确定\] 第89行，原文为空白/);
  assert.equal(r.stdout.split('\n').filter((l) => /^ {2}表[二三四]/.test(l)).length, 10 + 175 + 15);
});

test('report parse --findings-json: one JSON object per file on stderr', () => {
  const r = gongkai(seed001, seed002, '--findings-json');
  assert.equal(r.code, 3);
  const [first, second] = r.stderr.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(first!['status'], 'report');
  assert.deepEqual(Object.keys((first!['findings'] as object[])[0]!), ['rule', 'severity', 'cells', 'message']);
  assert.equal(second!['status'], 'not-a-report');
  assert.match(String(second!['reason']), /自评报告/);
});

test('report parse: each file is read in a worker; one past GONGKAI_PARSE_TIMEOUT_SECONDS is unreadable (2), the next is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-parse-limits-'));
  try {
    const heavy = join(dir, 'heavy.html');
    writeFileSync(heavy, heavyReportHtml(1200)); // some 10 s of reading
    const r = gongkaiWith({ GONGKAI_PARSE_TIMEOUT_SECONDS: '2' }, heavy, seed000);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], `${heavy}：无法读取：读取超时（超过 2 秒），文件可能已损坏或结构异常`);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(fixtureFile('seed-000.expected.json'), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
