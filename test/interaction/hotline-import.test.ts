// Importing 12345 work orders (src/interaction/hotline/import.ts) on the test database: a real-looking
// export in two header variants becomes messages (channel hotline, category, received day, due date from
// the module's rule or the platform's 办理时限, answered when the platform answered); the same file again
// changes nothing and says so; a later export of the same orders updates what the platform did since
// (办结, 满意度); nothing is imported twice; no personal data in the audit entry; the orders answered in
// gongkai go back in the layout they came in, or the standard one, and that export reads back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { draftReply, signReply, transferMessage } from '../../src/interaction/commands.ts';
import { NO_HOOKS } from '../../src/interaction/hooks.ts';
import { exportHotlineOrders } from '../../src/interaction/hotline/export.ts';
import { importHotlineOrders } from '../../src/interaction/hotline/import.ts';
import { parseHotlineFile, STANDARD_HEADERS } from '../../src/interaction/hotline/parse.ts';
import { findMessage } from '../../src/interaction/store.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { HEADER_A, workbookA, workbookB } from '../fixtures/hotline/workbooks.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let orgId: number;
const ctx = cliContext();

before(async () => {
  setTodayForTests(() => '2025-11-10');
  t = await testDatabase();
  await createOrg(t.db, ctx, { kind: 'county', fullName: '青山县', shortName: '青山县', code: 'QS', parentCode: null });
  orgId = (await createOrg(t.db, ctx, { kind: 'department', fullName: '青山县自然资源局', shortName: '自然资源局', code: 'QS-ZRZY', parentCode: 'QS' })).id;
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n);
const messageOf = async (orderNo: string) => {
  const [r] = await t.db.query<{ message_id: number }>('select message_id from hotline_orders where org_id = $1 and order_no = $2', [orgId, orderNo]);
  return (await findMessage(t.db, Number(r!.message_id)))!;
};

test('variant A: four orders imported, the row without 工单编号 reported, due dates by rule or by the platform', async () => {
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: '工单明细.xlsx', content: await workbookA() });
  assert.deepEqual([r.rowsRead, r.added, r.already, r.updated, r.skipped], [5, 4, 0, 0, 1]);
  assert.match(r.problems[0]!, /第6行：没有工单编号，未导入/);
  assert.ok(r.warnings.some((w) => /工单 QS2025110400003.*表扬.*按“求助”导入/.test(w)));
  const m1 = await messageOf('QS2025110300001');
  assert.deepEqual([m1.channel, m1.category, m1.receivedOn, m1.state, m1.contact.name, m1.contact.phone], ['hotline', 'consult', '2025-11-03', 'received', '王某某', '13900001111']);
  assert.equal(m1.dueOn, '2025-11-05', '咨询: 2 working days');
  assert.equal(m1.hasQueryCode, false);
  const m2 = await messageOf('QS2025110300002');
  assert.deepEqual([m2.category, m2.dueOn, m2.consentPublish, m2.subject], ['complain', '2025-11-24', true, '工地夜间施工噪音扰民']);
  assert.equal((await messageOf('QS2025110400003')).dueOn, '2025-11-18', '表扬 → 求助: 10 working days');
  assert.equal((await messageOf('QS2025110500005')).dueOn, '2025-11-12', 'the platform’s 5个工作日');

  const audit = await t.db.query<{ action: string; summary: unknown }>(`select action, summary from audit_log where action = 'letter.hotline_import'`);
  assert.equal(audit.length, 1);
  const summary = JSON.stringify(audit[0]!.summary);
  assert.match(summary, /QS2025110300001/);
  for (const personal of ['王某某', '13900001111', '李某', '噪音', '不动产登记需要哪些材料']) assert.ok(!summary.includes(personal), `no ${personal} in the audit summary`);
});

test('the same file again changes nothing and says so', async () => {
  const before = await count('select count(*)::int as n from interaction_messages');
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: '工单明细.xlsx', content: await workbookA() });
  assert.deepEqual([r.added, r.already, r.updated, r.skipped], [0, 4, 0, 1]);
  assert.equal(r.importId, null);
  assert.equal(await count('select count(*)::int as n from interaction_messages'), before);
  assert.equal(await count('select count(*)::int as n from hotline_imports'), 1);
  assert.equal(await count(`select count(*)::int as n from audit_log where action = 'letter.hotline_import'`), 1, 'no audit entry for an import that changed nothing');
});

test('a later export: the platform’s 办结 and 满意度 update the order, nothing doubled', async () => {
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: '工单明细-1110.xlsx', content: await workbookA({ later: true }) });
  assert.deepEqual([r.added, r.already, r.updated], [0, 3, 1]);
  const u = r.orders.find((o) => o.status === 'updated')!;
  assert.equal(u.orderNo, 'QS2025110300002');
  assert.deepEqual(u.changes, ['已在平台办结', '满意度']);
  const m2 = await messageOf('QS2025110300002');
  assert.deepEqual([m2.state, m2.answeredOn, m2.rating, m2.replySignedBy], ['answered', '2025-11-05', 'satisfied', '12345 热线平台']);
  assert.match(m2.replyText, /已责令施工单位停止夜间施工/);
  assert.equal(await count('select count(*)::int as n from hotline_orders where org_id = $1', [orgId]), 4);
  assert.equal(await count(`select count(*)::int as n from interaction_messages where channel = 'hotline'`), 4);
  const again = await importHotlineOrders(t.db, ctx, orgId, { fileName: '工单明细-1110.xlsx', content: await workbookA({ later: true }) });
  assert.deepEqual([again.added, again.already, again.updated], [0, 4, 0]);
});

test('variant B: serial dates, answered on the platform, the platform’s due day', async () => {
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: 'export.xlsx', content: await workbookB() });
  assert.deepEqual([r.added, r.already, r.updated, r.skipped], [3, 0, 0, 0]);
  const b1 = await messageOf('B-101');
  assert.deepEqual([b1.category, b1.receivedOn, b1.state, b1.answeredOn, b1.rating], ['suggest', '2025-11-05', 'answered', '2025-11-07', 'basically']);
  assert.equal((await messageOf('B-102')).dueOn, '2025-11-24');
  assert.equal((await messageOf('B-103')).contact.name, '郑某');
});

test('answered in gongkai: exported back in the layout it came in, read back, then recognized', async () => {
  setTodayForTests(() => '2025-11-12');
  const m1 = await messageOf('QS2025110300001');
  await draftReply(t.db, ctx, m1.id, { reply: '办理不动产首次登记需提供身份证明、权属来源材料等，可通过网上预约。', on: '2025-11-04' });
  await signReply(t.db, ctx, m1.id, { on: '2025-11-04' }, NO_HOOKS);

  const x = await exportHotlineOrders(t.db, ctx, orgId);
  assert.equal(x.count, 1, 'only the order answered here and not on the platform');
  assert.deepEqual(x.headers, HEADER_A);
  const back = await parseHotlineFile(x.content);
  assert.deepEqual(back.headers, HEADER_A);
  assert.equal(back.rows.length, 1);
  const row = back.rows[0]!;
  assert.equal(row.orderNo, 'QS2025110300001');
  assert.equal(row.values['受理时间'], '2025-11-03 14:20');
  assert.equal(row.values['办结时间'], '2025-11-04');
  assert.equal(row.values['工单状态'], '已办结');
  assert.equal(row.values['所属区域'], '城关镇', 'a column gongkai does not know is kept');
  assert.match(row.reply, /网上预约/);
  assert.equal(row.name, '王某某');

  // the platform's export now carries the reply: recognized, taken off the next export
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: x.fileName, content: x.content });
  assert.deepEqual([r.added, r.already, r.updated], [0, 0, 1]);
  assert.deepEqual(r.orders[0]!.changes, ['平台已有答复']);
  assert.equal((await messageOf('QS2025110300001')).replySignedBy, ctx.actor.name, 'gongkai’s reply stands');
  assert.equal((await exportHotlineOrders(t.db, ctx, orgId)).count, 0);
});

test('the standard layout, every order: the variants filled field by field', async () => {
  const x = await exportHotlineOrders(t.db, ctx, orgId, { layout: 'standard', all: true });
  assert.equal(x.count, 7);
  assert.deepEqual(x.headers, [...STANDARD_HEADERS]);
  const back = await parseHotlineFile(x.content);
  const b1 = back.rows.find((r) => r.orderNo === 'B-101')!;
  assert.deepEqual([b1.receivedOn, b1.category, b1.name, b1.answeredOn, b1.rating, b1.stateText], ['2025-11-05', 'suggest', '周某', '2025-11-07', 'basically', '已办结']);
  assert.equal(b1.values['诉求类型'], '建议');
  const open = back.rows.find((r) => r.orderNo === 'QS2025110500005')!;
  assert.deepEqual([open.stateText, open.reply], ['办理中', '']);
  // the standard export imported again: all known, nothing new
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: x.fileName, content: x.content });
  assert.equal(r.added, 0);
  assert.equal(r.already + r.updated, 7);
});

test('an order transferred to another agency is still recognized by the agency that imported it', async () => {
  const other = await createOrg(t.db, ctx, { kind: 'department', fullName: '青山县林业局', shortName: '林业局', code: 'QS-LY', parentCode: 'QS' });
  const m = await messageOf('QS2025110500005');
  await transferMessage(t.db, ctx, m.id, { toOrgId: other.id, reason: '属林业局职责', on: '2025-11-06' });
  assert.equal((await messageOf('QS2025110500005')).orgId, other.id);
  const r = await importHotlineOrders(t.db, ctx, orgId, { fileName: '工单明细.xlsx', content: await workbookA({ later: true }) });
  assert.equal(r.added, 0);
  assert.equal(await count(`select count(*)::int as n from hotline_orders where order_no = 'QS2025110500005'`), 1);
});
