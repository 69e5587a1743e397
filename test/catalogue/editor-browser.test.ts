// Issue 21 in a real browser, as a person met it: an ID number with a wrong check digit was not
// flagged (item 2); 解读 linked to the wrong policy documents and a picker offering everything
// (item 3); the 政策文件 card squeezing titles and standing its badge on end (item 4); and the
// editor's form — rich text pasted from Word, date inputs, the 主题分类 list, files with the first
// save, and the same form without JavaScript (item 10). Screenshots: test-output/issue21-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cliContext } from '../../src/orgs/context.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { seedCatalogueDemo } from '../../src/catalogue/demo.ts';
import { changeItemValidity } from '../../src/catalogue/commands.ts';
import { latestVersion, listAttachments } from '../../src/catalogue/store.ts';
import { currentYear, today } from '../../src/core/today.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let editor: Page;

before(async () => {
  t = await testApp();
  // A second editor for the form without JavaScript; a second reviewer and a 保密审查员 so that the
  // default review stages can be staffed.
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'eb.nojs', displayName: '无脚本撰写人', password: DEMO_PASSWORD, roles: ['editor'] });
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'eb.r2', displayName: '复审人', password: DEMO_PASSWORD, roles: ['reviewer'] });
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'eb.bm', displayName: '保密审查员', password: DEMO_PASSWORD, roles: ['confidentiality'] });
  // The demo catalogue (last year and this one), as `npm start` makes it, and its newest policy
  // document of 青山县自然资源局 amended (a badge in the 政策文件 card).
  await seedCatalogueDemo(t.db, [currentYear() - 1]);
  const zrzy = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const [newest] = await t.db.query<{ id: number }>(
    `select i.id from catalogue_items i join catalogue_versions v on v.id = i.published_version_id join catalogue_columns c on c.id = v.column_id
     where i.org_id = $1 and c.kind = 'policy' order by v.published_date desc, i.id desc limit 1`,
    [zrzy.id],
  );
  await changeItemValidity(t.db, cliContext(), newest!.id, { validity: 'amended', date: today(), note: '' });
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
  editor = await signIn(await browser.newContext(), 'zrzy.editor');
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** A page of a fresh context signed in as the user (the first login changes the initial password). */
const signIn = (context: BrowserContext, username: string): Promise<Page> => signedIn(context, base, username);

async function chooseColumn(page: Page, name: string) {
  const value = await page.locator('select[name="columnId"] option', { hasText: name }).first().getAttribute('value');
  await page.locator('select[name="columnId"]').selectOption(value!);
}

/** Types into the rich-text editor, as a person does. */
async function typeBody(page: Page, text: string) {
  await page.getByRole('textbox', { name: '正文' }).click();
  await page.keyboard.type(text);
}

test('item 2: an ID number with a wrong check digit is flagged as 疑似身份证号码（校验位不符） and 提交审核 is disabled', async () => {
  await editor.goto(`${base}/console/catalogue/new`);
  await chooseColumn(editor, '通知公告');
  await editor.locator('input[name="title"]').fill('关于公布征地补偿对象名单的公告');
  await typeBody(editor, '补偿对象：王某，身份证号码110101199003071234；李某，身份证号码11010119900307123X。');
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/\/console\/catalogue\/items\/\d+\?notice=created/);

  const findings = editor.locator('ol.findings li');
  assert.equal(await findings.count(), 2);
  for (const [i, number] of ['110101199003071234', '11010119900307123X'].entries()) {
    assert.equal(await findings.nth(i).locator('strong').textContent(), '疑似身份证号码（校验位不符）');
    assert.equal(await findings.nth(i).locator('mark').textContent(), number);
  }
  assert.ok(await editor.getByRole('button', { name: '提交审核' }).isDisabled());
  assert.ok(await editor.getByText('有 2 处保密审查提示未处理，处理后才能提交').isVisible());
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-id-number-bad-check-digit.png'), fullPage: true });
});

test('item 3 (and 4): each policy document on the portal shows its own 解读; the card keeps titles on a line; the picker offers only 解读, none chosen', async () => {
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await visitor.goto(`${base}/orgs/QS-ZRZY/catalogue`);

  // Item 4: in the 政策文件 card, titles run on full lines (not 2–4 characters a line) and a badge lies flat.
  const card = visitor.locator('section.column', { has: visitor.getByRole('link', { name: '政策文件', exact: true }) });
  const titles = card.locator('ul.items a[href^="/items/"]');
  assert.ok((await titles.count()) >= 3);
  // Lines of a title: its height over the height of its first character.
  const lineCounts = await titles.evaluateAll((as) => as.map((a) => {
    const first = document.createRange();
    first.setStart(a.firstChild!, 0);
    first.setEnd(a.firstChild!, 1);
    return { text: a.textContent ?? '', lines: Math.round(a.getBoundingClientRect().height / first.getBoundingClientRect().height) };
  }));
  for (const { text, lines } of lineCounts) assert.ok(text.length / lines >= Math.min(text.length, 8), `“${text}” takes ${lines} lines`);
  assert.ok((await card.locator('.badge', { hasText: '已修订' }).count()) >= 1, 'the card shows the 已修订 badge');
  const badges = card.locator('.badge');
  for (let i = 0; i < (await badges.count()); i++) {
    const box = (await badges.nth(i).boundingBox())!;
    assert.ok(box.width > box.height, `badge ${i} lies flat: ${box.width}×${box.height}`);
  }
  await card.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-policy-card.png') });

  // Item 3: the policy documents of the column, each with exactly its own 解读.
  await card.getByRole('link', { name: '政策文件', exact: true }).click();
  const links = visitor.locator('ul.items a[href^="/items/"]');
  const policies: [string, string][] = [];
  for (let i = 0; i < (await links.count()); i++) policies.push([(await links.nth(i).textContent())!, (await links.nth(i).getAttribute('href'))!]);
  assert.ok(policies.length >= 4, `${policies.length} policy documents`);
  for (const [title, href] of policies) {
    await visitor.goto(`${base}${href}`);
    const related = visitor.locator('section.related', { has: visitor.getByRole('heading', { name: '相关解读' }) }).locator('li a');
    assert.deepEqual(await related.allTextContents(), [`《${title}》政策解读`], title);
  }
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-policy-with-own-interpretation.png'), fullPage: true });

  // The picker of a new policy document: only 政策解读 items, and nothing chosen.
  await editor.goto(`${base}/console/catalogue/new`);
  await chooseColumn(editor, '政策文件');
  await editor.locator('input[name="title"]').fill('青山县自然资源局行政规范性文件管理办法');
  await editor.locator('select[name="docKind"]').selectOption('normative');
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/notice=created/);
  const picker = editor.getByLabel('关联解读');
  assert.equal(await picker.inputValue(), '', 'nothing preselected');
  const options = await picker.locator('option').allTextContents();
  assert.equal(options[0], '请选择政策解读');
  assert.ok(options.length > 2 && options.slice(1).every((o) => /^《.+》政策解读/.test(o)), options.join(' / '));
  await editor.getByRole('heading', { name: '政策解读关联' }).scrollIntoViewIfNeeded();
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-interpretation-picker.png'), fullPage: true });
});

const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><p class=MsoNormal style='text-indent:2em;mso-line-height-rule:exactly'><b>一、补偿标准</b><o:p></o:p></p>
<p class=MsoNormal><span style='font-family:仿宋_GB2312;color:red'>按照省定标准执行。</span><o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200 style='border:solid windowtext 1pt'><p class=MsoNormal>地类</p></td><td><p class=MsoNormal>标准（元/亩）</p></td></tr>
<tr><td><p class=MsoNormal>耕地</p></td><td><p class=MsoNormal>52000</p></td></tr></table>
<img src="file:///C:/Users/x/image001.png"><script>window.pwned = 1</script><!--EndFragment--></body></html>`;

test('item 10: rich text pasted from Word, a date input, the 主题分类 list and a file with the first save; the form works without JavaScript', async () => {
  await editor.goto(`${base}/console/catalogue/new`);
  assert.ok(await editor.getByRole('toolbar', { name: '正文格式' }).isVisible(), 'the rich-text editor is there');
  assert.ok(await editor.locator('textarea[name="body"]').isHidden());
  await chooseColumn(editor, '通知公告');
  await editor.locator('input[name="title"]').fill('关于公布征地补偿标准的公告');
  assert.equal(await editor.locator('input[name="writtenDate"]').getAttribute('type'), 'date');
  await editor.locator('input[name="writtenDate"]').fill('2025-06-03');
  await editor.getByLabel('主题分类').selectOption('国土资源、能源');

  await typeBody(editor, '各有关单位：');
  await editor.getByRole('button', { name: '加粗' }).click();
  await editor.keyboard.type('特此公告');
  await editor.keyboard.press('Enter');
  // Pasting from Word: what the clipboard holds then.
  await editor.getByRole('textbox', { name: '正文' }).evaluate((area, markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', '一、补偿标准');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_PASTE);
  await editor.getByRole('textbox', { name: '正文' }).locator('td', { hasText: '52000' }).waitFor();
  assert.equal(await editor.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  await editor.locator('input[name="file1"]').setInputFiles({ name: '补偿标准.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') });
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-rich-editor.png'), fullPage: true });
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/notice=created-with-files/);

  const itemId = Number(/items\/(\d+)/.exec(editor.url())![1]);
  const v = (await latestVersion(t.db, itemId))!;
  assert.equal(v.writtenDate, '2025-06-03');
  assert.equal(v.topic, '国土资源、能源');
  assert.match(v.body, /<p>各有关单位：<b>特此公告<\/b><\/p>/);
  assert.match(v.body, /<b>一、补偿标准<\/b>/);
  assert.match(v.body, /<table>[\s\S]*<td>[\s\S]*地类[\s\S]*<td>[\s\S]*52000/);
  assert.doesNotMatch(v.body, /style=|class=|<img|<script|o:p|<span|<!--/);
  assert.deepEqual((await listAttachments(t.db, v.id)).map((a) => a.fileName), ['补偿标准.png']);
  assert.ok(await editor.getByRole('link', { name: '补偿标准.png' }).isVisible());
  // The saved body comes back into the editor as it was.
  assert.ok(await editor.getByRole('textbox', { name: '正文' }).locator('b', { hasText: '特此公告' }).isVisible());
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-rich-editor-saved.png'), fullPage: true });

  // Without JavaScript: the textarea, no toolbar; the same form saves.
  const plain = await signIn(await browser.newContext({ javaScriptEnabled: false }), 'eb.nojs');
  await plain.goto(`${base}/console/catalogue/new`);
  assert.equal(await plain.getByRole('toolbar').count(), 0);
  await chooseColumn(plain, '通知公告');
  await plain.locator('input[name="title"]').fill('关于无脚本浏览器提交的通知');
  await plain.locator('textarea[name="body"]').fill('第一段。\n\n第二段。');
  await plain.locator('input[name="writtenDate"]').fill('2025-06-04');
  await plain.getByLabel('主题分类').selectOption('综合政务');
  await plain.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-form-without-javascript.png'), fullPage: true });
  await plain.getByRole('button', { name: '保存草稿' }).click();
  await plain.waitForURL(/notice=created/);
  const nojs = (await latestVersion(t.db, Number(/items\/(\d+)/.exec(plain.url())![1])))!;
  assert.deepEqual([nojs.body, nojs.writtenDate, nojs.topic], ['<p>第一段。</p>\n<p>第二段。</p>', '2025-06-04', '综合政务']);
});
