// 内容检查 (issue 17 §2) on a database: a run stores its findings (暗链, 表述错误, dead internal links;
// external links 未检查 while the checker is off, asked of a local server when on), a finding seen
// again keeps its first-seen date, the run is audited, the region counts come from the latest run;
// and the console page shows the findings grouped by rule, starts a run, and edits the wording list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { runInspection } from '../../src/catalogue/inspection/commands.ts';
import { inspectionCountsOfRegion, findingsOfRun, listRuns } from '../../src/catalogue/inspection/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';

let t: TestApp;
let server: Server;
let base = '';
let org: Organization;
const ids: Record<string, number> = {};

/** An item with one version in the given state, written straight into the tables (the commands are tested elsewhere). */
async function item(state: 'published' | 'in_review', title: string, body: string, opts: { withdrawn?: boolean; attachmentText?: string } = {}): Promise<number> {
  const column = (await listColumns(t.db, org.id)).find((c) => c.name === '政策文件')!.id;
  const [i] = await t.db.query<{ id: number }>('insert into catalogue_items (org_id) values ($1) returning id', [org.id]);
  const [v] = await t.db.query<{ id: number }>(
    `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, body, publisher, author_name, published_date)
     values ($1, $2, 1, $3, $4, $5, $6, '青山县自然资源局', '测试', $7) returning id`,
    [org.id, i!.id, state, column, title, body, state === 'published' ? '2026-01-10' : null],
  );
  if (state === 'published') {
    await t.db.query(`update catalogue_items set published_version_id = $2, index_number = $3, first_published_at = now(), withdrawn_at = $4 where id = $1`, [
      i!.id, v!.id, `T/${i!.id}`, opts.withdrawn ? new Date() : null,
    ]);
  }
  if (opts.attachmentText) {
    await t.db.query(
      `insert into catalogue_attachments (org_id, version_id, file_name, media_type, size_bytes, sha256, text) values ($1, $2, '附件1.pdf', 'application/pdf', 10, 'x', $3)`,
      [org.id, v!.id, opts.attachmentText],
    );
  }
  return Number(i!.id);
}

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') return res.writeHead(200).end('ok');
    res.writeHead(404).end('没有');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await testApp();
  org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  await ensureCatalogue(t.db, org.id);
  ids.gone = await item('published', '已撤回的通知', '<p>旧通知</p>', { withdrawn: true });
  ids.live = await item('published', '现行的通知', '<p>现行</p>');
  ids.main = await item(
    'published',
    '关于开展耕地保护检查的通知',
    `<p>根据国务院办工厅有关要求开展检查。</p><p>详见<a href="/items/${ids.live}">现行的通知</a>和<a href="/items/${ids.gone}">旧通知</a>，` +
      `<a href="${base}/ok">正常网站</a>，<a href="${base}/gone">失效网站</a>。</p>` +
      `<div style="position:absolute;left:-9999px"><a href="${base}/casino">博彩</a></div>`,
    { attachmentText: `附件中的网址：${base}/gone2。` },
  );
  ids.review = await item('in_review', '审核中的计划', '<p>今年布署三项工作。</p>');
});

after(async () => {
  setTodayForTests(null);
  server.closeAllConnections();
  server.close();
  await t.close();
});

test('a run stores its findings; external links are 未检查 while the checker is off; audited', async () => {
  setTodayForTests(() => '2026-03-02');
  const { run, findings } = await runInspection(t.db, cliContext(), org.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
  assert.equal(run.runOn, '2026-03-02');
  assert.equal(run.linksChecked, false);
  assert.deepEqual(run.counts, { dead_link: 1, hidden_link: 1, wording: 2, unanswered: 0 });
  assert.equal(run.summary.unchecked, 4, 'ok, gone, gone2 and the hidden casino link: not checked, not broken');
  const dead = findings.filter((f) => f.rule === 'dead_link');
  assert.deepEqual(dead.map((f) => [f.itemId, f.link, f.detail]), [[ids.main, `/items/${ids.gone}`, '无法访问（本站信息不存在或已撤回）']]);
  const hidden = findings.find((f) => f.rule === 'hidden_link')!;
  assert.equal(hidden.link, `${base}/casino`);
  assert.match(hidden.detail, /上级元素 <div>：position:absolute; left:-9999px/);
  const wording = findings.filter((f) => f.rule === 'wording').map((f) => [f.itemId, f.suggestion, f.sentence, f.versionState]);
  assert.deepEqual(wording, [
    [ids.main, '国务院办公厅', '根据国务院办工厅有关要求开展检查。', 'published'],
    [ids.review, '部署', '今年布署三项工作。', 'in_review'],
  ]);
  const stored = await findingsOfRun(t.db, run.id);
  assert.equal(stored.length, 4);
  assert.ok(stored.every((f) => f.firstSeen === '2026-03-02'));
  const [audit] = await t.db.query<{ action: string; summary: { counts: Record<string, number> } }>(
    `select action, summary from audit_log where action = 'catalogue.inspection' and target_id = $1`, [String(run.id)],
  );
  assert.equal(audit?.action, 'catalogue.inspection');
  assert.equal(audit!.summary.counts.hidden_link, 1);
});

test('a second run with the checker on: broken external links found; findings seen before keep their first-seen date', async () => {
  setTodayForTests(() => '2026-04-01');
  const { run, findings } = await runInspection(t.db, cliContext(), org.id, { checkLinks: true, linkOptions: { timeoutMs: 2000 }, unansweredMessages: UNANSWERED_MESSAGES });
  assert.equal(run.linksChecked, true);
  assert.equal(run.counts.dead_link, 4, `${JSON.stringify(findings.filter((f) => f.rule === 'dead_link'))}`);
  const byLink = new Map(findings.filter((f) => f.rule === 'dead_link').map((f) => [f.link, f]));
  assert.equal(byLink.get(`${base}/gone`)!.detail, '无法访问（HTTP 404）');
  assert.equal(byLink.get(`${base}/gone`)!.firstSeen, '2026-04-01');
  assert.equal(byLink.get(`${base}/gone2`)!.place, '附件《附件1.pdf》');
  assert.ok(byLink.has(`${base}/casino`), 'the hidden link is dead too');
  assert.equal(byLink.get(`/items/${ids.gone}`)!.firstSeen, '2026-03-02', 'kept from the first run');
  assert.equal(findings.find((f) => f.rule === 'hidden_link')!.firstSeen, '2026-03-02');
  assert.ok(!byLink.has(`${base}/ok`));
  assert.deepEqual((await listRuns(t.db, org.id)).map((r) => r.runOn), ['2026-04-01', '2026-03-02']);

  const county = (await findOrgByCode(t.db, 'SF-YL-QS'))!;
  const region = await inspectionCountsOfRegion(t.db, county.path);
  const zrzy = region.find((r) => r.code === 'QS-ZRZY')!;
  assert.equal(zrzy.runId, run.id);
  assert.deepEqual(zrzy.counts, run.counts);
  const other = region.find((r) => r.code !== 'QS-ZRZY')!;
  assert.equal(other.runId, null);
  assert.deepEqual(other.counts, { dead_link: 0, hidden_link: 0, wording: 0, unanswered: 0 });
});

test('console: the findings by rule with item links and earlier runs; 开始检查; the wording list edited by an administrator', async () => {
  setTodayForTests(() => '2026-04-02');
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  let page = await editor.get('/console/catalogue/inspection');
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  assert.match(page.body, /最近一次检查（2026-04-01）/);
  assert.match(page.body, /暗链（隐藏的链接）：1 处/);
  assert.match(page.body, new RegExp(`<a href="/console/catalogue/items/${ids.main}">关于开展耕地保护检查的通知</a>`));
  assert.match(page.body, /建议改为“国务院办公厅”（不自动修改）/);
  assert.match(page.body, /审核中/);
  assert.match(page.body, /（仍未整改）/);
  assert.match(page.body, /<table class="data runs">[\s\S]*2026-04-01[\s\S]*2026-03-02/);
  assert.match(page.body, /开始检查/);

  // An administrator of the county adds an entry: it applies to the agencies below.
  assert.equal((await editor.post('/console/catalogue/inspection/wording', { wrong: '耕地保户', right: '耕地保护', kind: 'typo' }, '/console/catalogue/inspection/wording')).statusCode, 403);
  const admin = await new Client(t.app).loginReady('admin');
  const bad = await admin.post('/console/catalogue/inspection/wording', { wrong: '检查', right: '检查', kind: 'typo' }, '/console/catalogue/inspection/wording');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /正确表述与错误表述相同/);
  const added = await admin.post('/console/catalogue/inspection/wording', { wrong: '开展耕地保护检查', right: '开展耕地保护专项检查', kind: 'typo' }, '/console/catalogue/inspection/wording');
  assert.equal(added.statusCode, 303, added.body.slice(0, 500));
  assert.match((await admin.get('/console/catalogue/inspection/wording')).body, /开展耕地保护专项检查[\s\S]*全局清单[\s\S]*国务院办工厅/);

  const started = await editor.post('/console/catalogue/inspection', {}, '/console/catalogue/inspection');
  assert.equal(started.statusCode, 303);
  page = await editor.get(started.headers.location!);
  assert.match(page.body, /检查完成/);
  assert.match(page.body, /最近一次检查（2026-04-02）/);
  assert.match(page.body, /外部链接 4 个<strong>未检查<\/strong>/);
  assert.match(page.body, /建议改为“开展耕地保护专项检查”/, 'the county entry applies to the agency');
  const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'catalogue.wording.add'`);
  assert.equal(audit!.n, 1);
});

test('review page: 暗链 in the stored HTML of a version in review are shown before signing', async () => {
  await t.db.query(
    `update catalogue_versions set stages = $2, stage_index = 0, review_round = 1,
       body = body || '<p style="display:none"><a href="http://hidden.invalid/">暗</a></p>' where item_id = $1`,
    [ids.review, [{ name: '初审', role: 'reviewer' }]],
  );
  const reviewer = await new Client(t.app).loginReady('zrzy.reviewer');
  const page = await reviewer.get(`/console/catalogue/items/${ids.review}`);
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  assert.match(page.body, /发现 1 处暗链（以样式隐藏的链接）/);
  assert.match(page.body, /http:\/\/hidden\.invalid\/[\s\S]*上级元素 &lt;p&gt;：display:none/);
});
