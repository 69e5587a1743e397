// Public consultation's commands on a real database: the minimum period (per kind, configurable, a
// shorter one with a reason), who may do what, comments only while open, moderation, the 结果反馈
// counted from the records, the final document through the hook, and no personal data in the audit log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { staffContext, cliContext, type CommandContext } from '../../src/orgs/context.ts';
import type { Organization } from '../../src/orgs/model.ts';
import type { Role, Staff } from '../../src/orgs/staff/model.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import * as commands from '../../src/consultations/commands.ts';
import { countComments, findConsultation, listComments, listConsultations, listFeedbackPoints } from '../../src/consultations/store.ts';
import { phaseOn } from '../../src/consultations/rules/phase.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let org: Organization;
let day = '2025-09-20';

const staff = (o: Organization, roles: Role[], name: string): CommandContext =>
  staffContext({ userId: 1000 + roles.length, username: name, displayName: name, roles, homeOrgId: o.id, homePath: o.path, orgId: o.id, mustChangePassword: false } satisfies Staff, 'req-test');

before(async () => {
  setTodayForTests(() => day);
  t = await testDatabase();
  await seedDemo(t.db);
  org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
});
after(async () => {
  await t.close();
  setTodayForTests(null);
});

const draft = (over: Record<string, string> = {}) => ({
  kind: 'normative', title: '关于征求《青山县不动产登记便民服务办法（征求意见稿）》意见的公告', draft: '第一条 为方便群众办理不动产登记，制定本办法。', explanation: '一、起草背景', startsOn: '2025-09-26', endsOn: '2025-10-13', contact: '青山县自然资源局', ...over,
});

test('the demo: one open and one closed consultation with its feedback published, in 青山县自然资源局', async () => {
  // seeded on the pinned day (dates of the demo follow today)
  const list = await listConsultations(t.db, org.id);
  assert.deepEqual(list.map((c) => phaseOn(c, day)).sort(), ['concluded', 'open']);
  const closed = list.find((c) => c.status === 'concluded')!;
  assert.deepEqual(await countComments(t.db, closed.id), { total: 4, online: 4, offline: 0, pending: 0, approved: 3, rejected: 1 });
  assert.equal((await listFeedbackPoints(t.db, closed.id)).length, 3);
});

test('the demo catalogue’s notices lead to the consultations, and the concluded one links its final document', async () => {
  const { seedConsultationNotices } = await import('../../src/app/demo/consultation-notices.ts');
  assert.equal(await seedConsultationNotices(t.db), 3);
  assert.equal(await seedConsultationNotices(t.db), 0, 'idempotent');
  const list = await listConsultations(t.db, org.id);
  const items = await t.db.query<{ id: number; title: string; body: string; column: string }>(
    `select i.id, v.title, v.body, c.name as column from catalogue_items i join catalogue_versions v on v.id = i.published_version_id join catalogue_columns c on c.id = v.column_id where i.org_id = $1 order by i.id`,
    [org.id],
  );
  for (const c of list) {
    const notice = items.find((i) => i.title === c.title)!;
    assert.equal(notice.column, '通知公告');
    assert.match(notice.body, new RegExp(`<a href="/consultations/${c.id}">意见征集页面</a>`));
  }
  const concluded = list.find((c) => c.status === 'concluded')!;
  const final = items.find((i) => i.title === '青山县城区控制性详细规划（修编）')!;
  assert.deepEqual(concluded.finalDocument, { itemId: final.id, title: '青山县城区控制性详细规划（修编）', href: `/items/${final.id}` });
});

test('the minimum period of a 行政规范性文件 is 7 working days across the National Day holiday; shorter only with a reason', async () => {
  const editor = staff(org, ['editor'], '发布员');
  await assert.rejects(commands.createConsultation(t.db, editor, org.id, draft({ endsOn: '2025-10-10' })), /一般不少于7个工作日（自开始日期次日起算，截止日期不早于 2025-10-13）；本次为5个工作日/);
  const id = await commands.createConsultation(t.db, editor, org.id, draft({ endsOn: '2025-10-10', shortPeriodReason: '因上级督办时限紧急' }));
  assert.equal((await findConsultation(t.db, id))!.shortPeriodReason, '因上级督办时限紧急');
  // 重大行政决策: 30 日
  await assert.rejects(commands.createConsultation(t.db, editor, org.id, draft({ kind: 'major_decision', endsOn: '2025-10-25' })), /一般不少于30日/);
  await commands.createConsultation(t.db, editor, org.id, draft({ kind: 'major_decision', endsOn: '2025-10-26' }));
});

test('the minimum period is configurable per organization and kind, by the head', async () => {
  const editor = staff(org, ['editor'], '发布员');
  await assert.rejects(commands.setMinimumPeriod(t.db, editor, org.id, { kind: 'normative', days: 10, unit: 'working' }), /只有本机关的机关负责人或系统管理员/);
  await commands.setMinimumPeriod(t.db, staff(org, ['head'], '负责人'), org.id, { kind: 'normative', days: 10, unit: 'working' });
  await assert.rejects(commands.createConsultation(t.db, editor, org.id, draft()), /一般不少于10个工作日/);
  await commands.setMinimumPeriod(t.db, cliContext(), org.id, { kind: 'normative', days: 7, unit: 'working' });
});

test('the editor prepares, the head publishes; comments are taken only while open; moderation; feedback counted from the records', async () => {
  const editor = staff(org, ['editor'], '发布员');
  const head = staff(org, ['head'], '负责人');
  const reviewer = staff(org, ['reviewer'], '审核人');
  const id = await commands.createConsultation(t.db, editor, org.id, draft());
  await assert.rejects(commands.publishConsultation(t.db, editor, id), /只有本机关的机关负责人可以发布/);
  await assert.rejects(commands.submitComment(t.db, id, { body: '尚未发布时的意见' }), /尚未发布/);
  await commands.publishConsultation(t.db, head, id);
  await assert.rejects(commands.publishConsultation(t.db, head, id), /已经发布/);

  // before the start
  await assert.rejects(commands.submitComment(t.db, id, { body: '开始之前提交的意见' }), /自 2025-09-26 开始/);
  day = '2025-09-26';
  const a = await commands.submitComment(t.db, id, { body: '建议增加网上预约办理的渠道。', name: '赵六', contact: '13700001111' }, 'req-1');
  day = '2025-10-13'; // the end day still takes comments
  const b = await commands.submitComment(t.db, id, { body: '建议延长窗口的办公时间。' });
  await assert.rejects(commands.updateConsultation(t.db, editor, id, draft()), /征求意见中，不能再修改/);
  await assert.rejects(commands.saveFeedback(t.db, editor, id, { summary: '说明' }), /截止（2025-10-13）后才能撰写/);
  day = '2025-10-14';
  await assert.rejects(commands.submitComment(t.db, id, { body: '截止之后提交的意见' }), /已于 2025-10-13 截止/);
  await assert.rejects(commands.submitComment(t.db, id, { body: '短' }), /意见至少 5 个字/);

  // moderation
  await assert.rejects(commands.moderateComment(t.db, reviewer, id, { commentId: b, decision: 'reject' }), /请填写理由/);
  await commands.moderateComment(t.db, reviewer, id, { commentId: a, decision: 'approve' });
  await assert.rejects(commands.moderateComment(t.db, staff(org, ['handler'], '办理人'), id, { commentId: b, decision: 'approve' }), /只有本机关的信息发布员、审核人或机关负责人/);

  // feedback
  await assert.rejects(commands.saveFeedback(t.db, editor, id, { summary: '说明', points: [{ point: '延长办公时间', result: 'not_adopted', reason: '' }] }), /未采纳或部分采纳的，请说明理由/);
  await commands.saveFeedback(t.db, editor, id, { summary: '共收到意见 2 条。', points: [{ point: '网上预约', result: 'adopted' }, { point: '延长办公时间', result: 'not_adopted', reason: '窗口已实行延时服务' }] });
  await assert.rejects(commands.publishFeedback(t.db, head, id), /还有 1 条意见待审核/);
  await commands.moderateComment(t.db, head, id, { commentId: b, decision: 'reject', reason: '与其他意见重复' });
  await assert.rejects(commands.publishFeedback(t.db, editor, id), /只有本机关的机关负责人/);
  await commands.publishFeedback(t.db, head, id);
  const c = (await findConsultation(t.db, id))!;
  assert.equal(c.status, 'concluded');
  assert.equal(c.feedbackPublishedOn, '2025-10-14');
  assert.deepEqual(await countComments(t.db, id), { total: 2, online: 2, offline: 0, pending: 0, approved: 1, rejected: 1 });
  assert.deepEqual((await listComments(t.db, id, 'approved')).map((m) => m.id), [a]);
  await assert.rejects(commands.moderateComment(t.db, head, id, { commentId: b, decision: 'approve' }), /结果反馈已经公布/);

  // the final document, through the hook
  const hooks = { findPublishedDocument: async (_db: unknown, orgId: number, itemId: number) => (orgId === org.id && itemId === 77 ? { itemId, title: '青山县不动产登记便民服务办法', href: '/items/77' } : null) };
  await assert.rejects(commands.linkFinalDocument(t.db, editor, id, '/items/78', hooks), /没有已发布的第 78 号信息/);
  await assert.rejects(commands.linkFinalDocument(t.db, editor, id, '/columns/1', hooks), /信息编号/);
  await commands.linkFinalDocument(t.db, editor, id, 'https://gk.example.gov.cn/items/77', hooks);
  assert.deepEqual((await findConsultation(t.db, id))!.finalDocument, { itemId: 77, title: '青山县不动产登记便民服务办法', href: '/items/77' });

  // the audit log: every step, and never the name or contact of whoever commented
  const audit = await t.db.query<{ action: string; summary: unknown }>(`select action, summary from audit_log where target_type = 'consultation' and target_id = $1 order by id`, [String(id)]);
  assert.deepEqual(audit.map((r) => r.action), [
    'consultation.create', 'consultation.publish', 'consultation.comment', 'consultation.comment', 'consultation.moderate', 'consultation.feedback_save', 'consultation.moderate', 'consultation.feedback_publish', 'consultation.final_document',
  ]);
  const text = JSON.stringify(audit);
  assert.ok(!text.includes('赵六') && !text.includes('13700001111'), 'personal data in the audit log');
});

test('a written comment received offline counts, and a publication cannot be back-dated by staff', async () => {
  day = '2025-11-03';
  const editor = staff(org, ['editor'], '发布员');
  const head = staff(org, ['head'], '负责人');
  const id = await commands.createConsultation(t.db, editor, org.id, draft({ startsOn: '2025-11-01', endsOn: '2025-11-20' }));
  await assert.rejects(commands.publishConsultation(t.db, head, id), /开始日期 2025-11-01 早于发布之日 2025-11-03/);
  await assert.rejects(commands.publishConsultation(t.db, head, id, { on: '2025-11-01' }), /发布日期即为今天/);
  await commands.updateConsultation(t.db, editor, id, draft({ startsOn: '2025-11-03', endsOn: '2025-11-20' }));
  await commands.publishConsultation(t.db, head, id);
  await assert.rejects(commands.recordOfflineComment(t.db, editor, id, { body: '来信提出的意见', receivedOn: '2025-11-02' }), /收到日期应在 2025-11-03 至今天之间/);
  await commands.recordOfflineComment(t.db, editor, id, { body: '来信提出的意见', receivedOn: '2025-11-03' });
  assert.deepEqual(await countComments(t.db, id), { total: 1, online: 0, offline: 1, pending: 1, approved: 0, rejected: 0 });
});

test('an organization with consultations under way and no head is warned (StaffingCheck)', async () => {
  const { consultationStaffingCheck } = await import('../../src/consultations/staffing.ts');
  assert.deepEqual(await consultationStaffingCheck(t.db, org.id), []);
  const forestry = (await findOrgByCode(t.db, 'QS-LY'))!; // no users in the demo
  assert.deepEqual(await consultationStaffingCheck(t.db, forestry.id), []);
  await commands.createConsultation(t.db, cliContext(), forestry.id, draft({ kind: 'other', startsOn: '2025-11-10', endsOn: '2025-11-30' }));
  assert.match((await consultationStaffingCheck(t.db, forestry.id))[0]!, /1 项尚未公布结果反馈的意见征集，但没有在职的机关负责人/);
});
