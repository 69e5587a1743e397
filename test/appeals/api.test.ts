// The appeals register on a real database through the JSON API: the demo's records agree with the
// published table 4 of 2024 and 2025; one outcome changed changes table 4; the computed table 4
// written into a report draft passes the validator; the party stays out of the audit log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedAppealsDemo } from '../../src/appeals/demo.ts';
import { registerApplication } from '../../src/applications/commands.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { findReportByOrgYear, findVersion } from '../../src/report/store.ts';
import { validateReport } from '../../src/report/rules/validate.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let editor: Client;
let orgId = 0;

before(async () => {
  setTodayForTests(() => '2026-12-06');
  t = await testApp();
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
  // the demo data of testApp (seedDemo) includes the register now: seeding again makes nothing
  assert.equal(await seedAppealsDemo(t.db), 0);
  assert.equal((await t.db.query<{ n: number }>('select count(*)::int as n from appeals where org_id = $1', [orgId]))[0]!.n, 6);
  handler = await new Client(t.app).loginReady('zrzy.handler');
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const table4 = async (year: number) => {
  const res = await handler.api('GET', `/api/v1/appeals/table4?year=${year}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().table4;
};
const listed = async (year: number) => (await handler.api('GET', `/api/v1/appeals?year=${year}`)).json().appeals as { id: number; caseNumber: string; party: string | null; outcome: string | null }[];

test('the demo register gives the table 4 of the published demo reports of 2024 and 2025, and is seeded once', async () => {
  for (const year of [2024, 2025]) {
    const report = (await findReportByOrgYear(t.db, orgId, year))!;
    const published = (await findVersion(t.db, report.id, report.currentVersion))!;
    assert.deepEqual(await table4(year), published.report.table4, String(year));
  }
  assert.deepEqual(await table4(2026), { review: [0, 0, 1, 0, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 1, 1] });
  assert.equal(await seedAppealsDemo(t.db), 0);
});

test('changing one appeal’s outcome changes table 4 of its year, and only that year', async () => {
  const corrected = (await listed(2025)).find((a) => a.caseNumber === '青政复〔2025〕11号')!;
  assert.equal(corrected.outcome, 'corrected');
  const set = (body: unknown) => handler.api('POST', `/api/v1/appeals/${corrected.id}/outcome`, body);
  assert.equal((await set({ outcome: 'upheld', decidedOn: '2025-08-20' })).statusCode, 200);
  assert.deepEqual((await table4(2025)).review, [2, 0, 0, 0, 2]);
  // decided only in the next year: 尚未审结 at the end of 2025, its outcome in 2026
  assert.equal((await set({ outcome: 'other', decidedOn: '2026-01-05' })).statusCode, 200);
  assert.deepEqual((await table4(2025)).review, [1, 0, 0, 1, 2]);
  assert.deepEqual((await table4(2026)).review, [0, 0, 2, 0, 2]);
  assert.equal((await set({ outcome: 'corrected', decidedOn: '2025-08-20' })).statusCode, 200);
  assert.deepEqual((await table4(2025)).review, [1, 1, 0, 0, 2]);
  const audit = await t.db.query<{ summary: { before: { outcome: string }; after: { outcome: string } } }>(
    `select summary from audit_log where action = 'appeal.outcome' and target_id = $1 order by id`, [String(corrected.id)],
  );
  assert.deepEqual(audit.slice(-3).map((e) => [e.summary.before.outcome, e.summary.after.outcome]), [['corrected', 'upheld'], ['upheld', 'other'], ['other', 'corrected']]);
});

test('a record concerning a case takes the case’s applicant as party; the audit log never names the party', async () => {
  const { case: c } = await registerApplication(t.db, cliContext(), orgId, {
    applicantKind: 'natural', name: '冯志远', idType: '护照', idNumber: 'E99887766', phone: '13800000009', infoTitle: '土地征收补偿方案', formWanted: 'electronic', delivery: 'online',
  }, { channel: 'in_person', submittedOn: '2026-09-01' });
  const res = await handler.api('POST', '/api/v1/appeals', { kind: 'litigation_direct', receiptNo: c.receiptNo, body: '青山县人民法院', caseNumber: '（2026）青0122行初30号', receivedOn: '2026-11-02' });
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json();
  assert.equal(created.party, '冯志远');
  assert.equal(created.caseId, c.id);
  assert.equal(created.outcomeLabel, '尚未审结');
  assert.deepEqual((await table4(2026)).litigationDirect, [0, 0, 0, 1, 1]);
  const put = await handler.api('PUT', `/api/v1/appeals/${created.id}`, { kind: 'litigation_direct', receiptNo: c.receiptNo, body: '青山县人民法院', caseNumber: '（2026）青0122行初31号', receivedOn: '2026-11-03', note: '案号更正' });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().caseNumber, '（2026）青0122行初31号');
  const entries = await t.db.query<{ action: string; summary: unknown }>(`select action, summary from audit_log where target_type = 'appeal' and target_id = $1 order by id`, [String(created.id)]);
  assert.deepEqual(entries.map((e) => e.action), ['appeal.create', 'appeal.update']);
  assert.ok(!JSON.stringify(entries).includes('冯志远'));
  // those who may not read personal data see the record without the party
  const editorView = await editor.api('GET', `/api/v1/appeals/${created.id}`);
  assert.equal(editorView.statusCode, 200);
  assert.equal(editorView.json().party, null);
});

test('refusals: wrong dates, an unknown party, a record written by someone who may not', async () => {
  const bad = await handler.api('POST', '/api/v1/appeals', { kind: 'review', body: '青山县人民政府', receivedOn: '2026-02-30', party: '某人' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /收到日期应为有效日期/);
  const noParty = await handler.api('POST', '/api/v1/appeals', { kind: 'review', body: '青山县人民政府', receivedOn: '2026-02-03', receiptNo: 'QS-NOPE-1' });
  assert.equal(noParty.statusCode, 400);
  assert.match(noParty.json().error.message, /请填写申请人（原告）/);
  const byEditor = await editor.api('POST', '/api/v1/appeals', { kind: 'review', body: '青山县人民政府', receivedOn: '2026-02-03', party: '某人' });
  assert.equal(byEditor.statusCode, 403);
  const [first] = await listed(2025);
  const early = await handler.api('POST', `/api/v1/appeals/${first!.id}/outcome`, { outcome: 'upheld', decidedOn: '2024-01-01' });
  assert.equal(early.statusCode, 400);
  assert.match(early.json().error.message, /审结日期不能早于收到日期/);
  const noDate = await handler.api('POST', `/api/v1/appeals/${first!.id}/outcome`, { outcome: 'upheld' });
  assert.equal(noDate.statusCode, 400);
  const future = await handler.api('POST', `/api/v1/appeals/${first!.id}/outcome`, { outcome: 'upheld', decidedOn: '2026-12-07' });
  assert.equal(future.statusCode, 400);
  assert.match(future.json().error.message, /审结日期不能晚于今天/);
  const notYet = await handler.api('POST', '/api/v1/appeals', { kind: 'review', body: '青山县人民政府', receivedOn: '2026-12-07', party: '某人' });
  assert.match(notYet.json().error.message, /收到日期不能晚于今天/);
});

test('the decision document is kept with the outcome and downloaded as uploaded', async () => {
  const [first] = await listed(2024);
  const pdf = Buffer.from('%PDF-1.4\n青政复〔2024〕7号 复议决定书\n%%EOF\n');
  const res = await handler.api('POST', `/api/v1/appeals/${first!.id}/outcome`, { outcome: 'upheld', decidedOn: '2024-07-15', document: { fileName: '复议决定书.pdf', contentBase64: pdf.toString('base64') } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().document.contentType, 'application/pdf');
  const download = await handler.api('GET', `/api/v1/appeals/${first!.id}/document`);
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, pdf);
  assert.equal((await editor.api('GET', `/api/v1/appeals/${first!.id}/document`)).statusCode, 403);
  const fake = await handler.api('POST', `/api/v1/appeals/${first!.id}/outcome`, { outcome: 'upheld', decidedOn: '2024-07-15', document: { fileName: '决定书.pdf', contentBase64: Buffer.from('<html>').toString('base64') } });
  assert.equal(fake.statusCode, 400);
});

test('table 4 written into the year’s report draft is marked computed and passes the validator', async () => {
  assert.equal((await handler.api('POST', '/api/v1/appeals/table4/report', { year: 2026 })).statusCode, 403, 'the report is the editor’s');
  const res = await editor.api('POST', '/api/v1/appeals/table4/report', { year: 2026 });
  assert.equal(res.statusCode, 200, res.body);
  const version = (await findVersion(t.db, res.json().reportId, res.json().version))!;
  assert.deepEqual(version.report.table4, await table4(2026));
  assert.equal(version.sources.table4, 'computed');
  assert.deepEqual(validateReport(version.report).filter((f) => f.cells.some((c) => c.startsWith('table4'))), []);
});
