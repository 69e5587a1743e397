// `gongkai serve --demo` as a real process: the portal is up first, then the demo catalogue fills in,
// and an organization's catalogue page lists its items. A restart on the same data adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Starts `gongkai serve --demo`; `until(text)` resolves once the output contains text. */
function serve(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: { ...process.env, LOG_LEVEL: 'warn', GONGKAI_REMINDER_INTERVAL_MINUTES: '0', ...env },
  });
  let out = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of waiting.filter((w) => out.includes(w.text))) w.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const until = (text: string) =>
    Promise.race([
      new Promise<void>((resolve) => (out.includes(text) ? resolve() : waiting.push({ text, resolve }))),
      exited.then((code) => Promise.reject(new Error(`serve exited with ${code}: ${out}`))),
    ]);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { until, stop, output: () => out };
}

async function database(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
    return { env: { DATABASE_URL: '', GONGKAI_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: postgres } = await import('postgres');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `gongkai_demo_${process.pid}`;
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

test('serve --demo: portal first, then the demo catalogue; the catalogue page lists items; a restart adds nothing', { timeout: 240_000 }, async (t) => {
  const { env, drop } = await database();
  const started: ReturnType<typeof serve>[] = [];
  try {
    const port = String(await freePort());
    const first = serve({ ...env, PORT: port });
    started.push(first);
    const since = performance.now();
    await first.until('gongkai 已启动');
    const listening = (performance.now() - since) / 1000;
    // The portal answers before the demo catalogue is complete (README: the portal within 10 s of start
    // on PGlite; measured, not asserted in seconds, as the test machine is shared).
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
    assert.doesNotMatch(first.output(), /已创建演示公开目录/, 'the catalogue is still being created when the portal first answers');
    await first.until('已创建演示公开目录');
    t.diagnostic(`listening after ${listening.toFixed(1)} s, demo catalogue after ${((performance.now() - since) / 1000).toFixed(1)} s`);
    assert.match(first.output(), /已创建演示依申请公开案件：11 件。/);
    // the published reports, generated from the records with the demo appeals and ledgers before start,
    // are generated again now that the cases and the catalogue are in (a revision)
    await first.until('已由完整的演示记录重新生成年度报告');
    const page = await (await fetch(`http://127.0.0.1:${port}/orgs/QS-ZRZY/catalogue`)).text();
    const items = new Set(page.match(/href="\/items\/\d+"/g) ?? []);
    assert.ok(items.size >= 10, `catalogue page lists ${items.size} items`);
    assert.match(page, /青山县自然资源局/);
    const search = await (await fetch(`http://127.0.0.1:${port}/search?q=${encodeURIComponent('部门预算')}&org=QS-ZRZY`)).text();
    assert.match(search, /找到 \d+ 条结果/);
    assert.doesNotMatch(search, /找到 0 条结果/);
    await first.stop();

    const second = serve({ ...env, PORT: port });
    started.push(second);
    await second.until('gongkai 已启动');
    await new Promise((r) => setTimeout(r, 1500));
    assert.doesNotMatch(second.output(), /已创建演示/);
    const again = await (await fetch(`http://127.0.0.1:${port}/orgs/QS-ZRZY/catalogue`)).text();
    assert.deepEqual(new Set(again.match(/href="\/items\/\d+"/g) ?? []), items);
    await second.stop();
  } finally {
    for (const s of started) await s.stop(); // also after a failed assertion: the test must not hang on a live server
    await drop();
  }
});
