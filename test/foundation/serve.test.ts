// `gongkai serve` as real processes: two starting together on one PostgreSQL (migrations and demo
// data under advisory locks), or, on PGlite, a restart that keeps the data folder's contents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { readMigrations } from '../../src/core/db/migrate.ts';
import { DEMO_ORGS } from '../../src/app/demo/organizations.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Starts `gongkai serve --demo` and resolves once it prints that it started. */
function serve(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('gongkai 已启动')) resolve({ child, output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function stop(child: ChildProcess) {
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

test('two serve processes starting together on one database both serve, and set it up once', async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `gongkai_serve_${process.pid}`;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const [p1, p2] = [await freePort(), await freePort()];
    const procs = await Promise.all([serve({ DATABASE_URL: url.toString(), PORT: String(p1) }), serve({ DATABASE_URL: url.toString(), PORT: String(p2) })]);
    try {
      for (const port of [p1, p2]) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        assert.deepEqual(await res.json(), { status: 'ok', database: 'postgres' });
        assert.equal((await fetch(`http://127.0.0.1:${port}/console/login`)).status, 200);
      }
      const seeded = procs.filter((p) => p.output().includes('已创建演示数据')).length;
      assert.equal(seeded, 1, 'exactly one process created the demo data');
      const db = await openPostgres(url.toString(), { max: 1 });
      const [orgs] = await db.query<{ n: number }>('select count(*)::int as n from organizations');
      const [migrations] = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
      await db.close();
      assert.equal(orgs!.n, DEMO_ORGS.length);
      assert.equal(migrations!.n, readMigrations().length);
    } finally {
      for (const p of procs) await stop(p.child);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    // PGlite belongs to one process: restarting on the same folder keeps everything and seeds nothing twice.
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
    try {
      const port = await freePort();
      const first = await serve({ DATABASE_URL: '', GONGKAI_DATA_DIR: dir, PORT: String(port) });
      assert.match(first.output(), /已创建演示数据/);
      assert.deepEqual(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json(), { status: 'ok', database: 'pglite' });
      assert.match(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /青山县自然资源局/);
      await stop(first.child);
      const second = await serve({ DATABASE_URL: '', GONGKAI_DATA_DIR: dir, PORT: String(port) });
      assert.doesNotMatch(second.output(), /已创建演示数据/);
      assert.match(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /青山县自然资源局/);
      await stop(second.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
