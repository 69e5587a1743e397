// The public side: the form's Chinese messages with the input kept, double submission, attachments
// with type and size checks, the per-applicant limit, look-up, withdrawal — and never any
// personal data on a public page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { buildApp } from '../../src/app/server.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { parse as parseContentDisposition } from 'content-disposition';
import mammoth from 'mammoth';
import { confirmReceipt } from '../../src/applications/commands.ts';

let t: TestApp;
const now = '2025-11-03';

before(async () => {
  setTodayForTests(() => now);
  t = await testApp();
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const NATURAL = {
  applicantKind: 'natural', name: '张三丰', idType: '居民身份证', idNumber: '11010519491231002X', phone: '13912345678', email: 'zhang@example.com',
  address: '青山县解放路 12 号', postalCode: '311300', infoTitle: '2025年城区学校划片方案', infoDocNumber: '青教〔2025〕8号', infoDescription: '', formWanted: 'electronic', delivery: 'email',
};
const SECRETS = [NATURAL.name, NATURAL.idNumber, NATURAL.phone, NATURAL.email, NATURAL.address];

const countCases = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from applications'))[0]!.n;

/** A browser-like session on the form page: cookies, CSRF token and the form's one-time key. */
async function openForm(remoteAddress = '127.0.0.1') {
  const res = await t.app.inject({ method: 'GET', url: '/apply/QS-JY', headers: { accept: 'text/html' }, remoteAddress });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
  const key = /name="submissionKey" value="([^"]+)"/.exec(res.body)![1]!;
  return { cookie, csrf, key, remoteAddress };
}

function multipartBody(fields: Record<string, string>, files: { name: string; type: string; content: Buffer }[]) {
  const boundary = '----gongkai-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function submitMultipart(session: Awaited<ReturnType<typeof openForm>>, fields: Record<string, string>, files: { name: string; type: string; content: Buffer }[] = [], app = t.app) {
  const { payload, contentType } = multipartBody({ _csrf: session.csrf, submissionKey: session.key, ...fields }, files);
  return app.inject({ method: 'POST', url: '/apply/QS-JY', headers: { accept: 'text/html', cookie: session.cookie, 'content-type': contentType }, payload, remoteAddress: session.remoteAddress });
}

test('the list of agencies that answer applications, and the form with every field of Art. 29', async () => {
  const c = new Client(t.app);
  const list = await c.get('/apply');
  assert.match(list.body, /青山县教育局/);
  assert.doesNotMatch(list.body, /href="\/apply\/SF-YL-QS"/, 'a region is not an agency');
  const form = await c.get('/apply/QS-JY');
  for (const label of ['自然人', '法人或其他组织', '证件类型', '统一社会信用代码', '法定代表人或负责人', '联系人', '所需信息的名称', '文号', '获取信息的形式', '获取信息的方式', '附件']) {
    assert.ok(form.body.includes(label), `the form lacks ${label}`);
  }
  for (const column of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) assert.ok(form.body.includes(`>${column}<`));
  assert.equal((await c.get('/apply/SF-YL-QS')).statusCode, 404);
});

test('every invalid field gets its own Chinese message, the input is kept, nothing is stored', async () => {
  const c = new Client(t.app);
  const empty = await c.post('/apply/QS-JY', {}, '/apply/QS-JY');
  assert.equal(empty.statusCode, 400);
  for (const m of ['请选择申请人类型', '请填写联系电话', '请填写所需信息的名称', '请选择获取信息的形式', '请选择获取信息的方式']) assert.ok(empty.body.includes(m), `missing message: ${m}`);

  const res = await c.post('/apply/QS-JY', { ...NATURAL, idNumber: '110105194912310021', phone: '12345', email: 'zhang@', formWanted: 'paper' }, '/apply/QS-JY');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /id="err-idNumber">居民身份证号码不正确/);
  assert.match(res.body, /id="err-phone">联系电话格式不正确/);
  assert.match(res.body, /id="err-email">电子邮箱格式不正确/);
  assert.match(res.body, /id="err-delivery">纸质文本只能邮寄或当面领取/);
  assert.match(res.body, /aria-invalid="true" aria-describedby="err-idNumber"/);
  assert.match(res.body, /value="张三丰"/);
  assert.match(res.body, /value="2025年城区学校划片方案"/);
  assert.match(res.body, /申请表有 4 处需要修改/);

  const org = await c.post('/apply/QS-JY', { ...NATURAL, applicantKind: 'organization', orgName: '', orgColumn: '' }, '/apply/QS-JY');
  for (const m of ['请填写法人或其他组织的名称', '请选择组织类别', '请填写统一社会信用代码', '请填写法定代表人或负责人', '请填写联系人姓名']) assert.ok(org.body.includes(m), `missing message: ${m}`);
  assert.equal(await countCases(), 0);
});

test('a double submission is detected: the same form twice, or the same content again, is one application', async () => {
  const before = await countCases();
  const session = await openForm();
  const first = await submitMultipart(session, NATURAL);
  assert.equal(first.statusCode, 303, first.body.slice(0, 300));
  assert.equal(first.headers.location, '/track?notice=submitted');
  const again = await submitMultipart(session, NATURAL);
  assert.equal(again.headers.location, '/track?notice=duplicate');
  const newForm = await openForm();
  const sameContent = await submitMultipart(newForm, NATURAL);
  assert.equal(sameContent.headers.location, '/track?notice=duplicate');
  assert.equal(await countCases(), before + 1);

  // The first submission opened the case page for its own browser.
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const own = await t.app.inject({ method: 'GET', url: '/track?notice=submitted', headers: { accept: 'text/html', cookie: cookieOf(first) } });
  assert.match(own.body, /QS-JY-2025-00001/);
  for (const s of SECRETS) assert.ok(!own.body.includes(s), `the public page shows ${s}`);
});

test('a duplicate never grants access: whoever sends the same content again is told how to look it up, and cannot open or withdraw the case', async () => {
  // Someone who knows the applicant's ID number and the title of the information sought.
  const someoneElse = await openForm('127.0.0.9');
  const dup = await submitMultipart(someoneElse, { ...NATURAL, name: '李四', phone: '13900000000', email: 'other@example.com' });
  assert.equal(dup.statusCode, 303);
  assert.equal(dup.headers.location, '/track?notice=duplicate');
  assert.ok(!dup.cookies.some((c) => c.name === 'gk_case'), 'a duplicate sets no case cookie');
  const cookie = [someoneElse.cookie, ...dup.cookies.map((c) => `${c.name}=${c.value}`)].filter(Boolean).join('; ');
  const page = await t.app.inject({ method: 'GET', url: '/track?notice=duplicate', headers: { accept: 'text/html', cookie } });
  assert.match(page.body, /本机关已收到内容相同的申请，本次未重复登记/);
  assert.match(page.body, /id="t-receiptNo"/, 'the look-up form, not the case');
  assert.doesNotMatch(page.body, /QS-JY-2025-\d{5}/);
  assert.doesNotMatch(page.body, new RegExp(NATURAL.infoTitle));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const withdraw = await t.app.inject({
    method: 'POST', url: '/track/withdraw', headers: { accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf)}`, remoteAddress: '127.0.0.9',
  });
  assert.equal(withdraw.statusCode, 403);
  const [c] = await t.db.query<{ state: string }>("select state from applications where receipt_no = 'QS-JY-2025-00001'");
  assert.notEqual(c!.state, 'withdrawn');
});

test('attachments: type and content checked, size limited, stored with the case for staff only', async () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);
  const fake = await submitMultipart(await openForm(), { ...NATURAL, infoTitle: '附件测试一' }, [{ name: 'id-card.pdf', type: 'application/pdf', content: Buffer.from('not a pdf') }]);
  assert.equal(fake.statusCode, 400);
  assert.match(fake.body, /附件“id-card.pdf”的内容与文件类型不符/);
  assert.match(fake.body, /value="附件测试一"/);
  const exe = await submitMultipart(await openForm(), { ...NATURAL, infoTitle: '附件测试二' }, [{ name: 'virus.exe', type: 'application/octet-stream', content: Buffer.from('MZ') }]);
  assert.match(exe.body, /类型不支持/);
  const big = await submitMultipart(await openForm(), { ...NATURAL, infoTitle: '附件测试三' }, [{ name: 'big.pdf', type: 'application/pdf', content: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 10)]) }]);
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /超过 5 MB/);

  const ok = await submitMultipart(await openForm(), { ...NATURAL, infoTitle: '附件测试四' }, [{ name: '身份证明.pdf', type: 'application/pdf', content: pdf }]);
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const [row] = await t.db.query<{ case_id: number; file_name: string; size: number }>(`select case_id, file_name, size from application_attachments`);
  assert.equal(row!.file_name, '身份证明.pdf');
  assert.equal(row!.size, pdf.length);
  const [{ id }] = (await t.db.query<{ id: number }>('select id from application_attachments')) as [{ id: number }];
  await createUser(t.db, cliContext(), { orgCode: 'QS-JY', username: 'jy.handler', displayName: '教育局办理人', password: 'Education-2026', roles: ['handler'] });
  const own = await new Client(t.app).loginReady('jy.handler', 'Education-2026');
  const file = await own.get(`/console/applications/${row!.case_id}/attachment?id=${id}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.deepEqual(file.rawPayload, pdf);
  // staff of another organization never reach it
  const other = await new Client(t.app).loginReady('zrzy.handler');
  assert.equal((await other.get(`/console/applications/${row!.case_id}/attachment?id=${id}`)).statusCode, 404);

  // A name that tries to end the header's quoted name is stored cleaned and offered under that one name.
  const hostile = 'scan\\"; filename*=UTF-8\'\'invoice.hta; x=\\".png';
  const sneaky = await submitMultipart(await openForm(), { ...NATURAL, infoTitle: '附件测试五' }, [{ name: hostile, type: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }]);
  assert.equal(sneaky.statusCode, 303, sneaky.body.slice(0, 300));
  const [png] = await t.db.query<{ id: number; case_id: number; file_name: string }>("select id, case_id, file_name from application_attachments where file_name like 'scan%'");
  assert.doesNotMatch(png!.file_name, /["\\]/);
  assert.match(png!.file_name, /\.png$/);
  const offered = await own.get(`/console/applications/${png!.case_id}/attachment?id=${png!.id}`);
  const header = String(offered.headers['content-disposition']);
  const parsed = parseContentDisposition(header);
  assert.equal(parsed.type, 'attachment');
  assert.equal(parsed.parameters.filename, png!.file_name, header);
});

test('look-up, answering nothing that is not asked, and withdrawal online', async () => {
  const c = new Client(t.app);
  const wrong = await c.post('/track', { receiptNo: 'QS-JY-2025-00001', contact: 'someone@example.com' }, '/track');
  assert.equal(wrong.statusCode, 400);
  const byEmail = await c.post('/track', { receiptNo: 'qs-jy-2025-00001', contact: ' ZHANG@example.com ' }, '/track');
  assert.equal(byEmail.statusCode, 303, 'e-mail and receipt number are matched case-insensitively');
  let page = await c.get('/track');
  assert.match(page.body, /待确认收到/);
  assert.match(page.body, /待工作人员确认/);
  assert.doesNotMatch(page.body, /请补正申请内容/);
  const correction = await c.post('/track/correction', { description: '不请自来的补正' }, '/track');
  assert.equal(correction.statusCode, 409, 'no 补正 was requested');
  assert.match(correction.body, /不能登记补正/);

  const unconfirmed = await c.post('/track/withdraw', {}, '/track');
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /请勾选/);
  const done = await c.post('/track/withdraw', { confirm: 'yes' }, '/track');
  assert.equal(done.statusCode, 303);
  page = await c.get('/track?notice=withdrawn');
  assert.match(page.body, /您的申请已撤回/);
  assert.match(page.body, /id="case-state">已撤回/);
  for (const s of SECRETS) assert.ok(!page.body.includes(s), `the public page shows ${s}`);
  const [row] = await t.db.query<{ state: string; concluded_on: string | null; outcome: string | null }>(`select state, concluded_on, outcome from applications where receipt_no = 'QS-JY-2025-00001'`);
  assert.deepEqual(row, { state: 'withdrawn', concluded_on: null, outcome: null }, 'never received: not counted in table 3');

  const loggedOut = new Client(t.app);
  const forged = await loggedOut.request('POST', '/track/withdraw', { form: { _csrf: await loggedOut.csrfFrom('/track'), confirm: 'yes' }, headers: { cookie: 'gk_case=1' } });
  assert.equal(forged.statusCode, 403, 'an unsigned case cookie is refused');
});

test('the per-applicant limit: the 21st online application of one applicant in 24 hours is refused', async () => {
  const before = await countCases();
  let last = null;
  for (let i = 1; i <= 21; i++) {
    // each from another address, so that only the per-applicant limit can apply
    last = await submitMultipart(await openForm(`10.0.0.${i}`), { ...NATURAL, idNumber: '110101199003070011'.slice(0, 17) + checkDigit('11010119900307001'), phone: '13700000000', email: '', delivery: 'online', infoTitle: `第 ${i} 件申请` });
    if (i <= 20) assert.equal(last.statusCode, 303, `application ${i}: ${last.body.slice(0, 200)}`);
  }
  assert.equal(last!.statusCode, 429);
  assert.match(last!.body, /同一申请人 24 小时内向本机关在线提交的申请已达 20 件/);
  assert.equal(await countCases(), before + 20);
});

test('the per-address limit holds across app processes: the 31st online application from one address in an hour is refused in Chinese, nothing stored', async () => {
  // A second app on the same database stands for a second process behind the proxy; the
  // submissions alternate between the two, and the counter in the database sees them all.
  const second = await buildApp({ db: t.db, config: t.config });
  try {
    const before = await countCases();
    const submit = async (address: string, i: number) =>
      submitMultipart(await openForm(address), { ...NATURAL, name: `申请人${i}`, idType: '护照', idNumber: `P${String(i).padStart(8, '0')}`, phone: `1380000${String(i).padStart(4, '0')}`, email: '', delivery: 'online', infoTitle: `地址限额测试 ${i}` }, [], i % 2 ? second : t.app);
    for (let i = 1; i <= 30; i++) {
      const res = await submit('10.9.9.9', i);
      assert.equal(res.statusCode, 303, `application ${i}: ${res.body.slice(0, 200)}`);
    }
    const refused = await submit('10.9.9.9', 31);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.headers['content-type'] as string, /text\/html/);
    assert.match(refused.body, /请求过于频繁，请稍后再试/);
    assert.equal(await countCases(), before + 30);
    const elsewhere = await submit('10.9.9.10', 32);
    assert.equal(elsewhere.statusCode, 303, 'another address is not affected');
    assert.equal(await countCases(), before + 31);
    const stored = await t.db.query<{ key: string }>('select key from rate_limit_counters');
    assert.ok(stored.length >= 2 && stored.every((r) => !r.key.includes('10.9.9')), 'counters are keyed by a hash, not the address');
  } finally {
    await second.close();
  }
});

test('progress look-ups: the 21st from one address in 10 minutes is refused, so receipt numbers cannot be tried one by one', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/track', headers: { accept: 'text/html' } });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const lookUp = (n: number) =>
    t.app.inject({
      method: 'POST', url: '/track', remoteAddress: '10.8.8.8', headers: { accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf, receiptNo: `QS-JY-2025-${String(n).padStart(5, '0')}`, contact: '13000000000' }).toString(),
    });
  for (let n = 1; n <= 20; n++) {
    const res = await lookUp(n);
    assert.equal(res.statusCode, 400, `look-up ${n}: ${res.body.slice(0, 200)}`);
  }
  const refused = await lookUp(21);
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /请求过于频繁，请稍后再试/);
});

test('the form marks every required field in words, writes its attributes as attributes, and links each error', async () => {
  const c = new Client(t.app, '10.7.7.1');
  const form = await c.get('/apply/QS-JY');
  // 姓名 was required but unmarked; now every field the applicant must fill says so in text.
  for (const k of ['name', 'idType', 'idNumber', 'orgName', 'orgColumn', 'creditCode', 'legalRepresentative', 'contactPerson', 'phone', 'infoTitle']) {
    assert.match(form.body, new RegExp(`<label for="f-${k}">[^<]+ <span class="required">（必填）</span>`), k);
  }
  for (const legend of ['申请人类型', '获取信息的形式', '获取信息的方式']) assert.ok(form.body.includes(`${legend} <span class="required">（必填）</span>`), legend);
  assert.doesNotMatch(form.body, /<label for="f-(email|address|postalCode|infoDocNumber)">[^<]+ <span class="required">/, 'optional or conditional fields are not marked required');
  assert.match(form.body, /<input id="f-name" name="name" value="" aria-required="true" autocomplete="name">/);
  assert.match(form.body, /type="tel" autocomplete="tel"/);
  assert.doesNotMatch(form.body, /&quot;/, 'no attribute was escaped into text');
  assert.match(form.body, /<a class="brand" href="\/">青山县教育局政府信息公开<\/a>/, 'the full name in the header');

  // Nothing chosen, name missing: every problem at once, the summary first and focused, each entry linked to a field that exists.
  const before = await countCases();
  const res = await c.post('/apply/QS-JY', { applicantKind: 'natural', phone: '13912345678', infoTitle: '2025年城区学校划片方案' }, '/apply/QS-JY');
  assert.equal(res.statusCode, 400);
  for (const m of ['请填写申请人姓名', '请选择证件类型', '请填写证件号码', '请选择获取信息的形式', '请选择获取信息的方式']) assert.ok(res.body.includes(m), m);
  assert.match(res.body, /申请表有 5 处需要修改/);
  assert.match(res.body, /<div class="error error-summary" role="alert" id="form-errors" tabindex="-1" autofocus>/);
  assert.ok(res.body.indexOf('id="form-errors"') < res.body.indexOf('<form method="post" action="/apply/QS-JY"'), 'the summary comes before the form');
  for (const href of [...res.body.matchAll(/<li><a href="#(f-[a-zA-Z]+)">/g)].map((m) => m[1]!)) assert.ok(res.body.includes(`id="${href}"`), `${href} exists`);
  assert.equal(await countCases(), before);
});

test('a bad attachment is reported together with the form’s own problems, not in a second round', async () => {
  const res = await submitMultipart(await openForm('10.7.7.2'), { ...NATURAL, name: '', infoTitle: '附件与表单' }, [{ name: 'scan.exe', type: 'application/octet-stream', content: Buffer.from('MZ') }]);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /id="err-name">请填写申请人姓名/);
  assert.match(res.body, /id="err-attachments">附件“scan.exe”的类型不支持/);
  assert.match(res.body, /申请表有 2 处需要修改/);
});

test('the receipt: a printable 回执 with the expected reply date, then the date the clock counts once received', async () => {
  const first = await submitMultipart(await openForm('10.7.7.3'), { ...NATURAL, infoTitle: '回执测试：2025年校舍安全检查报告' });
  assert.equal(first.statusCode, 303, first.body.slice(0, 300));
  const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const track = async () => (await t.app.inject({ method: 'GET', url: '/track', headers: { accept: 'text/html', cookie } })).body;
  let page = await track();
  assert.match(page, /<section class="receipt" aria-labelledby="receipt-title">\s*<h2 id="receipt-title">政府信息公开申请回执<\/h2>/);
  assert.match(page, /<dt>提交方式<\/dt><dd>互联网在线提交<\/dd>/);
  // submitted Monday 2025-11-03, not yet confirmed: 4–7 Nov 4, 10–14 9, 17–21 14, 24–28 19, 1 Dec 20
  assert.match(page, /id="due-date">自本机关收到申请之日起 20 个工作日内（条例第三十三条）；如于今日确认收到，为 <strong>2025-12-01<\/strong> 前/);
  assert.match(page, /<button type="button" data-print hidden>打印回执<\/button>/, 'the print button, shown by the script');
  assert.match(page, /Ctrl\+P/, 'without a script, the page says how to print');
  for (const s of SECRETS) assert.ok(!page.includes(s), `the receipt shows ${s}`);
  const css = await t.app.inject({ method: 'GET', url: '/assets/applications.css' });
  assert.match(css.body, /@media print \{\s*body:has\(\.receipt\) main > :not\(\.receipt\) \{ display: none; \}/);
  const js = await t.app.inject({ method: 'GET', url: '/assets/applications.js' });
  assert.match(js.body, /window\.print\(\)/);

  const [{ id }] = (await t.db.query<{ id: number }>(`select id from applications where info_title = '回执测试：2025年校舍安全检查报告'`)) as [{ id: number }];
  setTodayForTests(() => '2025-11-04');
  try {
    await confirmReceipt(t.db, cliContext(), id, { confirmedOn: '2025-11-04' });
    page = await track();
  } finally {
    setTodayForTests(() => now);
  }
  // received Tuesday 11-04: 5–7 Nov 3, 10–14 8, 17–21 13, 24–28 18, 1–2 Dec 20
  assert.match(page, /<dt>答复期限<\/dt><dd id="due-date">2025-12-02 前<\/dd>/);
  assert.doesNotMatch(page, /如于今日确认收到/);
});

test('the paper 申请表: a Word document of the agency with every field of the online form, linked from /apply', async () => {
  const c = new Client(t.app, '10.7.7.4');
  assert.match((await c.get('/apply')).body, /<a href="\/apply\/QS-JY\/form.docx" download>申请表（Word）<\/a>/);
  assert.match((await c.get('/apply/QS-JY')).body, /<a href="\/apply\/QS-JY\/form.docx" download>下载申请表（Word）<\/a>/);
  const res = await c.get('/apply/QS-JY/form.docx');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(parseContentDisposition(String(res.headers['content-disposition'])).parameters.filename, '青山县教育局政府信息公开申请表.docx');
  const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
  assert.match(text, /^政府信息公开申请表\s+受理机关：青山县教育局/);
  for (const label of ['姓名', '证件类型', '证件号码', '名称', '组织类别', '统一社会信用代码', '法定代表人或负责人', '联系人', '联系电话', '电子邮箱', '通信地址', '邮政编码', '所需信息的名称', '文号', '所需信息的其他特征描述', '获取信息的形式', '获取信息的方式', '申请人签名或者盖章', '申请日期']) {
    assert.match(text, new RegExp(`^${label}$`, 'm'), label);
  }
  assert.match(text, /□纸质文本　□电子文本/);
  assert.match(text, /□邮寄　□电子邮件　□当面领取　□网上获取/);
  assert.match(text, /□商业企业　□科研机构　□社会公益组织　□法律服务机构　□其他/);
  assert.match(text, /邮寄、传真至青山县教育局（地址：青山县人民路 1 号；电话：0571-80000105）/);
  assert.equal((await c.get('/apply/SF-YL-QS/form.docx')).statusCode, 404, 'a region answers no applications');
});

/** GB 11643 check character of the first 17 digits. */
function checkDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
}
