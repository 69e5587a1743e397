import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { openPostgres } from '../db/postgres.ts';
import type { Queryable } from '../db/database.ts';
import { jobLockKey, runJobIfDue, startScheduler, type Job } from './runner.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
  await t.db.exec('create table job_test_hits (n serial primary key, at timestamptz not null default now())');
});
after(() => t.close());

const hits = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from job_test_hits'))[0]!.n;

function countingJob(name: string, intervalMs: number, extra: Partial<Job<number>> = {}): Job<number> & { after: number[] } {
  const job = {
    name,
    intervalMs,
    after: [] as number[],
    async run(tx: Queryable) {
      const [r] = await tx.query<{ n: number }>('insert into job_test_hits default values returning n');
      return r!.n;
    },
    async afterCommit(n: number) {
      job.after.push(n);
    },
    ...extra,
  };
  return job;
}

test('a job runs when due, not again before its interval (stored in the database), and again with force', async () => {
  await t.db.exec('truncate job_test_hits');
  const job = countingJob('test-interval', 60 * 60_000);
  const first = await runJobIfDue(t.db, job);
  assert.equal(first.status, 'ran');
  assert.deepEqual(job.after, [(first as { result: number }).result], 'afterCommit gets the result');
  // A restart or another process: a fresh job object, the same name, reads the stored last run.
  const again = await runJobIfDue(t.db, countingJob('test-interval', 60 * 60_000));
  assert.equal(again.status, 'not_due');
  assert.equal(await hits(), 1);
  const [row] = await t.db.query<{ runs: number; last_run_at: Date }>(`select runs, last_run_at from job_runs where name = 'test-interval'`);
  assert.equal(row!.runs, 1);
  assert.equal((await runJobIfDue(t.db, job, { force: true })).status, 'ran');
  assert.equal(await hits(), 2);
  // An interval already over: due again.
  await t.db.query(`update job_runs set last_run_at = now() - interval '2 hours' where name = 'test-interval'`);
  assert.equal((await runJobIfDue(t.db, job)).status, 'ran');
});

test('a failed run rolls back, keeps the error, and is retried at the next tick', async () => {
  await t.db.exec('truncate job_test_hits');
  let fail = true;
  const job = countingJob('test-failing', 60 * 60_000, {
    async run(tx: Queryable) {
      await tx.query('insert into job_test_hits default values');
      if (fail) throw new Error('磁盘已满');
      return 0;
    },
  });
  await assert.rejects(runJobIfDue(t.db, job), /磁盘已满/);
  assert.equal(await hits(), 0, 'the run rolled back');
  const [row] = await t.db.query<{ last_run_at: Date | null; last_error: string }>(`select last_run_at, last_error from job_runs where name = 'test-failing'`);
  assert.equal(row!.last_run_at, null);
  assert.equal(row!.last_error, '磁盘已满');
  fail = false;
  assert.equal((await runJobIfDue(t.db, job)).status, 'ran');
  assert.equal(await hits(), 1);
});

test('concurrent runs of one job: exactly one runs', async () => {
  await t.db.exec('truncate job_test_hits');
  const slow = (name: string) =>
    countingJob(name, 60 * 60_000, {
      async run(tx: Queryable) {
        await tx.query('select pg_sleep(0.2)');
        const [r] = await tx.query<{ n: number }>('insert into job_test_hits default values returning n');
        return r!.n;
      },
    });
  // Two database connections (two processes) on PostgreSQL; two concurrent calls on PGlite.
  const other = t.url ? await openPostgres(t.url, { max: 2 }) : t.db;
  try {
    const results = await Promise.all([runJobIfDue(t.db, slow('test-concurrent')), runJobIfDue(other, slow('test-concurrent')), runJobIfDue(t.db, slow('test-concurrent'))]);
    assert.deepEqual(results.map((r) => r.status).filter((s) => s === 'ran'), ['ran']);
    assert.ok(results.every((r) => r.status === 'ran' || r.status === 'busy' || r.status === 'not_due'), 'the others were busy or not due');
    assert.equal(await hits(), 1);
  } finally {
    if (other !== t.db) await other.close();
  }
});

test('the scheduler runs due jobs on its timer, survives a failing job, and stops cleanly', async () => {
  await t.db.exec('truncate job_test_hits');
  const errors: string[] = [];
  const boom = countingJob('test-boom', 10, { run: async () => Promise.reject(new Error('boom')) });
  const job = countingJob('test-scheduled', 60 * 60_000);
  const scheduler = startScheduler(t.db, [boom, job], { tickMs: 20, firstTickMs: 0, log: { info: () => {}, error: (m) => errors.push(m) } });
  for (let i = 0; i < 100 && job.after.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await scheduler.tick();
  await scheduler.stop();
  assert.equal(job.after.length, 1, 'ran once: later ticks found it not due');
  assert.ok(errors.some((m) => m.includes('test-boom')), 'the failure was logged');
  const count = await hits();
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(await hits(), count, 'nothing runs after stop');
});

test('lock keys are stable, non-negative 31-bit numbers, different per name', () => {
  assert.equal(jobLockKey('application-reminders'), jobLockKey('application-reminders'));
  assert.notEqual(jobLockKey('a'), jobLockKey('b'));
  for (const n of ['a', 'b', 'application-reminders']) assert.ok(jobLockKey(n) >= 0 && jobLockKey(n) < 2 ** 31);
});
