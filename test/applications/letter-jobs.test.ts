// Letters rendered after commit (issue 19 §4): a step that issues a letter commits its frozen text
// and a letter job, never the DOCX; the job renders it afterwards (here run by hand: testApp starts
// no worker, `serve` does), the case page says 正在生成 until then, and a download before the job
// renders the same frozen text once. Several processes on one database each take other jobs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import type { Database } from '../../src/core/db/database.ts';
import { SYSTEM_ACTOR } from '../../src/core/audit/log.ts';
import { registerApplication, submitOnline } from '../../src/applications/commands.ts';
import { runLetterJobs } from '../../src/applications/letters/letter-jobs.ts';
import { claimLetterJobs } from '../../src/applications/store.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { setTodayForTests } from '../../src/core/today.ts';

let t: TestApp;
let handler: Client;
let orgId: number;
const ctx = { actor: SYSTEM_ACTOR, staff: null };

before(async () => {
  setTodayForTests(() => '2025-11-03');
  t = await testApp();
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
  handler = await new Client(t.app).loginReady('zrzy.handler');
});
after(async () => {
  await t.close();
  setTodayForTests(null);
});

let n = 0;
/** An application handed in at the counter: received at once, so its 接收回执 is issued with it. */
async function inPerson(db: Database = t.db) {
  n++;
  const r = await registerApplication(
    db, ctx, orgId,
    { applicantKind: 'natural', name: '王五', idType: '居民身份证', idNumber: `11010519491231002X`, phone: '13900000000', infoTitle: `文书任务测试 ${n}`, formWanted: 'electronic', delivery: 'email', email: 'w@example.cn' },
    { channel: 'in_person', submittedOn: '2025-11-03', submissionKey: `letter-job-${n}` },
  );
  return r.case;
}

const state = async (caseId: number) =>
  (
    await t.db.query<{ letters: number; jobs: number; files: number }>(
      `select (select count(*)::int from application_letters where case_id = $1) as letters,
              (select count(*)::int from letter_jobs where case_id = $1) as jobs,
              (select count(*)::int from application_letter_files where case_id = $1 and format = 'docx') as files`,
      [caseId],
    )
  )[0]!;

test('the 接收回执 is frozen and queued in the intake transaction, rendered after commit by the job', async () => {
  const c = await inPerson();
  assert.equal(c.state, 'received');
  assert.deepEqual(await state(c.id), { letters: 1, jobs: 1, files: 0 }, 'text and job committed with the case; no DOCX yet');

  // Before the job: the case page and the API say it is being made, and nothing fails
  const page = await handler.get(`/console/applications/${c.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /政府信息公开申请接收回执正在生成，请稍后刷新本页/);
  assert.match(page.body, /已留存原件（2025-11-03 出具）/);
  const detail = await handler.api('GET', `/api/v1/applications/${c.id}`);
  assert.deepEqual(detail.json().letters.map((l: { kind: string; rendering: boolean; formats: string[] }) => [l.kind, l.rendering, l.formats]), [['receipt', true, []]]);

  assert.ok((await runLetterJobs(t.db)) >= 1);
  assert.deepEqual(await state(c.id), { letters: 1, jobs: 0, files: 1 });
  assert.doesNotMatch((await handler.get(`/console/applications/${c.id}`)).body, /正在生成/);

  const first = await handler.api('GET', `/api/v1/applications/${c.id}/letter?kind=receipt`);
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['x-letter-status'], 'issued');
  const text = (await mammoth.extractRawText({ buffer: first.rawPayload })).value;
  assert.match(text, /政府信息公开申请接收回执/);
  assert.ok(text.includes(c.receiptNo), 'the letter names the receipt number');
  const again = await handler.api('GET', `/api/v1/applications/${c.id}/letter?kind=receipt`);
  assert.ok(again.rawPayload.equals(first.rawPayload), 'the stored DOCX is served ever after');
  assert.equal(await runLetterJobs(t.db), 0, 'nothing left to do');
});

test('an online submission commits the case, applicant, event and audit entry only: no letter, no job', async () => {
  const r = await submitOnline(t.db, (await findOrgByCode(t.db, 'QS-ZRZY'))!, {
    applicantKind: 'natural', name: '赵六', idType: '护照', idNumber: 'E1234567', phone: '13800000001', infoTitle: '网上申请不出回执文书', formWanted: 'electronic', delivery: 'online',
  }, 'online-no-letter');
  assert.equal(r.case.state, 'submitted');
  const [row] = await t.db.query<{ applicants: number; events: number; audits: number }>(
    `select (select count(*)::int from application_applicants where case_id = $1) as applicants,
            (select count(*)::int from application_events where case_id = $1) as events,
            (select count(*)::int from audit_log where target_type = 'application' and target_id = $1::text and action = 'application.submit') as audits`,
    [r.case.id],
  );
  assert.deepEqual(row, { applicants: 1, events: 1, audits: 1 });
  assert.deepEqual(await state(r.case.id), { letters: 0, jobs: 0, files: 0 });
  // The same form sent again: the stored case, and no receipt number used up
  const again = await submitOnline(t.db, (await findOrgByCode(t.db, 'QS-ZRZY'))!, {
    applicantKind: 'natural', name: '赵六', idType: '护照', idNumber: 'E1234567', phone: '13800000001', infoTitle: '网上申请不出回执文书', formWanted: 'electronic', delivery: 'online',
  }, 'online-no-letter');
  assert.equal(again.duplicate, true);
  assert.equal(again.case.id, r.case.id);
  const next = await inPerson();
  assert.equal(Number(next.receiptNo.split('-').pop()), Number(r.case.receiptNo.split('-').pop()) + 1, 'no gap after the duplicate');
  await runLetterJobs(t.db);
});

test('a download before the job renders the frozen text then, once; the job finds it done', async () => {
  const c = await inPerson();
  // The clerk downloads at once: made now from the frozen text, stored, the job done
  const res = await handler.api('GET', `/api/v1/applications/${c.id}/letter?kind=receipt`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['x-letter-status'], 'issued');
  assert.deepEqual(await state(c.id), { letters: 1, jobs: 0, files: 1 });
  const [stored] = await t.db.query<{ sha256: string }>(`select sha256 from application_letter_files where case_id = $1`, [c.id]);
  assert.equal(stored!.sha256, res.headers['x-content-sha256']);
  assert.equal(await runLetterJobs(t.db), 0);
  const again = await handler.api('GET', `/api/v1/applications/${c.id}/letter?kind=receipt`);
  assert.ok(again.rawPayload.equals(res.rawPayload));
});

test('a template changed after the step but before the job: the letter keeps the text of its step', async () => {
  const c = await inPerson();
  const head = await new Client(t.app).loginReady('zrzy.head');
  const tpl = (await head.api('GET', '/api/v1/applications/letter-templates')).json().find((x: { kind: string }) => x.kind === 'receipt');
  const saved = await head.api('PUT', '/api/v1/applications/letter-templates', { kind: 'receipt', variant: tpl.variant, text: `后来改的模板：${tpl.text}` });
  assert.equal(saved.statusCode, 200, saved.body);
  await runLetterJobs(t.db);
  const res = await handler.api('GET', `/api/v1/applications/${c.id}/letter?kind=receipt`);
  assert.doesNotMatch((await mammoth.extractRawText({ buffer: res.rawPayload })).value, /后来改的模板/);
  await head.api('POST', '/api/v1/applications/letter-templates/reset', { kind: 'receipt', variant: tpl.variant });
});

test('several processes: a job is claimed by one only, and every letter is rendered once', async () => {
  const cases = [];
  for (let i = 0; i < 6; i++) cases.push(await inPerson());
  const ids = cases.map((c) => c.id);
  // Two processes = two connection pools on PostgreSQL; PGlite is one process's database.
  const other = t.url ? await openPostgres(t.url, { max: 2 }) : t.db;
  try {
    if (t.url) {
      // While one process holds its claim open, another skips those rows and takes the rest.
      await t.db.transaction(async (tx) => {
        const mine = await claimLetterJobs(tx, 3, 60);
        const theirs = await claimLetterJobs(other, 10, 60);
        assert.equal(mine.length, 3);
        assert.equal(theirs.length, 3);
        assert.deepEqual(mine.filter((id) => theirs.includes(id)), [], 'no job claimed twice');
        throw new Rollback();
      }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
      // The second claim committed its lease: let those jobs be due again for the race below.
      await t.db.query(`update letter_jobs set run_after = now() where case_id = any($1::bigint[])`, [ids]);
    } else {
      // One claim leases its jobs: the next claim does not see them until the lease ends.
      const first = await claimLetterJobs(t.db, 3, 60);
      const second = await claimLetterJobs(t.db, 10, 60);
      assert.deepEqual(first.filter((id) => second.includes(id)), []);
      await t.db.query(`update letter_jobs set run_after = now() where case_id = any($1::bigint[])`, [ids]);
    }
    const [a, b] = await Promise.all([runLetterJobs(t.db), runLetterJobs(other)]);
    assert.equal(a + b, 6, `rendered ${a} + ${b}`);
    const [row] = await t.db.query<{ files: number; jobs: number }>(
      `select (select count(*)::int from application_letter_files where case_id = any($1::bigint[])) as files,
              (select count(*)::int from letter_jobs where case_id = any($1::bigint[])) as jobs`,
      [ids],
    );
    assert.deepEqual(row, { files: 6, jobs: 0 });
  } finally {
    if (other !== t.db) await other.close();
  }
});

class Rollback extends Error {}
