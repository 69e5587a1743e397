#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node:test through tsx.
// Node 20's `node --test` runs nothing without file arguments, so we list them.
// The CLI and server tests run the real `gongkai` command, which runs dist/: it is
// compiled first (about a second), so no test ever runs code older than src/.
// Usage: npm test [-- <path filter>...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(findTests(p));
    else if (name.endsWith('.test.ts')) out.push(relative(process.cwd(), p));
  }
  return out;
}

const filters = process.argv.slice(2);
let files = ['src', 'test']
  .flatMap((d) => findTests(d))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
// GONGKAI_TEST_DATABASE_FILES_ONLY=1 (CI's second pass, on a PostgreSQL server): only the files that reach a
// database, through the test helpers, the database layer or the `gongkai` program. The others gave their
// result in the first pass; the database is what the second pass changes. They are named, not skipped silently.
const REACHES_DATABASE = /helpers\/(db|app|cli|server-process|browser|smtp)|core\/db\/|openPglite|openPostgres|DATABASE_URL|bin\/gongkai|testDatabase|seedDemo|spawn|execFile/;
if (process.env.GONGKAI_TEST_DATABASE_FILES_ONLY === '1') {
  const left = files.filter((f) => !REACHES_DATABASE.test(readFileSync(f, 'utf8')));
  console.log(`这一轮只运行用到数据库的测试文件；其余 ${left.length} 个（不用数据库，结果与上一轮相同）不再运行 / left out as they reach no database:\n  ${left.join('\n  ')}`);
  files = files.filter((f) => !left.includes(f));
}
if (files.length === 0) {
  console.error('没有找到测试文件 / no test files matched');
  process.exit(1);
}
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('编译失败 / build failed');
  process.exit(build.status ?? 1);
}

// One file more than there are cores: a file waiting on its server, browser or database leaves a core
// idle otherwise. TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.TEST_CONCURRENCY) || availableParallelism() + 1;

const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
