// A user of organization A gets 403 or 404 from every organization-B resource. The test
// walks every registered console and API route, so routes added later are covered too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import Fastify from 'fastify';
import { requireStaff } from '../../src/orgs/staff/auth.ts';
import { routeParams } from '../../src/core/http/scope.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createReport } from '../../src/report/commands.ts';
import { registerApplication } from '../../src/applications/commands.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { ROLES } from '../../src/orgs/staff/model.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { addAttachment, createItem, ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { createAppeal } from '../../src/appeals/commands.ts';
import { createConsultation } from '../../src/consultations/commands.ts';
import { registerMessage } from '../../src/interaction/commands.ts';
import { closeRectification, createRectification, createTask, publishTask } from '../../src/supervision/assessment/commands.ts';
import { findRectification, findTask } from '../../src/supervision/assessment/store.ts';
import { createSelfAssessment } from '../../src/supervision/assessment/self-assessment/commands.ts';
import { addIndicator } from '../../src/supervision/assessment/scoring/commands.ts';

let t: TestApp;
let client: Client;
const B = { orgId: '', orgCode: 'QS-LY', userId: '', fullName: '', username: 'ly.clerk', caseId: '', reportId: '', itemId: '', columnId: '', attachmentId: '', appealId: '', taskId: '', progressId: '', rectificationId: '', evidenceDocId: '', selfAssessmentId: '', indicatorId: '', consultationId: '', letterId: '' };

before(async () => {
  t = await testApp();
  // A: 青山县自然资源局 with every role, so a refusal is about scope, never about a missing role.
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'zrzy.all', displayName: '全角色', password: 'All-roles-2026', roles: [...ROLES] });
  // B: its sibling 青山县林业局, with a user of its own.
  const userId = await createUser(t.db, cliContext(), { orgCode: B.orgCode, username: B.username, displayName: '林业局职员', password: 'Forest-2026x', roles: ['editor'] });
  const b = (await findOrgByCode(t.db, B.orgCode))!;
  const { report } = await createReport(t.db, cliContext(), { orgId: b.id, year: 2024 });
  Object.assign(B, { orgId: String(b.id), userId: String(userId), fullName: b.fullName, reportId: String(report.id) });
  const bCase = await registerApplication(t.db, cliContext(), b.id, { applicantKind: 'natural', name: '林业局申请人', idType: '护照', idNumber: 'E12345678', phone: '13800000001', infoTitle: '林地征占用审批文件', formWanted: 'electronic', delivery: 'online' }, { channel: 'in_person', submittedOn: '2025-06-02' });
  B.caseId = String(bCase.case.id);
  const bColumn = (await listColumns(t.db, (await ensureCatalogue(t.db, b.id)).orgId)).find((c) => c.kind === 'general')!;
  const bItem = await importPublishedItem(t.db, cliContext(), b.id, { content: { columnId: bColumn.id, title: '林业局的公开信息', body: '正文' }, publishedDate: '2025-01-02' });
  Object.assign(B, { columnId: String(bColumn.id), itemId: String(bItem.id) });
  const bDraft = await createItem(t.db, cliContext(), b.id, { columnId: bColumn.id, title: '林业局的草稿', body: '正文' });
  B.attachmentId = String(await addAttachment(t.db, cliContext(), bDraft.item.id, { fileName: 'a.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') }));
  B.consultationId = String(await createConsultation(t.db, cliContext(), b.id, { kind: 'other', title: '林业局的意见征集', draft: '征求意见稿', explanation: '起草说明', startsOn: '2025-07-01', endsOn: '2025-08-01' }));
  B.letterId = String((await registerMessage(t.db, cliContext(), b.id, { channel: 'hotline', receivedOn: '2025-07-01', category: 'consult', subject: '林业局的留言', content: '林业局收到的留言内容', name: '林业局留言人', phone: '13800000002' })).id);
  B.appealId = String(await createAppeal(t.db, cliContext(), b.id, { kind: 'review', party: '林业局复议申请人', body: '青山县人民政府', receivedOn: '2025-07-01' }));
  // the county office's task and 整改 item addressed to B (issue 17 §3)
  const office = (await findOrgByCode(t.db, '113301000000000001'))!;
  const taskId = await createTask(t.db, cliContext(), office.id, { year: 2026, title: '林业局的任务', leadOrgId: b.id, deadline: '2026-12-31' });
  await publishTask(t.db, cliContext(), taskId);
  const rectId = await createRectification(t.db, cliContext(), office.id, { orgId: b.id, sourceKind: 'manual', finding: '林业局的问题', deadline: '2026-12-31' });
  await closeRectification(t.db, cliContext(), rectId, { note: '已整改' }, { fileName: 'a.pdf', content: Buffer.from('%PDF-1.4 test') });
  Object.assign(B, {
    taskId: String(taskId),
    progressId: String((await findTask(t.db, taskId))!.agencies[0]!.id),
    rectificationId: String(rectId),
    evidenceDocId: String((await findRectification(t.db, rectId))!.document!.id),
    selfAssessmentId: String(await createSelfAssessment(t.db, cliContext(), b.id, { year: 2026 })),
    // an indicator of the county office's scheme: out of an agency's reach
    indicatorId: String(await addIndicator(t.db, cliContext(), office.id, { year: 2026, title: '组织保障', points: '10' }, [])),
  });
  client = await new Client(t.app).loginReady('zrzy.all', 'All-roles-2026');
});
after(() => t.close());

const staffRoutes = () =>
  t.app.registeredRoutes.filter((r) => (r.url.startsWith('/console') || r.url.startsWith('/api/v1')) && !r.anonymous);

test('every console/API route that names an organization-B resource answers 403 or 404', async () => {
  const withParams = staffRoutes().filter((r) => routeParams(r.url).length > 0);
  assert.ok(withParams.length >= 5, `expected to walk several routes, found ${withParams.length}`);
  const csrf = await client.csrfFrom('/console');
  for (const route of withParams) {
    const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
      const value = (B as Record<string, string>)[name];
      assert.ok(value, `route ${route.method} ${route.url}: add a value for :${name} of organization B to this test`);
      return encodeURIComponent(value);
    });
    const res = route.url.startsWith('/api/')
      ? await client.request(route.method, url, {
          json: route.method === 'GET' || route.method === 'DELETE' ? undefined : { orgCode: B.orgCode },
          headers: { 'x-csrf-token': csrf, accept: 'application/json' },
        })
      : await client.request(route.method, url, route.method === 'GET' ? {} : { form: { _csrf: csrf } });
    assert.ok([403, 404].includes(res.statusCode), `${route.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    assert.ok(!res.body.includes(B.fullName), `${route.method} ${url} leaks organization B's name`);
  }
});

test('console/API pages without parameters show nothing of organization B', async () => {
  const pages = staffRoutes().filter((r) => r.method === 'GET' && routeParams(r.url).length === 0);
  assert.ok(pages.length >= 5);
  for (const route of pages) {
    for (const accept of ['text/html', 'application/json']) {
      const res = await client.get(route.url, { accept });
      assert.ok([200, 403].includes(res.statusCode), `${route.url} (${accept}) answered ${res.statusCode}`);
      assert.ok(!res.body.includes(B.fullName) && !res.body.includes(B.username), `${route.url} (${accept}) shows organization B's data`);
    }
  }
});

test('the organization switcher refuses organization B', async () => {
  const res = await client.post('/console/switch-org', { orgId: B.orgId });
  assert.equal(res.statusCode, 403);
});

test('a new route with an unknown parameter is refused when the app starts', async () => {
  const app = Fastify();
  app.register(async (scoped) => {
    requireStaff(scoped, t.db, t.config, () => undefined);
    scoped.get('/console/things/:thingId', async () => 'x');
  });
  await assert.rejects(async () => app.ready(), /:thingId has no organization-scope resolver/);
});
