// The catalogue's commands on a real database: the whole life of an item, with its audit trail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { DomainError } from '../../src/core/errors.ts';
import { todayInChina } from '../../src/core/date.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import {
  acknowledgeFinding,
  approveStage,
  changeItemValidity,
  createColumn,
  createItem,
  deleteColumn,
  importPublishedItem,
  moveColumn,
  openFindingsOf,
  rejectStage,
  reviseItem,
  saveDraft,
  setInterpretationLink,
  submitForReview,
  updateSettings,
  withdrawItem,
} from '../../src/catalogue/commands.ts';
import { table2Section1 } from '../../src/catalogue/rules/table2.ts';
import { findItem, findLiveItem, latestVersion, listColumns, listLinks, listVersions, policyDocumentFacts } from '../../src/catalogue/store.ts';
import { searchCatalogue } from '../../src/catalogue/search/service.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { outcomeOf, team } from './fixtures.ts';

let t: TestDatabase;
let z: Awaited<ReturnType<typeof team>>;

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  z = await team(t.db, 'QS-ZRZY', 'z');
});
after(() => t.close());

const codeOf = (p: Promise<unknown>) => outcomeOf(p);

const draft = (over: Record<string, unknown> = {}) => ({
  columnId: z.column('政策文件'),
  title: '青山县自然资源局关于规范国有建设用地使用权出让的通知',
  summary: '规范出让程序',
  body: '各乡镇人民政府：\n\n为规范国有建设用地使用权出让，现通知如下。\n\n一、严格执行出让程序。',
  docNumber: '青自然资发〔2025〕3号',
  writtenDate: '2025-03-03',
  docKind: 'normative',
  ...over,
});

/** Every stage of the default review, by its proper signer. */
async function reviewThrough(itemId: number) {
  const r1 = await approveStage(t.db, z.reviewer1, itemId);
  assert.equal(r1.version.stageIndex, 1);
  await approveStage(t.db, z.reviewer2, itemId);
  await approveStage(t.db, z.head, itemId);
  return approveStage(t.db, z.secrecy, itemId);
}

test('the standard catalogue is set up once per organization, with the update expectations', async () => {
  const cols = await listColumns(t.db, z.org.id);
  assert.equal(cols[0]!.name, '政府信息公开指南');
  const statutory = cols.find((c) => c.name === '法定主动公开内容')!;
  const children = cols.filter((c) => c.parentId === statutory.id).map((c) => c.name);
  for (const name of ['机构职能', '负责人信息', '政策文件', '政策解读', '规划计划', '统计信息', '财政预决算', '行政许可', '行政处罚', '行政事业性收费', '政府采购', '重大建设项目', '人事信息', '建议提案办理']) {
    assert.ok(children.includes(name), name);
  }
  assert.equal(cols.find((c) => c.name === '工作动态')!.updateDays, 14);
  assert.equal(cols.find((c) => c.name === '政策文件')!.updateDays, 180);
  assert.equal(cols.at(-1)!.name, '政府信息公开年报');
});

test('an item from draft through 初审 → 复审 → 终审 → 保密审查 to the portal, with its 索引号 and audit trail', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft());
  assert.equal(item.indexNumber, null);
  await submitForReview(t.db, z.editor, item.id);
  assert.equal(await codeOf(saveDraft(t.db, z.editor, item.id, draft())), 'CONFLICT', 'no edits while in review');
  assert.equal(await codeOf(approveStage(t.db, z.head, item.id)), 'FORBIDDEN', '初审 needs a 审核人');
  await approveStage(t.db, z.reviewer1, item.id);
  assert.equal(await codeOf(approveStage(t.db, z.reviewer1, item.id)), 'FORBIDDEN', 'the same reviewer cannot sign 复审 too');
  await approveStage(t.db, z.reviewer2, item.id);
  assert.equal(await findLiveItem(t.db, item.id), undefined, 'not live before the last stage');
  await approveStage(t.db, z.head, item.id);
  const done = await approveStage(t.db, z.secrecy, item.id);
  assert.equal(done.published, true);
  const year = todayInChina().slice(0, 4);
  assert.match(done.indexNumber!, new RegExp(`^QS-ZRZY/${year}-\\d{5}$`));
  const live = (await findLiveItem(t.db, item.id))!;
  assert.equal(live.version.publishedDate, todayInChina());
  assert.equal(live.item.indexNumber, done.indexNumber);
  const actions = (await t.db.query<{ action: string }>(`select action from audit_log where target_type = 'catalogue_item' and target_id = $1 order by id`, [String(item.id)])).map((r) => r.action);
  assert.deepEqual(actions, ['catalogue.item.create', 'catalogue.item.submit', 'catalogue.item.approve', 'catalogue.item.approve', 'catalogue.item.approve', 'catalogue.item.approve', 'catalogue.item.publish']);
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test('a finding blocks submission until fixed, or until a 保密审查员 acknowledges it with a reason', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '关于某地块征收补偿的公告', body: '被征收人李某，身份证号码11010519491231002X，联系电话13812345678。' }));
  const blocked = await submitForReview(t.db, z.editor, item.id).catch((e: Error) => e);
  assert.ok(blocked instanceof DomainError && blocked.code === 'CONFLICT');
  assert.match(blocked.message, /2 处/);
  // Fix the ID number; acknowledge the phone number (a public service number, say).
  await saveDraft(t.db, z.editor, item.id, draft({ title: '关于某地块征收补偿的公告', body: '被征收人李某，联系电话13812345678。' }));
  assert.equal(await codeOf(acknowledgeFinding(t.db, z.editor, item.id, { detector: 'mobile', match: '13812345678', reason: '公开的服务电话' })), 'FORBIDDEN');
  assert.equal(await codeOf(acknowledgeFinding(t.db, z.secrecy, item.id, { detector: 'mobile', match: '13812345678', reason: '' })), 'VALIDATION');
  await acknowledgeFinding(t.db, z.secrecy, item.id, { detector: 'mobile', match: '13812345678', reason: '为公开的项目服务电话，经核实可以公开' });
  const v = (await latestVersion(t.db, item.id))!;
  assert.equal((await openFindingsOf(t.db, v)).open.length, 0);
  await submitForReview(t.db, z.editor, item.id);
  const audit = await t.db.query<{ summary: { match: string } }>(`select summary from audit_log where action = 'catalogue.finding.acknowledge' and target_id = $1`, [String(item.id)]);
  assert.equal(audit[0]!.summary.match, '138****5678', 'the audit log keeps no full personal numbers');
});

test('the organization word list and 密级 markings are findings too', async () => {
  await updateSettings(t.db, z.head, z.org.id, { stages: [{ name: '初审', role: 'reviewer' }, { name: '复审', role: 'reviewer' }, { name: '终审', role: 'head' }, { name: '保密审查', role: 'confidentiality' }], distinctSigners: true, sensitiveWords: ['青山一号工程'] });
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '秘密★1年 关于青山一号工程的通知', body: '正文' }));
  const v = (await latestVersion(t.db, item.id))!;
  const { open } = await openFindingsOf(t.db, v);
  assert.deepEqual(open.map((f) => f.detector).sort(), ['classification', 'word']);
  assert.equal(open[0]!.field, '标题');
});

test('reject goes back to the author with the reason; the resubmitted version starts again at 初审', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '关于2025年度土地供应计划的公告' }));
  await submitForReview(t.db, z.editor, item.id);
  await approveStage(t.db, z.reviewer1, item.id);
  assert.equal(await codeOf(rejectStage(t.db, z.reviewer2, item.id, { reason: '' })), 'VALIDATION');
  const back = await rejectStage(t.db, z.reviewer2, item.id, { reason: '文号与正文不一致' });
  assert.equal(back.state, 'draft');
  assert.equal(back.rejectionReason, '复审退回：文号与正文不一致');
  await saveDraft(t.db, z.editor, item.id, draft({ title: '关于2025年度土地供应计划的公告', docNumber: '青自然资发〔2025〕4号' }));
  const again = await submitForReview(t.db, z.editor, item.id);
  assert.equal(again.reviewRound, 2);
  assert.equal(again.stageIndex, 0);
  assert.equal(again.rejectionReason, null);
  // Round 2: the reviewer who signed 初审 in round 1 may sign 复审 now that round 1 is over? No — they sign 初审 again.
  await reviewThrough(item.id);
  assert.ok(await findLiveItem(t.db, item.id));
});

test('a stale form cannot approve the next stage by accident', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '关于开展地质灾害排查的通知' }));
  const v = await submitForReview(t.db, z.editor, item.id);
  await approveStage(t.db, z.reviewer1, item.id, { round: v.reviewRound, stageIndex: 0 });
  assert.equal(await codeOf(approveStage(t.db, z.reviewer2, item.id, { round: v.reviewRound, stageIndex: 0 })), 'CONFLICT');
});

test('editing a published item makes a new version; the old one stays live until the new one passes review', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '青山县自然资源局机构职能', columnId: z.column('机构职能'), docKind: '' }));
  await submitForReview(t.db, z.editor, item.id);
  const first = await reviewThrough(item.id);
  const v2 = await reviseItem(t.db, z.editor, item.id);
  assert.equal(v2.version, 2);
  assert.equal(await codeOf(reviseItem(t.db, z.editor, item.id)), 'CONFLICT', 'one open version at a time');
  await saveDraft(t.db, z.editor, item.id, draft({ title: '青山县自然资源局机构职能（2025年调整）', columnId: z.column('机构职能'), docKind: '', formedDate: todayInChina() }));
  assert.equal((await findLiveItem(t.db, item.id))!.version.version, 1, 'version 1 still live');
  await submitForReview(t.db, z.editor, item.id);
  const second = await reviewThrough(item.id);
  assert.equal(second.indexNumber, first.indexNumber, 'the 索引号 stays with the item');
  const versions = await listVersions(t.db, item.id);
  assert.deepEqual(versions.map((v) => [v.version, v.state]), [[2, 'published'], [1, 'superseded']]);
  assert.equal((await findLiveItem(t.db, item.id))!.version.title, '青山县自然资源局机构职能（2025年调整）');
});

test('withdraw with a reason: off the portal and out of search, versions and 索引号 kept, never reused', async () => {
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '关于撤回测试的通知', columnId: z.column('通知公告'), docKind: '' }));
  await submitForReview(t.db, z.editor, item.id);
  const pub = await reviewThrough(item.id);
  assert.equal((await searchCatalogue(t.db, { q: '撤回测试' })).total, 1);
  assert.equal(await codeOf(withdrawItem(t.db, z.editor, item.id, { reason: '内容有误' })), 'FORBIDDEN');
  assert.equal(await codeOf(withdrawItem(t.db, z.head, item.id, { reason: '' })), 'VALIDATION');
  await withdrawItem(t.db, z.head, item.id, { reason: '内容有误，需重新核实' });
  assert.equal(await findLiveItem(t.db, item.id), undefined);
  assert.equal((await searchCatalogue(t.db, { q: '撤回测试' })).total, 0);
  const stored = (await findItem(t.db, item.id))!;
  assert.equal(stored.indexNumber, pub.indexNumber);
  assert.equal(stored.withdrawReason, '内容有误，需重新核实');
  const { item: next } = await createItem(t.db, z.editor, z.org.id, draft({ title: '另一条通知', columnId: z.column('通知公告'), docKind: '' }));
  await submitForReview(t.db, z.editor, next.id);
  const nextPub = await reviewThrough(next.id);
  assert.ok(nextPub.indexNumber! > pub.indexNumber!, `${nextPub.indexNumber} after ${pub.indexNumber}`);
});

test('validity changes, interpretations both ways, and 第二十条第（一）项 from the catalogue', async () => {
  const ops = cliContext();
  const org = z.org.id;
  const policy = await importPublishedItem(t.db, ops, org, { content: draft({ title: '青山县国有土地上房屋征收补偿办法', writtenDate: '2024-03-01' }), publishedDate: '2024-03-05' });
  await importPublishedItem(t.db, ops, org, { content: draft({ title: '青山县农村宅基地管理办法', writtenDate: '2023-05-01' }), publishedDate: '2023-05-06' });
  await importPublishedItem(t.db, ops, org, { content: draft({ title: '青山县地名管理规定', docKind: 'regulation', writtenDate: '2024-06-01' }), publishedDate: '2024-06-03' });
  const interp = await importPublishedItem(t.db, ops, org, { content: draft({ title: '《青山县国有土地上房屋征收补偿办法》解读', columnId: z.column('政策解读'), docKind: '' }), publishedDate: '2024-03-05' });

  assert.equal(await codeOf(changeItemValidity(t.db, z.editor, policy.id, { validity: 'abolished', date: '2024-02-01' })), 'VALIDATION', 'before 成文日期');
  await changeItemValidity(t.db, z.editor, policy.id, { validity: 'amended', date: '2024-09-01', note: '依青政发〔2024〕9号修订' });
  await changeItemValidity(t.db, z.head, policy.id, { validity: 'abolished', date: '2025-01-15', note: '' });
  assert.equal(await codeOf(changeItemValidity(t.db, z.head, policy.id, { validity: 'effective', date: '2025-02-01' })), 'VALIDATION', '废止 is final');

  await setInterpretationLink(t.db, z.editor, policy.id, interp.id, true);
  assert.deepEqual((await listLinks(t.db, policy.id)).interpretations.map((l) => l.itemId), [interp.id]);
  assert.deepEqual((await listLinks(t.db, interp.id)).policies.map((l) => l.itemId), [policy.id]);

  const facts = await policyDocumentFacts(t.db, org);
  const y2024 = table2Section1(facts, 2024);
  // normative: 2 issued in 2025 by the earlier tests' items (成文 2025-03-03) are not in 2024.
  assert.deepEqual(y2024.regulations, { issued: 1, abolished: 0, inForce: 1 });
  assert.deepEqual(y2024.normativeDocuments, { issued: 1, abolished: 0, inForce: 2 });
  assert.equal(table2Section1(facts, 2025).normativeDocuments.abolished, 1);
});

test('columns: create, reorder, refuse duplicates, cycles and deleting used columns; only the head or an admin', async () => {
  assert.equal(await codeOf(createColumn(t.db, z.editor, z.org.id, { name: '专题专栏' })), 'FORBIDDEN');
  const c = await createColumn(t.db, z.head, z.org.id, { name: '专题专栏', updateDays: '30' });
  assert.equal(c.updateDays, 30);
  assert.equal(await codeOf(createColumn(t.db, z.head, z.org.id, { name: '专题专栏' })), 'CONFLICT');
  const child = await createColumn(t.db, z.head, z.org.id, { name: '耕地保护', parentId: String(c.id) });
  const before = (await listColumns(t.db, z.org.id)).filter((x) => x.parentId === null).map((x) => x.name);
  await moveColumn(t.db, z.head, c.id, 'up');
  const after = (await listColumns(t.db, z.org.id)).filter((x) => x.parentId === null).map((x) => x.name);
  assert.equal(after.indexOf('专题专栏'), before.indexOf('专题专栏') - 1);
  assert.equal(await codeOf(deleteColumn(t.db, z.head, c.id)), 'CONFLICT', 'has a child');
  await deleteColumn(t.db, z.head, child.id);
  assert.equal(await codeOf(deleteColumn(t.db, z.head, z.column('政策文件'))), 'CONFLICT', 'holds items');
});

test('stage settings: a 保密审查 stage is required; a custom two-stage review publishes after two signatures', async () => {
  assert.equal(await codeOf(updateSettings(t.db, z.head, z.org.id, { stages: [{ name: '审核', role: 'reviewer' }], distinctSigners: true, sensitiveWords: [] })), 'VALIDATION');
  await updateSettings(t.db, z.head, z.org.id, { stages: [{ name: '审核', role: 'reviewer' }, { name: '保密审查', role: 'confidentiality' }], distinctSigners: true, sensitiveWords: [] });
  const { item } = await createItem(t.db, z.editor, z.org.id, draft({ title: '两级审核的信息', columnId: z.column('工作动态'), docKind: '' }));
  await submitForReview(t.db, z.editor, item.id);
  await approveStage(t.db, z.reviewer1, item.id);
  assert.equal((await approveStage(t.db, z.secrecy, item.id)).published, true);
});
