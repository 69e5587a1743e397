// Messages on a real database (PGlite, or the PostgreSQL of DATABASE_URL): intake with the query code,
// transfer (the clock restarts), merge and split, reply drafted and signed, publication with consent and
// redaction, conversion to a 依申请公开 application (through the app's hook) and to 信访, the rating, the
// per-organization periods, the statistics and the §D.4 count the catalogue's inspection takes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import * as c from '../../src/interaction/commands.ts';
import { findMessage, listTransfers } from '../../src/interaction/store.ts';
import { statsOf, unansweredOlderThan3Months, writerViewByCode } from '../../src/interaction/reads.ts';
import { MASK } from '../../src/interaction/rules/redaction.ts';
import { interactionHooks, UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';
import { runInspection } from '../../src/catalogue/inspection/commands.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let zrzy: Organization;
let sl: Organization;
let day = '2025-09-30';
const ctx = cliContext();

const form = (x: Record<string, unknown> = {}) => ({ category: 'consult', subject: '宅基地审批材料', content: '请问宅基地审批需要哪些材料？', name: '王小明', phone: '13905710001', ...x });

before(async () => {
  setTodayForTests(() => day);
  t = await testDatabase();
  await createOrg(t.db, ctx, { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await createOrg(t.db, ctx, { kind: 'department', fullName: '测试县自然资源局', shortName: '自然资源局', code: 'CS-ZRZY', parentCode: 'CS' });
  await createOrg(t.db, ctx, { kind: 'department', fullName: '测试县水利局', shortName: '水利局', code: 'CS-SL', parentCode: 'CS' });
  zrzy = (await findOrgByCode(t.db, 'CS-ZRZY'))!;
  sl = (await findOrgByCode(t.db, 'CS-SL'))!;
});
after(async () => {
  await t.close();
  setTodayForTests(null);
});

test('intake: a query code shown once, its hash stored, the due date over the National Day holiday, no contact in the audit log', async () => {
  day = '2025-09-30';
  const r = await c.submitOnline(t.db, zrzy, form({ consentPublish: 'yes' }), 'key-1');
  assert.ok(r.queryCode);
  const m = (await findMessage(t.db, r.id))!;
  assert.equal(m.receivedOn, '2025-09-30');
  assert.equal(m.dueOn, '2025-10-10', '咨询: 2 working days, 1–8 October off');
  assert.equal(m.consentPublish, true);
  const [row] = await t.db.query<{ query_code_hash: string }>('select query_code_hash from interaction_messages where id = $1', [r.id]);
  assert.notEqual(row!.query_code_hash, r.queryCode);
  // the same form sent again: one message, no second code
  assert.deepEqual(await c.submitOnline(t.db, zrzy, form(), 'key-1'), { id: r.id, queryCode: null });
  const audit = await t.db.query<{ summary: unknown }>(`select summary from audit_log where target_type = 'letter' and target_id = $1`, [String(r.id)]);
  assert.equal(audit.length, 1);
  const text = JSON.stringify(audit[0]!.summary);
  for (const secret of ['王小明', '13905710001', '宅基地']) assert.ok(!text.includes(secret), `audit summary holds ${secret}`);
  // refused input says what is wrong in Chinese
  await assert.rejects(c.submitOnline(t.db, zrzy, form({ phone: '', email: '' }), null), /请填写联系电话或电子邮箱/);
});

test('transfer: never to itself; recorded; the receiving agency’s clock restarts on the day of the transfer', async () => {
  day = '2025-09-26';
  const r = await c.submitOnline(t.db, zrzy, form({ category: 'complain', subject: '河道采砂', content: '青山溪夜间有人采砂。' }), null);
  assert.equal((await findMessage(t.db, r.id))!.dueOn, '2025-10-23', '投诉: 15 working days, 28 September and 11 October worked');
  await assert.rejects(c.transferMessage(t.db, ctx, r.id, { toOrgId: zrzy.id, reason: '测试' }), /不能转办给本机关/);
  const county = (await findOrgByCode(t.db, 'CS'))!;
  await assert.rejects(c.transferMessage(t.db, ctx, r.id, { toOrgId: county.id, reason: '测试' }), /不能转给地区/);
  day = '2025-09-30';
  await c.transferMessage(t.db, ctx, r.id, { toOrgId: sl.id, reason: '河道采砂属水利部门职责' });
  const m = (await findMessage(t.db, r.id))!;
  assert.equal(m.orgId, sl.id);
  assert.equal(m.addressedOrgId, zrzy.id);
  assert.equal(m.receivedOn, '2025-09-26', 'the writer’s date is kept');
  assert.equal(m.clockStartOn, '2025-09-30');
  assert.equal(m.dueOn, '2025-10-28', '15 working days from 30 September');
  const [tr] = await listTransfers(t.db, r.id);
  assert.deepEqual({ from: tr!.fromOrgName, to: tr!.toOrgName, reason: tr!.reason, on: tr!.transferredOn }, { from: '测试县自然资源局', to: '测试县水利局', reason: '河道采砂属水利部门职责', on: '2025-09-30' });
  const w = (await writerViewByCode(t.db, r.queryCode!))!;
  assert.equal(w.orgName, '测试县水利局');
  assert.deepEqual(w.transfers, [{ toOrgName: '测试县水利局', on: '2025-09-30' }]);
});

test('merge and split: a duplicate is answered with the other, a part split off is followed with the same code', async () => {
  day = '2025-10-09';
  const first = await c.submitOnline(t.db, zrzy, form({ subject: '耕地补偿标准', content: '耕地占用补偿标准是多少？' }), null);
  const dup = await c.submitOnline(t.db, zrzy, form({ subject: '耕地补偿标准（重复）', content: '耕地占用补偿标准是多少？' }), null);
  await assert.rejects(c.mergeMessage(t.db, ctx, dup.id, { intoId: dup.id }), /不能与自身合并/);
  await c.mergeMessage(t.db, ctx, dup.id, { intoId: first.id });
  assert.equal((await findMessage(t.db, dup.id))!.state, 'merged');
  const part = await c.splitMessage(t.db, ctx, first.id, { category: 'suggest', subject: '建议公开补偿标准', content: '建议把补偿标准公开到网站上。' });
  const p = (await findMessage(t.db, part))!;
  assert.equal(p.splitFromId, first.id);
  assert.equal(p.hasQueryCode, false);
  assert.equal(p.receivedOn, '2025-10-09');
  await c.draftReply(t.db, ctx, first.id, { reply: '补偿标准按省政府公布的区片综合地价执行。' });
  await c.signReply(t.db, ctx, first.id, {}, interactionHooks(t.db));
  const dw = (await writerViewByCode(t.db, dup.queryCode!))!;
  assert.match(dw.notice!, new RegExp(`第 ${first.id} 号留言合并办理，答复如下`));
  assert.equal(dw.reply!.text, '补偿标准按省政府公布的区片综合地价执行。');
  assert.equal(dw.canRate, false, 'the rating is the merged-into writer’s');
  const fw = (await writerViewByCode(t.db, first.queryCode!))!;
  assert.deepEqual(fw.parts.map((x) => [x.subject, x.reply]), [['建议公开补偿标准', null]]);
});

test('reply: drafted, signed by the head; published only with consent, without the personal data', async () => {
  day = '2025-10-09';
  const hooks = interactionHooks(t.db);
  const withConsent = await c.submitOnline(t.db, zrzy, form({ subject: '王小明的问题', content: '我是王小明，身份证110105194912310021，手机13905710001，邮箱wxm@example.com。', email: 'wxm@example.com', consentPublish: 'yes' }), null);
  await assert.rejects(c.signReply(t.db, ctx, withConsent.id, {}, hooks), /没有待签发的答复草稿/);
  await c.draftReply(t.db, ctx, withConsent.id, { reply: '王小明您好：已收悉，请拨打 13905710001 以外的工作电话 0571-80000101 咨询。' });
  await c.returnReply(t.db, ctx, withConsent.id, { reason: '请补充办理依据' });
  assert.equal((await findMessage(t.db, withConsent.id))!.state, 'received');
  await c.draftReply(t.db, ctx, withConsent.id, { reply: '王小明您好：依据《土地管理法》第六十二条办理，工作电话 0571-80000101。' });
  await c.signReply(t.db, ctx, withConsent.id, {}, hooks);
  const m = (await findMessage(t.db, withConsent.id))!;
  assert.equal(m.state, 'answered');
  assert.equal(m.answeredOn, '2025-10-09');
  assert.equal(m.published, true);
  const shown = [m.publishedSubject, m.publishedContent, m.publishedReply].join('\n');
  for (const secret of ['王小明', '110105194912310021', '13905710001', 'wxm@example.com']) assert.ok(!shown.includes(secret), `published text holds ${secret}`);
  assert.ok(shown.includes(MASK) && shown.includes('0571-80000101') && shown.includes('《土地管理法》第六十二条'));

  const without = await c.submitOnline(t.db, zrzy, form(), null);
  await c.draftReply(t.db, ctx, without.id, { reply: '您好，材料清单如下：申请表、户口簿。' });
  await c.signReply(t.db, ctx, without.id, { publish: true }, hooks);
  assert.equal((await findMessage(t.db, without.id))!.published, false, 'no consent: not published');
  await assert.rejects(c.setPublication(t.db, ctx, without.id, true, hooks), /留言人未同意公开/);

  // the writer rates once, with the code
  await c.rateMessage(t.db, withConsent.queryCode!, { rating: 'basically' });
  await assert.rejects(c.rateMessage(t.db, withConsent.queryCode!, { rating: 'satisfied' }), /已评价/);
  const open = await c.submitOnline(t.db, zrzy, form(), null);
  await assert.rejects(c.rateMessage(t.db, open.queryCode!, { rating: 'satisfied' }), /答复后才能评价/);
});

test('conversion: to a 依申请公开 application (the writer sees its receipt number), or closed as 信访 with the reason', async () => {
  day = '2025-10-09';
  const hooks = interactionHooks(t.db);
  const r = await c.submitOnline(t.db, zrzy, form({ subject: '申请公开征地批复', content: '请公开青山镇2024年征地批复文件。' }), null);
  // the applications module refuses an application without identity: nothing changes on either side
  const before = await t.db.query<{ n: number }>('select count(*)::int as n from applications');
  await assert.rejects(c.convertToApplication(t.db, ctx, r.id, { idType: '居民身份证', idNumber: '' }, hooks), /证件号码/);
  assert.equal((await findMessage(t.db, r.id))!.state, 'received');
  assert.deepEqual(await t.db.query<{ n: number }>('select count(*)::int as n from applications'), before);
  const made = await c.convertToApplication(t.db, ctx, r.id, { idType: '居民身份证', idNumber: '11010519491231002X' }, hooks);
  assert.match(made.receiptNo, /^CS-ZRZY-2025-\d{5}$/);
  const [app] = await t.db.query<{ state: string; channel: string; submitted_on: string }>('select state, channel, submitted_on from applications where id = $1', [made.caseId]);
  assert.deepEqual(app, { state: 'submitted', channel: 'online', submitted_on: '2025-10-09' });
  const w = (await writerViewByCode(t.db, r.queryCode!))!;
  assert.equal(w.state, 'converted_application');
  assert.equal(w.receiptNo, made.receiptNo);
  assert.match(w.notice!, new RegExp(`申请编号：${made.receiptNo}`));

  const p = await c.submitOnline(t.db, zrzy, form({ subject: '反映拆迁补偿问题', content: '要求重新核定拆迁补偿，多次反映未解决。' }), null);
  await c.convertToPetition(t.db, ctx, p.id, { reason: '属于信访事项，已转县信访局依照《信访工作条例》办理' });
  const pw = (await writerViewByCode(t.db, p.queryCode!))!;
  assert.equal(pw.stateLabel, '已转信访渠道');
  assert.match(pw.notice!, /已转县信访局/);
});

test('per-organization periods: an organization’s own 咨询 period sets the due date of later messages', async () => {
  day = '2025-09-30';
  await assert.rejects(c.saveDeadlines(t.db, ctx, sl.id, { consult: 0, suggest: 10, help: 10, complain: 15 }), /至少 1 个工作日/);
  await c.saveDeadlines(t.db, ctx, sl.id, { consult: 5, suggest: 10, help: 10, complain: 15 });
  const r = await c.submitOnline(t.db, sl, form(), null);
  assert.equal((await findMessage(t.db, r.id))!.dueOn, '2025-10-14');
});

test('statistics and §D.4: from the records, the unanswered count reaches the catalogue’s inspection', async () => {
  const s = await statsOf(t.db, zrzy.id, 2025);
  // zrzy handles: intake (open), merge target (answered), dup (merged: not counted), split part (open),
  // consent (answered, published, rated), without (answered), open, converted ×2 (answered)
  assert.equal(s.received, 8);
  assert.equal(s.answered, 5);
  assert.equal(s.answeredOnTime, 5);
  assert.equal(s.published, 1);
  assert.equal(s.satisfaction, 1);
  assert.equal(s.medianWorkdays, 0);
  assert.deepEqual(await statsOf(t.db, zrzy.id, 2024), { ...s, received: 0, answered: 0, answeredOnTime: 0, medianWorkdays: null, averageWorkdays: null, published: 0, rated: 0, satisfaction: null, ratings: { satisfied: 0, basically: 0, unsatisfied: 0 } });
  // three months and more later, the open ones of zrzy are unanswered too long
  assert.equal(await unansweredOlderThan3Months(t.db, zrzy.id, '2025-12-30'), 0);
  assert.equal(await unansweredOlderThan3Months(t.db, zrzy.id, '2026-01-10'), 3);
  day = '2026-01-10';
  const { run } = await runInspection(t.db, ctx, zrzy.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
  assert.equal(run.counts.unanswered, 3);
});
