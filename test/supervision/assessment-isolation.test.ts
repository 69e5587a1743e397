// Organization scope of the task and 整改 routes: every console/API route of the module named with
// organization B's identifiers (青山县林业局's part of a task, its 整改 item, its evidence file; a task of
// the county office) answers 403 or 404 to a user of 青山县自然资源局 who holds every role, and leaks nothing.
// The same values belong in test/foundation/org-isolation.test.ts once the routes are wired.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { routeParams } from '../../src/core/http/scope.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { ROLES } from '../../src/orgs/staff/model.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { closeRectification, createRectification, createTask, publishTask } from '../../src/supervision/assessment/commands.ts';
import { findTask, findRectification } from '../../src/supervision/assessment/store.ts';
import { createSelfAssessment } from '../../src/supervision/assessment/self-assessment/commands.ts';
import { addIndicator } from '../../src/supervision/assessment/scoring/commands.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let client: Client;
const B: Record<string, string> = {};
let bName = '';

before(async () => {
  t = await testApp();
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'zrzy.all', displayName: '全部角色', password: 'All-roles-2026', roles: [...ROLES] });
  const office = (await findOrgByCode(t.db, '113301000000000001'))!;
  const b = (await findOrgByCode(t.db, 'QS-LY'))!;
  bName = b.fullName;
  const taskId = await createTask(t.db, cliContext(), office.id, { year: 2026, title: '林业局的任务', leadOrgId: b.id, deadline: '2026-12-31' });
  await publishTask(t.db, cliContext(), taskId);
  const rectificationId = await createRectification(t.db, cliContext(), office.id, { orgId: b.id, sourceKind: 'manual', finding: '林业局的问题', deadline: '2026-12-31' });
  await closeRectification(t.db, cliContext(), rectificationId, { note: '已整改' }, { fileName: 'a.pdf', content: Buffer.from('%PDF-1.4 test') });
  Object.assign(B, {
    orgId: String(b.id),
    taskId: String(taskId), progressId: String((await findTask(t.db, taskId))!.agencies[0]!.id),
    rectificationId: String(rectificationId), evidenceDocId: String((await findRectification(t.db, rectificationId))!.document!.id),
    selfAssessmentId: String(await createSelfAssessment(t.db, cliContext(), b.id, { year: 2026 })),
    // an indicator of the county office's scheme: out of an agency's reach
    indicatorId: String(await addIndicator(t.db, cliContext(), office.id, { year: 2026, title: '组织保障', points: '10' }, [])),
  });
  client = await new Client(t.app).loginReady('zrzy.all', 'All-roles-2026');
});
after(() => t.close());

test('every route of the module that names an organization-B resource answers 403 or 404', async () => {
  const routes = t.app.registeredRoutes.filter((r) => /^\/(console|api\/v1)\/assessment\//.test(r.url) && routeParams(r.url).length > 0);
  assert.ok(routes.length >= 15, `walked ${routes.length} routes`);
  const csrf = await client.csrfFrom('/console');
  for (const route of routes) {
    const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
      assert.ok(B[name], `no value for :${name}`);
      return B[name]!;
    });
    const res = route.url.startsWith('/api/')
      ? await client.request(route.method, url, { json: route.method === 'GET' || route.method === 'DELETE' ? undefined : { orgCode: 'QS-LY' }, headers: { 'x-csrf-token': csrf, accept: 'application/json' } })
      : await client.request(route.method, url, route.method === 'GET' ? {} : { form: { _csrf: csrf } });
    assert.ok([403, 404].includes(res.statusCode), `${route.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    assert.ok(!res.body.includes(bName), `${route.method} ${url} leaks organization B's name`);
  }
});
