// The reading of 12345 exports (src/interaction/hotline/parse.ts): header variants (synonyms, a merged
// title row above the header, trailing blank rows), dates as Excel serials, date cells and text,
// categories with the default, a row without 工单编号 reported; and the two fixture workbooks read
// through the real workbook reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWorkbook } from '../../src/core/workbook.ts';
import {
  categoryOf, DEFAULT_CATEGORY, matchHotlineHeader, parseDateTime, parseDue, parseHotlineFile, parseHotlineSheets, publishOf, ratingOf,
} from '../../src/interaction/hotline/parse.ts';
import { HEADER_A, HEADER_B, workbookA, workbookB } from '../fixtures/hotline/workbooks.ts';

test('column titles in the platforms’ spellings', () => {
  for (const t of ['工单编号', '工单号', ' 工 单 号 ', '*工单编号', '工单编号（必填）']) assert.equal(matchHotlineHeader(t), 'orderNo', t);
  for (const t of ['受理时间', '来电时间', '登记时间']) assert.equal(matchHotlineHeader(t), 'receivedAt', t);
  for (const t of ['诉求类型', '工单类型', '业务类别']) assert.equal(matchHotlineHeader(t), 'category', t);
  for (const t of ['诉求内容', '问题描述']) assert.equal(matchHotlineHeader(t), 'content', t);
  for (const t of ['来电人', '市民姓名']) assert.equal(matchHotlineHeader(t), 'name', t);
  for (const t of ['联系电话', '来电号码']) assert.equal(matchHotlineHeader(t), 'phone', t);
  for (const t of ['承办单位', '主办单位']) assert.equal(matchHotlineHeader(t), 'unit', t);
  for (const t of ['办理时限', '办结时限']) assert.equal(matchHotlineHeader(t), 'dueAt', t);
  for (const t of ['办结时间', '回复时间']) assert.equal(matchHotlineHeader(t), 'answeredAt', t);
  for (const t of ['办理结果', '答复内容', '回复内容']) assert.equal(matchHotlineHeader(t), 'reply', t);
  for (const t of ['满意度', '回访结果']) assert.equal(matchHotlineHeader(t), 'satisfaction', t);
  assert.equal(matchHotlineHeader('是否公开'), 'publish');
  assert.equal(matchHotlineHeader('標題'), 'subject', '繁體 titles too');
  assert.equal(matchHotlineHeader('所属区域'), null);
});

test('dates: Excel serials, date cells, text with and without time, 年月日', () => {
  assert.deepEqual(parseDateTime(45964), { date: '2025-11-03', time: null });
  assert.deepEqual(parseDateTime(45964.59722222222), { date: '2025-11-03', time: '14:20' });
  assert.deepEqual(parseDateTime(new Date(Date.UTC(2025, 10, 3, 14, 20))), { date: '2025-11-03', time: '14:20' });
  assert.deepEqual(parseDateTime('2025/11/03 14:20'), { date: '2025-11-03', time: '14:20' });
  assert.deepEqual(parseDateTime('2025-11-03 14:20:35'), { date: '2025-11-03', time: '14:20' });
  assert.deepEqual(parseDateTime('2025年11月3日'), { date: '2025-11-03', time: null });
  assert.deepEqual(parseDateTime('2025年11月3日 9时5分'), { date: '2025-11-03', time: '09:05' });
  assert.deepEqual(parseDateTime('2025.11.3'), { date: '2025-11-03', time: null });
  assert.deepEqual(parseDateTime('20251103'), { date: '2025-11-03', time: null });
  assert.deepEqual(parseDateTime('45964'), { date: '2025-11-03', time: null });
  assert.equal(parseDateTime(null), null);
  assert.equal(parseDateTime('  '), null);
  assert.equal(parseDateTime('2025-02-30'), undefined);
  assert.equal(parseDateTime('明天'), undefined);
  assert.equal(parseDateTime(12), undefined);
});

test('办理时限: a day or a number of working days', () => {
  assert.deepEqual(parseDue('5个工作日'), { workingDays: 5 });
  assert.deepEqual(parseDue(10), { workingDays: 10 });
  assert.deepEqual(parseDue('2025/11/24 18:00'), { dueOn: '2025-11-24' });
  assert.deepEqual(parseDue(45985), { dueOn: '2025-11-24' });
  assert.equal(parseDue(null), null);
  assert.equal(parseDue('尽快'), undefined);
});

test('categories: 咨询、求助（求决）、建议、投诉（举报）; the rest is the default, said so', () => {
  assert.deepEqual(categoryOf('咨询'), { category: 'consult', known: true });
  assert.deepEqual(categoryOf('政策咨询类'), { category: 'consult', known: true });
  assert.deepEqual(categoryOf('求助'), { category: 'help', known: true });
  assert.deepEqual(categoryOf('求决'), { category: 'help', known: true });
  assert.deepEqual(categoryOf('投诉'), { category: 'complain', known: true });
  assert.deepEqual(categoryOf('举报'), { category: 'complain', known: true });
  assert.deepEqual(categoryOf('建议'), { category: 'suggest', known: true });
  assert.deepEqual(categoryOf('意见建议'), { category: 'suggest', known: true });
  assert.equal(DEFAULT_CATEGORY, 'help');
  for (const t of ['表扬', '感谢', '其他', '']) assert.deepEqual(categoryOf(t), { category: 'help', known: false }, t);
});

test('satisfaction and publication', () => {
  assert.equal(ratingOf('满意'), 'satisfied');
  assert.equal(ratingOf('非常满意'), 'satisfied');
  assert.equal(ratingOf('基本满意'), 'basically');
  assert.equal(ratingOf('不满意'), 'unsatisfied');
  assert.equal(ratingOf(''), null);
  assert.equal(ratingOf('未回访'), null);
  assert.equal(ratingOf('很好'), undefined);
  assert.equal(publishOf('是'), true);
  assert.equal(publishOf('否'), false);
  assert.equal(publishOf(''), false);
  assert.equal(publishOf('也许'), undefined);
});

test('a title row above the header, one order per row, blank rows and the footer skipped, a row without 工单编号 reported', () => {
  const sheet = {
    name: '工单',
    rows: [
      ['某市12345热线工单导出', '某市12345热线工单导出', '某市12345热线工单导出'],
      [],
      ['工单号', '来电时间', '工单类型', '标题', '问题描述', '市民姓名', '来电号码', '回复内容', '回复时间', '回访结果'],
      ['A1', '2025/11/03 14:20', '咨询', '问题一', '内容一。', '张某', '139', null, null, null],
      [null, '2025/11/03 15:00', '投诉', '问题二', '内容二。', '李某', '138', null, null, null],
      ['A3', 45965, '表扬', null, '表扬某窗口。很好', '赵某', '137', '已转达。', '2025年11月5日', '满意'],
      ['A4', '不详', '咨询', '问题四', '内容四。', '钱某', '136', null, null, null],
      [null, null, null],
      ['合计', null],
    ],
  };
  const p = parseHotlineSheets([sheet]);
  assert.deepEqual(p.headers.slice(0, 3), ['工单号', '来电时间', '工单类型']);
  assert.equal(p.rowsRead, 4);
  assert.deepEqual(p.rows.map((r) => r.orderNo), ['A1', 'A3']);
  const [a1, a3] = p.rows;
  assert.equal(a1!.row, 4);
  assert.equal(a1!.receivedOn, '2025-11-03');
  assert.equal(a1!.category, 'consult');
  assert.equal(a1!.name, '张某');
  assert.equal(a1!.values['来电时间'], '2025-11-03 14:20');
  assert.equal(a3!.category, 'help');
  assert.equal(a3!.subject, '表扬某窗口', 'no title: the content’s first sentence');
  assert.equal(a3!.reply, '已转达。');
  assert.equal(a3!.answeredOn, '2025-11-05');
  assert.equal(a3!.rating, 'satisfied');
  assert.deepEqual(p.problems.map((x) => x.row), [5, 7]);
  assert.match(p.problems[0]!.message, /第5行：没有工单编号，未导入/);
  assert.match(p.problems[1]!.message, /受理时间“不详”不是有效的日期/);
  assert.ok(p.warnings.some((w) => /第6行（工单 A3）：诉求类型“表扬”.*按“求助”导入/.test(w)), p.warnings.join('\n'));
});

test('a file without an order-number column is refused as a whole', () => {
  const p = parseHotlineSheets([{ name: 'Sheet1', rows: [['序号', '受理时间', '诉求类型', '诉求内容'], [1, '2025-11-03', '咨询', '内容']] }]);
  assert.equal(p.rows.length, 0);
  assert.match(p.problems[0]!.message, /未找到工单表头/);
});

test('variant A through the workbook reader: merged title cells, date cells, the unknown column kept', async () => {
  const sheets = await readWorkbook(await workbookA(), 5000);
  assert.equal(sheets[0]!.rows[0]![3], sheets[0]!.rows[0]![0], 'the merged title repeats across its cells');
  const p = await parseHotlineFile(await workbookA());
  assert.deepEqual(p.headers, HEADER_A);
  assert.deepEqual(p.rows.map((r) => r.orderNo), ['QS2025110300001', 'QS2025110300002', 'QS2025110400003', 'QS2025110500005']);
  assert.deepEqual(p.rows.map((r) => r.receivedOn), ['2025-11-03', '2025-11-03', '2025-11-04', '2025-11-05']);
  assert.deepEqual(p.rows.map((r) => r.category), ['consult', 'complain', 'help', 'help']);
  assert.deepEqual(p.rows[3]!.due, { workingDays: 5 });
  assert.equal(p.rows[0]!.values['受理时间'], '2025-11-03 14:20');
  assert.equal(p.rows[0]!.values['所属区域'], '城关镇');
  assert.equal(p.rows[1]!.consentPublish, true);
  assert.equal(p.rowsRead, 5);
  assert.equal(p.problems.length, 1);
  assert.match(p.problems[0]!.message, /第6行：没有工单编号/);
  assert.ok(p.warnings.some((w) => /所属区域/.test(w)));
  const later = await parseHotlineFile(await workbookA({ later: true }));
  assert.equal(later.rows[1]!.reply, '经核查，已责令施工单位停止夜间施工，并加强巡查。');
  assert.equal(later.rows[1]!.answeredOn, '2025-11-05');
  assert.equal(later.rows[1]!.rating, 'satisfied');
});

test('variant B through the workbook reader: serial dates, header on the first row', async () => {
  const p = await parseHotlineFile(await workbookB());
  assert.deepEqual(p.headers, HEADER_B);
  assert.deepEqual(p.rows.map((r) => [r.orderNo, r.receivedOn, r.category]), [['B-101', '2025-11-05', 'suggest'], ['B-102', '2025-11-06', 'complain'], ['B-103', '2025-11-07', 'help']]);
  assert.equal(p.rows[0]!.answeredOn, '2025-11-07');
  assert.equal(p.rows[0]!.rating, 'basically');
  assert.deepEqual(p.rows[1]!.due, { dueOn: '2025-11-24' });
  assert.equal(p.rows[0]!.name, '周某');
  assert.deepEqual(p.problems, []);
});
