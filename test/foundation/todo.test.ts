// 待办 on the console home: each staff member sees what waits for them in their organization — the
// head the replies to sign and the extensions to approve, the handler the online applications to
// confirm, the reviewer the catalogue stages to sign, the editor last year's unpublished report.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import * as applications from '../../src/applications/commands.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { createItem, submitForReview } from '../../src/catalogue/commands.ts';
import { todayInChina } from '../../src/core/date.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { team } from '../catalogue/fixtures.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;

/** The 待办 card of a page, as lines of text. */
function todos(body: string): string[] {
  const card = /<section class="card todo"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  return [...card.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

before(async () => {
  t = await testApp();
  await seedDemo(t.db);
  setTodayForTests(() => todayInChina());
  await seedApplicationsDemo(t.db);
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('the head sees the reply to sign, then the extension to approve; the handler the application to confirm', async () => {
  const head = await new Client(t.app).loginReady('zrzy.head');
  assert.deepEqual(todos((await head.get('/console')).body).filter((l) => l.includes('依申请')), ['依申请公开答复待您审核签发 1 件']);
  const zrzy = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const [received] = await t.db.query<{ id: number }>(`select id from applications where org_id = $1 and state = 'received' order by id desc limit 1`, [zrzy.id]);
  await applications.requestExtension(t.db, cliContext(), received!.id, { workingDays: 5, reason: '需要调阅档案' });
  const after = todos((await head.get('/console')).body);
  assert.ok(after.includes('延长答复期限的申请待您批准 1 件'), after.join(' / '));

  const handler = await new Client(t.app).loginReady('zrzy.handler');
  const mine = todos((await handler.get('/console')).body);
  assert.ok(mine.some((l) => l.startsWith('网上提交的申请待确认收到 1 件')), mine.join(' / '));
  assert.ok(!mine.some((l) => l.includes('签发') || l.includes('批准')), 'signing and approving are the head\'s');
});

test('a reviewer sees the stage waiting for them; the editor last year\'s report until it is published', async () => {
  const z = await team(t.db, 'QS-LY', 'ly');
  const { item } = await createItem(t.db, z.editor, z.org.id, {
    columnId: z.column('工作动态'), title: '县林业局开展春季森林防火检查', summary: '', body: '近日，县林业局开展春季森林防火检查。', writtenDate: '2025-03-03',
  });
  await submitForReview(t.db, z.editor, item.id);
  const r1 = await new Client(t.app).loginReady('ly.r1', 'Test-pass-2026');
  assert.ok(todos((await r1.get('/console')).body).includes('主动公开信息待您审核 1 件'));
  const head = await new Client(t.app).loginReady('ly.head', 'Test-pass-2026');
  assert.ok(!todos((await head.get('/console')).body).some((l) => l.includes('主动公开')), '终审 is not yet the head\'s turn');

  const lastYear = Number(todayInChina().slice(0, 4)) - 1;
  const editor = await new Client(t.app).loginReady('ly.ed', 'Test-pass-2026');
  const line = todos((await editor.get('/console')).body).find((l) => l.includes('年度报告'));
  assert.match(line ?? '', new RegExp(`^${lastYear} 年度报告尚未创建 (已过)?公布截止日 ${lastYear + 1}-01-31`));
});
