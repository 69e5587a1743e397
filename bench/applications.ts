// bench/applications: (1) online submissions per second through HTTP against a real `gongkai serve`
// process (PGlite in a temporary folder, or the PostgreSQL server in DATABASE_URL), with 8 and then
// 32 connections, and after the run every acknowledged submission counted in the database (zero
// loss: the case, its applicant, its event and its audit entry); (2) with DATABASE_URL, the time to
// compute table 3 from 1,000,000 cases across 1,000 organizations (one SQL aggregate per
// organization, store.ts table3Counts; --no-table3 skips it).
//
//   node --import tsx bench/applications.ts [--seconds 10] [--connections 8,32] [--no-table3] [--cases 1000000] [--orgs 1000] [--cpu-prof DIR]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { migrate } from '../src/core/db/migrate.ts';
import { openPglite } from '../src/core/db/pglite.ts';
import { openPostgres } from '../src/core/db/postgres.ts';
import { seedCalendar } from '../src/calendar/seed.ts';
import { table3ForYear } from '../src/applications/table3-report.ts';
import { cpuMs, cpuPerRequest, postgresPids } from './cpu.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const SECONDS = opt('seconds', 10);
const CONNECTIONS = (args.includes('--connections') ? args[args.indexOf('--connections') + 1]! : '8,32').split(',').map(Number);
const CASES = opt('cases', 1_000_000);
const ORGS = opt('orgs', 1000);
const BIN = fileURLToPath(new URL('../bin/gongkai.mjs', import.meta.url));
const serverUrl = process.env.DATABASE_URL || null;
/** --cpu-prof DIR: the server runs under node --cpu-prof and writes its profile there when stopped. */
const PROFILE_DIR = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1]! : null;
const backend = serverUrl ? 'PostgreSQL' : 'PGlite';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** A fresh database on the PostgreSQL server, dropped at the end. */
async function freshPostgres(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // No --demo: its catalogue fills in after start-up and would compete with the submissions measured.
    const child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []), BIN, 'serve'], { env: { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('gongkai 已启动')) resolve(child);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

interface Phase {
  connections: number;
  /** CPU µs per acknowledged submission: the server process's, and PostgreSQL's processes' on this machine. */
  serverUs: number | null;
  /** This process's CPU (the clients' fetch calls) per submission: on a small machine it competes with the server. */
  clientUs: number;
  databaseUs: number | null;
  elapsed: number;
  latencies: number[];
  failures: Map<string, number>;
  /** The submission keys the server acknowledged (303 to the case's page). */
  acknowledged: string[];
}

/**
 * Each connection is one applicant at one address behind the proxy (TRUST_PROXY): a peak of
 * submissions comes from many people, whose per-address rate limits are counted apart.
 */
const address = (c: number) => `10.${(c >> 8) & 255}.${c & 255}.${1 + (c % 200)}`;

/** `connections` loops, each one applicant session, submitting for `seconds`. */
async function phase(base: string, server: ChildProcess, connections: number, seconds = SECONDS): Promise<Phase> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const acknowledged: string[] = [];
  const sessions = await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const form = await fetch(`${base}/apply/QS-ZRZY`, { headers: { 'x-forwarded-for': address(c) } });
      const cookie = form.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
      return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]! };
    }),
  );
  const until = performance.now() + seconds * 1000;
  // node:http with kept-alive connections, as bench/portal: fetch costs the client about twice the CPU, which this
  // 2-core machine's server and PostgreSQL would otherwise have.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const post = (path: string, body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const req = http.request({ host: hostname, port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const connection = async (c: number) => {
    const { cookie, csrf } = sessions[c]!;
    for (let i = 0; performance.now() < until; i++) {
      const key = `bench-${connections}-${c}-${i}`;
      const body = new URLSearchParams({
        _csrf: csrf, submissionKey: key, applicantKind: 'natural', name: '压测申请人', idType: '护照', idNumber: `B${connections}x${c}x${i}`,
        phone: '13800000000', infoTitle: `性能测试申请 ${connections}-${c}-${i}`, formWanted: 'electronic', delivery: 'online',
      });
      const started = performance.now();
      try {
        const res = await post('/apply/QS-ZRZY', body.toString(), { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address(c) });
        if (res.status === 303 && res.location === '/track?notice=submitted') {
          latencies.push(performance.now() - started);
          acknowledged.push(key);
        } else failures.set(String(res.status), (failures.get(String(res.status)) ?? 0) + 1);
      } catch (err) {
        failures.set((err as Error).message, (failures.get((err as Error).message) ?? 0) + 1);
      }
    }
  };
  const databasePids = serverUrl ? postgresPids() : [];
  const [serverBefore, databaseBefore] = [cpuMs([server.pid!]), cpuMs(databasePids)];
  const clientBefore = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(sessions.map((_, c) => connection(c)));
  const client = process.cpuUsage(clientBefore);
  agent.destroy();
  const elapsed = (performance.now() - t0) / 1000;
  const [serverUs, databaseUs] = [cpuPerRequest(serverBefore, cpuMs([server.pid!]), acknowledged.length), databasePids.length ? cpuPerRequest(databaseBefore, cpuMs(databasePids), acknowledged.length) : null];
  const clientUs = (client.user + client.system) / Math.max(1, acknowledged.length);
  return { connections, serverUs, clientUs, databaseUs, elapsed, latencies: latencies.sort((a, b) => a - b), failures, acknowledged };
}

/** What the database holds for each acknowledged key: the case with one applicant, its event and its audit entry. */
async function countStored(open: () => Promise<{ query: <T>(sql: string) => Promise<T[]>; close: () => Promise<void> }>) {
  const db = await open();
  try {
    return await db.query<{ submission_key: string; applicants: number; events: number; audits: number }>(
      `select a.submission_key,
              (select count(*)::int from application_applicants p where p.case_id = a.id) as applicants,
              (select count(*)::int from application_events e where e.case_id = a.id) as events,
              (select count(*)::int from audit_log l where l.target_type = 'application' and l.target_id = a.id::text and l.action = 'application.submit') as audits
       from applications a where a.submission_key like 'bench-%'`,
    );
  } finally {
    await db.close();
  }
}

async function submissions(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-apps-'));
  const pg = serverUrl ? await freshPostgres('gongkai_bench_submit') : null;
  const env = {
    HOST: '127.0.0.1', PORT: String(port), TRUST_PROXY: 'true', GONGKAI_COOKIE_SECRET: 'bench-secret-0123456789abcdef0123', GONGKAI_APPLY_RATE_PER_HOUR: '1000000000',
    GONGKAI_APPLICANT_DAILY_LIMIT: '1000000000', GONGKAI_DATA_DIR: dir, DATABASE_URL: pg?.url ?? '',
  };
  // One agency that takes applications, made by the CLI (which migrates the new database first).
  const made = spawnSync(process.execPath, [BIN, 'org', 'add', '--kind', 'department', '--name', '青山县自然资源局', '--code', 'QS-ZRZY'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`org add failed:\n${made.stderr}`);
  const server = await startServer(env);
  const phases: Phase[] = [];
  try {
    // A short warm-up (JIT, the first statements' plans), not counted.
    await phase(base, server, 2, 2).catch(() => undefined);
    // The new database's statistics, as autovacuum gathers them in its first minute after 50 rows: with
    // none, the server's prepared statements keep generic plans made for empty tables (the duplicate
    // check read every application of the agency), and the measurements depended on which plan was made.
    if (pg) {
      const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
      await admin`analyze`;
      await admin.end();
    }
    for (const n of CONNECTIONS) phases.push(await phase(base, server, n));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  try {
    // Counted after the server stopped (PGlite's folder is one process's): what a restart would find.
    const rows = await countStored(async () => {
      const db = pg ? await openPostgres(pg.url, { max: 1 }) : await openPglite(dir);
      return { query: <T>(sql: string) => db.query<T>(sql), close: () => db.close() };
    });
    const stored = new Map(rows.map((r) => [r.submission_key, r]));
    for (const p of phases) {
      const lost = p.acknowledged.filter((k) => !stored.has(k));
      const incomplete = p.acknowledged.filter((k) => stored.has(k) && !(stored.get(k)!.applicants === 1 && stored.get(k)!.events >= 1 && stored.get(k)!.audits === 1));
      const failed = [...p.failures].map(([why, n]) => `${n} × ${why}`).join(', ') || 'none';
      console.log(
        `submissions through HTTP (${backend}, ${p.connections} connections, ${SECONDS} s): ${(p.latencies.length / p.elapsed).toFixed(1)} per second; ` +
          `median ${percentile(p.latencies, 0.5).toFixed(1)} ms, p95 ${percentile(p.latencies, 0.95).toFixed(1)} ms, p99 ${percentile(p.latencies, 0.99).toFixed(1)} ms; ` +
          `CPU per submission: server ${p.serverUs === null ? '—' : `${p.serverUs.toFixed(0)} µs`}${p.databaseUs === null ? '' : `, PostgreSQL ${p.databaseUs.toFixed(0)} µs`}, client ${p.clientUs.toFixed(0)} µs; ` +
          `${p.acknowledged.length} acknowledged, ${p.acknowledged.length - lost.length} found in the database after the run ` +
          `(${lost.length === 0 && incomplete.length === 0 ? 'zero loss' : `LOST ${lost.length}, INCOMPLETE ${incomplete.length}`}); failed: ${failed}`,
      );
      if (lost.length || incomplete.length) process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pg?.drop();
  }
}

async function table3AtScale(): Promise<void> {
  if (!serverUrl) {
    console.log('table 3 at scale: skipped (set DATABASE_URL to a PostgreSQL server)');
    return;
  }
  const pg = await freshPostgres('gongkai_bench_table3');
  const db = await openPostgres(pg.url, { max: 2 });
  try {
    await migrate(db);
    await seedCalendar(db);
    let t0 = performance.now();
    await db.query(
      `insert into organizations (kind, full_name, short_name, code, path)
       select 'department', '基准测试机关' || g, '机关' || g, 'BENCH-' || g, '/' from generate_series(1, $1::int) g`,
      [ORGS],
    );
    // Cases received 2023–2025, 85 % concluded within 90 days, random outcome and applicant column.
    await db.query(
      `with o as (select array_agg(id order by id) as ids from organizations where code like 'BENCH-%'),
            k as (select array['granted','partiallyGranted','withheld.stateSecret','withheld.thirdPartyRights','withheld.processInformation',
                                'unavailable.notHeld','unavailable.needsCreation','notProcessed.repeated','other.noCorrection','other.other'] as outcomes,
                         array['natural','natural','natural','business','research','public_welfare','legal_service','other'] as cols),
            g as (select n, date '2023-01-01' + (random() * 1094)::int as r, random() < 0.85 as done from generate_series(1, $1::int) n)
       insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome,
                                 applicant_kind, applicant_column, info_title, form_wanted, delivery, fingerprint)
       select o.ids[1 + (g.n % array_length(o.ids, 1))], 'BENCH-' || g.n, case when g.done then 'closed' else 'received' end, 'online', g.r, g.r,
              case when g.done then g.r + (random() * 90)::int end,
              case when g.done then k.outcomes[1 + (random() * 9)::int] end,
              'natural', k.cols[1 + (random() * 7)::int], '基准测试申请', 'electronic', 'online', 'bench' || g.n
       from g, o, k`,
      [CASES],
    );
    await db.query(`update applications set applicant_kind = 'organization' where applicant_column <> 'natural'`);
    await db.exec('analyze applications');
    console.log(`table 3 at scale: ${CASES.toLocaleString('en')} cases across ${ORGS} organizations generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const orgIds = (await db.query<{ id: number }>(`select id from organizations where code like 'BENCH-%' order by id`)).map((r) => r.id);
    const times: number[] = [];
    t0 = performance.now();
    for (const id of orgIds) {
      const s = performance.now();
      await table3ForYear(db, id, 2024);
      times.push(performance.now() - s);
    }
    const total = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `table 3 for 2024 of all ${orgIds.length} organizations: ${total.toFixed(2)} s in total; per organization median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`,
    );
  } finally {
    await db.close();
    await pg.drop();
  }
}

await submissions();
if (!args.includes('--no-table3')) await table3AtScale();
