// Crash safety: applications are submitted in parallel loops against a real `gongkai serve` process,
// which is killed with SIGKILL mid-stream and restarted. Every application whose receipt number the
// applicant was shown is still there, with its personal data and events (one transaction), and
// the receipt numbers run without gaps or duplicates. On PGlite (a data folder) and, with
// DATABASE_URL, on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db/database.ts';
import { exited, freePort, onFreshDatabase, startServer } from '../helpers/server-process.ts';

/** One browser-like applicant session: the form's CSRF cookie and token. */
async function session(base: string) {
  const res = await fetch(`${base}/apply/QS-ZRZY`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
  return { cookie, csrf };
}

/** Submits one application; returns the receipt number the applicant is shown. */
async function submitOne(base: string, s: { cookie: string; csrf: string }, n: string): Promise<string> {
  const body = new URLSearchParams({
    _csrf: s.csrf, submissionKey: `crash-${n}`, applicantKind: 'natural', name: '测试申请人', idType: '护照', idNumber: `E${n}`, phone: '13800000000',
    infoTitle: `压力测试申请 ${n}`, formWanted: 'electronic', delivery: 'online',
  });
  const res = await fetch(`${base}/apply/QS-ZRZY`, { method: 'POST', body, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`submission ${n}: ${res.status}`);
  const caseCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const page = await (await fetch(`${base}/track`, { headers: { cookie: caseCookie } })).text();
  return /id="receipt-no">([^<]+)</.exec(page)![1]!;
}

async function crashAndRecover(env: Record<string, string>, openDb: () => Promise<Database>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = { ...env, HOST: '127.0.0.1', PORT: String(port), GONGKAI_COOKIE_SECRET: 'crash-test-secret-0123456789abcdef', GONGKAI_APPLY_RATE_PER_HOUR: '1000000', GONGKAI_DEMO_CASES: '0' };
  let server = await startServer(serverEnv);
  const shown: string[] = [];
  let killed = false;
  const worker = async (w: number) => {
    const s = await session(base);
    for (let i = 0; !killed; i++) {
      try {
        shown.push(await submitOne(base, s, `${w}-${i}`));
      } catch {
        if (killed) return; // the connection died with the server
        throw new Error(`worker ${w} failed before the kill`);
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  // Kill once some applications are through and others are in flight.
  while (shown.length < 40) await new Promise((r) => setTimeout(r, 20));
  killed = true;
  server.kill('SIGKILL');
  await Promise.allSettled(workers);
  await exited(server);

  server = await startServer(serverEnv);
  const after = await submitOne(base, await session(base), 'after-restart');
  server.kill('SIGTERM');
  await exited(server);

  const db = await openDb();
  try {
    const rows = await db.query<{ receipt_no: string; applicant: number; events: number }>(
      `select a.receipt_no, (select count(*)::int from application_applicants p where p.case_id = a.id) as applicant,
              (select count(*)::int from application_events e where e.case_id = a.id) as events
       from applications a order by a.id`,
    );
    const stored = new Set(rows.map((r) => r.receipt_no));
    const lost = shown.filter((no) => !stored.has(no));
    assert.deepEqual(lost, [], `${lost.length} of ${shown.length} acknowledged applications were lost`);
    assert.ok(stored.has(after));
    for (const r of rows) assert.deepEqual([r.applicant, r.events], [1, 1], `${r.receipt_no} is complete`);
    const seqs = rows.map((r) => Number(r.receipt_no.split('-').pop())).sort((a, b) => a - b);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'receipt numbers without gaps or duplicates');
    return { acknowledged: shown.length, stored: rows.length };
  } finally {
    await db.close();
  }
}

test('SIGKILL mid-stream loses no acknowledged application', { timeout: 240_000 }, (t) =>
  onFreshDatabase(t, crashAndRecover, (r) => `${r.acknowledged} acknowledged, ${r.stored} stored`),
);
