// The contract of `gongkai calendar …`, checked from outside through the bin, on a fresh
// PGlite data folder (or, when DATABASE_URL is set, on this test's own PostgreSQL database).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let pg: TestDatabase | null = null;
let env: Record<string, string>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
  if (process.env.DATABASE_URL) {
    pg = await testDatabase();
    env = { DATABASE_URL: pg.url!, GONGKAI_DATA_DIR: join(dir, 'unused') };
  } else {
    env = { DATABASE_URL: '', GONGKAI_DATA_DIR: join(dir, 'data') };
  }
});
after(async () => {
  await pg?.close();
  rmSync(dir, { recursive: true, force: true });
});

function gongkai(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gongkai.mjs', 'calendar', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The line by which add-workdays and is-workday say which calendar they counted on. */
const SHIPPED = /^（按随软件发布的节假日数据计算：2019–2026 年；未找到数据库 .*）\n/;
const STORED = process.env.DATABASE_URL ? /^（按数据库中的工作日历计算：PostgreSQL）\n/ : /^（按数据库中的工作日历计算：PGlite .*data）\n/;
const COUNTING = new Set(['add-workdays', 'is-workday']);
/** Before the first command that writes, a fresh PGlite folder does not exist yet. */
let created = !!process.env.DATABASE_URL;

/** stderr without the line that names the calendar. */
const message = (stderr: string) => stderr.replace(/^（按[^\n]*）\n/, '');

async function ok(args: string[], stdout: string | RegExp) {
  const r = await gongkai(...args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  if (typeof stdout === 'string') assert.equal(r.stdout, stdout, args.join(' '));
  else assert.match(r.stdout, stdout, args.join(' '));
  if (COUNTING.has(args[0]!)) assert.match(r.stderr, created ? STORED : SHIPPED, args.join(' '));
  else created = true;
  assert.equal(message(r.stderr), '', args.join(' '));
  return r;
}

async function fails(args: string[], stderr: RegExp) {
  const r = await gongkai(...args);
  assert.equal(r.code, 2, `${args.join(' ')} should exit 2: ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '', args.join(' '));
  assert.match(message(r.stderr), stderr, args.join(' '));
  if (!COUNTING.has(args[0]!)) created = true;
}

test('add-workdays prints the n-th working day after the date, one line', async () => {
  await ok(['add-workdays', '2025-09-26', '20'], '2025-10-30\n'); // 国庆 2025 with 9-28 and 10-11 调休
  await ok(['add-workdays', '2025-01-24', '20'], '2025-02-27\n'); // 春节 2025 with 1-26 and 2-8 调休
  await ok(['add-workdays', '2025-12-31', '1'], '2026-01-04\n'); // across the year: 2026-01-04 is a 调休 Sunday
});

test('is-workday prints true or false', async () => {
  await ok(['is-workday', '2025-09-28'], 'true\n'); // 调休 Sunday
  await ok(['is-workday', '2025-10-01'], 'false\n'); // 国庆节
  await ok(['is-workday', '2026-02-14'], 'true\n'); // 调休 Saturday
  await ok(['is-workday', '2025-03-08'], 'false\n'); // ordinary Saturday
});

test('invalid dates and dates outside the covered years exit 2 with a Chinese message', async () => {
  await fails(['is-workday', '2025-02-30'], /^日期无效：“2025-02-30”，请使用 YYYY-MM-DD 格式/);
  await fails(['add-workdays', '2025/09/26', '20'], /^日期无效：“2025\/09\/26”/);
  await fails(['add-workdays', '2025-09-26', 'twenty'], /^工作日天数无效：“twenty”，应为正整数/);
  await fails(['is-workday', '2027-01-04'], /^工作日历未包含 2027 年的节假日安排，请联系系统管理员.*命令行：gongkai calendar add-year/);
  await fails(['add-workdays', '2026-12-31', '1'], /^工作日历未包含 2027 年的节假日安排/);
  await fails(['is-workday', '2018-06-01'], /^工作日历未包含 2018 年的节假日安排/);
  // An organization's local days are in the database only.
  await fails(['is-workday', '2025-10-01', '--org', 'NO-SUCH'], created ? /代码为 NO-SUCH 的机构/ : /^未找到数据库（.*data），无法按机构 NO-SUCH 的本地安排计算/);
});

test('administrators: show a year, add a holiday and a makeup workday, add a new year', async () => {
  const shown = await ok(['show', '2025'], /^2025 年节假日安排（来源：国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号/);
  assert.match(shown.stdout, /\n2025-09-28 周日 上班 国庆节、中秋节调休上班\n/);
  assert.match(shown.stdout, /\n2025-10-08 周三 放假 国庆节、中秋节\n/);
  assert.match(shown.stdout, /\n共 28 天放假、5 天调休上班；/);
  await fails(['show', '2027'], /^工作日历未包含 2027 年/);

  await ok(['add-holiday', '2026-03-04', '测试假日', '--source', '测试通知'], '已录入：2026-03-04 周三 放假 测试假日\n');
  await ok(['is-workday', '2026-03-04'], 'false\n');
  await ok(['remove-day', '2026-03-04'], '已删除：2026-03-04 放假 测试假日\n');
  await fails(['add-workday', '2026-03-04', '调休上班'], /2026-03-04 是周三，本来就是工作日/);

  const file = join(dir, '2027.json');
  writeFileSync(
    file,
    JSON.stringify({
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
    }),
  );
  await ok(['add-year', file], '已录入 2027 年节假日安排：3 天放假、0 天调休上班（来源：国务院办公厅关于2027年部分节假日安排的通知（测试数据））\n');
  await ok(['add-workdays', '2026-12-31', '1'], '2027-01-04\n');
  await fails(['add-year', file], /2027 年的节假日安排已录入/);
  await fails(['add-year', join(dir, 'none.json')], /无法读取节假日安排文件 .*none\.json：文件不存在/);
});
