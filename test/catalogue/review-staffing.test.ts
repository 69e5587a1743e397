// Issue 21 on a real database: the review is checked against the people who hold each role — when
// the settings are saved, when an item is submitted, before a signature that would leave a later
// stage to nobody — and an item that is stuck anyway is returned by the head or an administrator,
// or recalled by its editor before anyone signed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { approveStage, createItem, ensureCatalogue, recallSubmission, rejectStage, returnFromReview, submitForReview, updateSettings } from '../../src/catalogue/commands.ts';
import { catalogueStaffingCheck, reviewStaffing } from '../../src/catalogue/staffing.ts';
import { latestVersion, listColumns, listSignoffs } from '../../src/catalogue/store.ts';
import { cliContext, type CommandContext } from '../../src/orgs/context.ts';
import { setUserDisabled } from '../../src/orgs/staff/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { ctxOf, outcomeOf, userWith } from './fixtures.ts';

let t: TestDatabase;
let org: Organization;
let column: number;
const who: Record<string, CommandContext> = {};

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  org = (await findOrgByCode(t.db, 'QS-SL'))!; // 青山县水利局: no staff in the demo
  await ensureCatalogue(t.db, org.id);
  column = (await listColumns(t.db, org.id)).find((c) => c.name === '工作动态')!.id;
  // One reviewer who is also the only 保密审查员, as in the issue, and a head.
  who.editor = await userWith(t.db, 'QS-SL', 'sl.ed', ['editor']);
  who.both = await userWith(t.db, 'QS-SL', 'sl.both', ['reviewer', 'confidentiality']);
  who.head = await userWith(t.db, 'QS-SL', 'sl.head', ['head']);
  who.admin = await ctxOf(t.db, 'admin'); // 青山县's administrator, one level up
});
after(() => t.close());

const codeOf = (p: Promise<unknown>) => outcomeOf(p, { message: true });

const DEFAULT = [
  { name: '初审', role: 'reviewer' },
  { name: '复审', role: 'reviewer' },
  { name: '终审', role: 'head' },
  { name: '保密审查', role: 'confidentiality' },
];

let n = 0;
const newItem = async () => (await createItem(t.db, who.editor!, org.id, { columnId: column, title: `县水利局开展汛前检查（${++n}）`, body: '近日，县水利局开展汛前检查。' })).item.id;
const stage = async (itemId: number) => {
  const v = (await latestVersion(t.db, itemId))!;
  return { state: v.state, stage: v.stageIndex === null ? null : v.stages![v.stageIndex]!.name, reason: v.rejectionReason };
};

test('the default review cannot be completed by one reviewer who is the only 保密审查员: warned, and submission refused', async () => {
  const staffing = await reviewStaffing(t.db, org);
  assert.equal(staffing.settingsProblem, '“初审”“复审”环节须由 2 位不同的审核人签署，本机构只有 1 人：sl.both（同一人不能签署同一信息的两个环节）');
  assert.match((await catalogueStaffingCheck(t.db, org.id))[0]!, /^主动公开的审核设置无法完成：/);
  const itemId = await newItem();
  const refused = await codeOf(submitForReview(t.db, who.editor!, itemId));
  assert.match(refused, /^CONFLICT: 本机构的审核目前无法完成，不能提交：“初审”“复审”环节须由 2 位不同的审核人签署/);
  assert.equal((await stage(itemId)).state, 'draft');
});

test('saving a review chain the people cannot complete is refused, naming the role and the people; one they can is saved', async () => {
  const words = { distinctSigners: true, sensitiveWords: [] };
  const twoStages = [{ name: '审核', role: 'reviewer' }, { name: '保密审查', role: 'confidentiality' }];
  const refused = await codeOf(updateSettings(t.db, who.head!, org.id, { stages: twoStages, ...words }));
  assert.equal(refused, 'VALIDATION: 本机构的人员无法完成这样的审核：“审核”“保密审查”环节须由 2 位不同的人（审核人、保密审查员）签署，本机构只有 1 人：sl.both（审核人、保密审查员）（同一人不能签署同一信息的两个环节）。请先调整人员的角色，或改用本机构人员能够完成的审核环节');
  // The unchanged (default) chain with new words is saved: the page keeps warning about it.
  assert.equal(await codeOf(updateSettings(t.db, who.head!, org.id, { stages: DEFAULT, ...words, sensitiveWords: ['青山水库'] })), 'ok');
  // 终审 by the head and 保密审查 by the reviewer: two people, two stages.
  assert.equal(await codeOf(updateSettings(t.db, who.head!, org.id, { stages: [{ name: '终审', role: 'head' }, { name: '保密审查', role: 'confidentiality' }], ...words })), 'ok');
  assert.equal((await reviewStaffing(t.db, org)).settingsProblem, null);
});

test('a signature that would leave the 保密审查 to nobody is refused while another reviewer could sign', async () => {
  who.second = await userWith(t.db, 'QS-SL', 'sl.r2', ['reviewer']);
  await updateSettings(t.db, who.head!, org.id, { stages: [{ name: '初审', role: 'reviewer' }, { name: '终审', role: 'head' }, { name: '保密审查', role: 'confidentiality' }], distinctSigners: true, sensitiveWords: [] });
  const itemId = await newItem();
  await submitForReview(t.db, who.editor!, itemId);
  const refused = await codeOf(approveStage(t.db, who.both!, itemId));
  assert.equal(refused, 'CONFLICT: 您签署“初审”后，后续环节将无法完成：“保密审查”环节没有其他可以签署的保密审查员（撰写人和已签署本轮其他环节的人不能再签署）。请由其他审核人签署本环节');
  await approveStage(t.db, who.second!, itemId);
  await approveStage(t.db, who.head!, itemId);
  assert.equal((await approveStage(t.db, who.both!, itemId)).published, true);
});

test('after 初审 the only other reviewer is disabled: the item is stuck, warned, and the head returns it with a reason', async () => {
  await userWith(t.db, 'QS-SL', 'sl.bm', ['confidentiality']);
  await updateSettings(t.db, who.head!, org.id, { stages: DEFAULT, distinctSigners: true, sensitiveWords: [] });
  const itemId = await newItem();
  await submitForReview(t.db, who.editor!, itemId);
  await approveStage(t.db, who.both!, itemId);
  assert.equal((await stage(itemId)).stage, '复审');
  await setUserDisabled(t.db, cliContext(), { username: 'sl.r2' }, true);

  assert.match(await codeOf(approveStage(t.db, who.both!, itemId)), /同一人不能签署两个审核环节/);
  const staffing = await reviewStaffing(t.db, org);
  assert.deepEqual(staffing.stuck.map((v) => v.itemId), [itemId]);
  assert.deepEqual((await catalogueStaffingCheck(t.db, org.id)).slice(-1), ['有 1 条主动公开信息的审核已无法完成，须由机构负责人或系统管理员退回撰写人']);

  assert.match(await codeOf(returnFromReview(t.db, who.both!, itemId, { reason: '无人可签' })), /^FORBIDDEN: 只有本机构负责人或系统管理员可以退回/);
  assert.equal(await codeOf(returnFromReview(t.db, who.head!, itemId, { reason: '' })), 'VALIDATION');
  await returnFromReview(t.db, who.head!, itemId, { reason: '复审无人可签，请调整后再提交' });
  assert.deepEqual(await stage(itemId), { state: 'draft', stage: null, reason: '机构负责人在“复审”环节退回：复审无人可签，请调整后再提交' });
  const signoffs = await listSignoffs(t.db, (await latestVersion(t.db, itemId))!.id);
  assert.deepEqual(signoffs.map((s) => [s.stageName, s.decision, s.userName]), [['初审', 'approve', 'sl.both'], ['复审', 'reject', 'sl.head']]);
  const [audit] = await t.db.query<{ summary: { by: string; stage: string } }>(
    `select summary from audit_log where action = 'catalogue.item.return' and target_id = $1`, [String(itemId)],
  );
  assert.equal(audit!.summary.by, '机构负责人');
  assert.equal(audit!.summary.stage, '复审');
  assert.match(await codeOf(returnFromReview(t.db, who.head!, itemId, { reason: '再退一次' })), /^CONFLICT: 该信息当前不在审核中/);
});

test('an administrator of the organization or above returns a stuck item too; the editor recalls only before the first signature', async () => {
  await setUserDisabled(t.db, cliContext(), { username: 'sl.r2' }, false);
  const stuck = await newItem();
  await submitForReview(t.db, who.editor!, stuck);
  await approveStage(t.db, who.both!, stuck);
  await setUserDisabled(t.db, cliContext(), { username: 'sl.r2' }, true);
  assert.match(await codeOf(recallSubmission(t.db, who.editor!, stuck)), /^CONFLICT: 已有审核人签署，不能撤回/);
  await returnFromReview(t.db, who.admin!, stuck, { reason: '人员调整，退回' });
  assert.equal((await stage(stuck)).reason, '系统管理员在“复审”环节退回：人员调整，退回');

  await setUserDisabled(t.db, cliContext(), { username: 'sl.r2' }, false);
  const fresh = await newItem();
  await submitForReview(t.db, who.editor!, fresh);
  assert.match(await codeOf(recallSubmission(t.db, who.both!, fresh)), /^FORBIDDEN/, 'only an editor recalls');
  await recallSubmission(t.db, who.editor!, fresh);
  assert.equal((await stage(fresh)).state, 'draft');
  await submitForReview(t.db, who.editor!, fresh);
  await rejectStage(t.db, who.both!, fresh, { reason: '请补充' });
  assert.match(await codeOf(recallSubmission(t.db, who.editor!, fresh)), /^CONFLICT: 该信息当前不在审核中/);
});
