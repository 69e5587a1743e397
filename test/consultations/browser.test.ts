// Issue 20 acceptance, in Chromium: an agency opens a consultation (the 信息发布员 drafts, the 机关负责人
// publishes), two comments arrive on the portal, one is approved and shown (the other not, and never
// who wrote them), the consultation closes (the pinned day moves past its end), and the 结果反馈 is
// written and published. Screenshots go with the test output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { setTodayForTests } from '../../src/core/today.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let day = '2025-11-03';

before(async () => {
  setTodayForTests(() => day);
  t = await testApp();
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
  setTodayForTests(null);
});

const TITLE = '关于征求《青山县农村宅基地管理办法（征求意见稿）》意见的公告';

test('open a consultation, two comments, one approved and shown, closed, feedback published', async () => {
  // the editor drafts
  const editor = await signedIn(await browser.newContext(), base, 'zrzy.editor');
  await editor.goto(`${base}/console/consultations`);
  await editor.getByRole('link', { name: '新建意见征集' }).click();
  await editor.getByRole('radio', { name: /行政规范性文件/ }).check();
  await editor.getByLabel(/^标题/).fill(TITLE);
  await editor.getByLabel(/^征求意见稿/).fill('第一条 为规范农村宅基地管理，制定本办法。\n\n第二条 一户只能拥有一处宅基地。');
  await editor.getByLabel(/^起草说明/).fill('一、起草背景\n\n二、主要内容');
  await editor.getByLabel(/^开始日期/).fill('2025-11-03');
  // 7 working days after Monday 3 November: Wednesday 12 November; the 11th is one short
  await editor.getByLabel(/^截止日期/).fill('2025-11-11');
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.locator('#form-errors').waitFor();
  assert.match(await editor.locator('#form-errors').innerText(), /一般不少于7个工作日（自开始日期次日起算，截止日期不早于 2025-11-12）/);
  assert.equal(await editor.getByLabel(/^标题/).inputValue(), TITLE);
  await editor.getByLabel(/^截止日期/).fill('2025-11-12');
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/\/console\/consultations\/\d+\?notice=created/);
  const consoleUrl = editor.url().split('?')[0]!;
  const id = Number(consoleUrl.split('/').pop());
  assert.match(await editor.locator('#phase').innerText(), /起草中/);

  // the head publishes
  const head = await signedIn(await browser.newContext(), base, 'zrzy.head');
  await head.goto(consoleUrl);
  await head.getByRole('button', { name: '发布意见征集' }).click();
  await head.waitForURL(/notice=published/);
  assert.match(await head.locator('#phase').innerText(), /征求意见中/);

  // two comments arrive on the portal
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`${base}/consultations`);
  await citizen.getByRole('link', { name: TITLE }).click();
  await citizen.waitForURL(`${base}/consultations/${id}`);
  await citizen.getByLabel('您的意见').fill('建议明确“一户一宅”中“户”的认定标准。');
  await citizen.getByRole('button', { name: '提交意见' }).click();
  await citizen.waitForURL(/notice=submitted/);
  assert.match(await citizen.getByRole('status').innerText(), /您的意见已提交/);
  await citizen.getByLabel('您的意见').fill('本办法第二条与上位法不一致，应予删除。');
  await citizen.getByLabel('姓名或单位（选填）').fill('孙八');
  await citizen.getByLabel('联系方式（选填，不公开）').fill('13500002222');
  await citizen.getByRole('button', { name: '提交意见' }).click();
  await citizen.waitForURL(/notice=submitted/);
  assert.equal(await citizen.locator('#comments li').count(), 0, 'nothing shown before moderation');

  // moderation: one approved, one not (with a reason)
  await editor.goto(`${base}/console`);
  assert.match(await editor.locator('.todo').innerText(), /公众意见待审核 3 件/); // and the demo's pending one
  await editor.getByRole('link', { name: /公众意见待审核/ }).click();
  await editor.waitForURL(`${base}/console/consultations/moderation`);
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'consultation-moderation.png'), fullPage: true });
  await editor.locator('tr', { hasText: '户”的认定标准' }).getByRole('button', { name: '公开', exact: true }).click();
  await editor.waitForURL(/notice=moderated/);
  const second = editor.locator('tr', { hasText: '与上位法不一致' });
  await second.getByRole('textbox').fill('经核实，该意见所述情况与征求意见稿内容不符');
  await second.getByRole('button', { name: '不予公开' }).click();
  await editor.waitForURL(/notice=moderated/);
  assert.doesNotMatch(await editor.locator('main').innerText(), /认定标准|与上位法不一致/);

  await citizen.goto(`${base}/consultations/${id}`);
  const shown = await citizen.locator('#comments').innerText();
  assert.match(shown, /“户”的认定标准/);
  assert.doesNotMatch(shown, /与上位法不一致/);
  const text = await citizen.locator('main').innerText();
  for (const secret of ['孙八', '13500002222']) assert.ok(!text.includes(secret), `the portal shows ${secret}`);
  await citizen.screenshot({ path: join(SCREENSHOT_DIR, 'consultation-open.png'), fullPage: true });

  // the consultation closes: the day after its end
  day = '2025-11-13';
  await citizen.reload();
  assert.match(await citizen.locator('#phase').innerText(), /已截止/);
  assert.equal(await citizen.getByLabel('您的意见').count(), 0, 'no form once closed');

  // the feedback: written by the editor, published by the head
  await editor.goto(consoleUrl);
  await editor.getByLabel(/^反馈说明/).fill('征求意见期间共收到意见 2 条，经研究，采纳 1 条。');
  await editor.getByLabel('意见要点 1 内容').fill('明确“户”的认定标准');
  await editor.getByLabel('意见要点 1 处理结果').selectOption('adopted');
  await editor.getByLabel('意见要点 2 内容').fill('删除第二条');
  await editor.getByLabel('意见要点 2 处理结果').selectOption('not_adopted');
  await editor.getByLabel('意见要点 2 理由').fill('“一户一宅”是《中华人民共和国土地管理法》第六十二条的规定');
  await editor.getByRole('button', { name: '保存结果反馈' }).click();
  await editor.waitForURL(/notice=feedback/);

  await head.goto(consoleUrl);
  await head.getByRole('button', { name: '公布结果反馈' }).click();
  await head.waitForURL(/notice=concluded/);
  assert.match(await head.locator('#phase').innerText(), /已反馈/);

  await citizen.goto(`${base}/consultations`);
  const ended = citizen.locator('section', { has: citizen.getByRole('heading', { name: '已结束的征求意见' }) });
  await ended.getByRole('link', { name: TITLE }).click();
  const feedback = await citizen.locator('#feedback').innerText();
  assert.match(feedback, /共收到意见 2 条/);
  assert.match(feedback, /删除第二条\s+未采纳\s+“一户一宅”是《中华人民共和国土地管理法》第六十二条的规定/);
  await citizen.screenshot({ path: join(SCREENSHOT_DIR, 'consultation-feedback.png'), fullPage: true });
});
