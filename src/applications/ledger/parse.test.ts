// Reading ledger sheets (as plain values; the workbook round trip is in test/applications/ledger-import.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLedgerError } from './model.ts';
import { parseLedgerSheets, MAX_LEDGER_ROWS, type SheetData } from './parse.ts';
import { readWorkbook } from '../../core/workbook.ts';
import JSZip from 'jszip';
import type { CellValue } from './values.ts';

const sheet = (rows: CellValue[][], name = '台账'): SheetData => ({ name, rows });
const messages = (s: SheetData[]) => parseLedgerSheets(s).errors.map((e) => formatLedgerError(e, s.length > 1));

const HEAD = ['序号', '申请人姓名', '申请人性质', '申请公开内容', '申请渠道', '受理日期', '办结日期', '答复类型'];

test('the header may stand under a title; variants and traditional headers are matched; unknown columns are reported', () => {
  const parsed = parseLedgerSheets([
    sheet([
      ['青山县自然资源局2025年依申请公开台账'],
      ['填报单位：办公室'],
      [...HEAD.slice(0, 7), '答復類型', '经办人'],
      [1, '张三', '自然人', '土地征收补偿方案', '网上', '2025-03-04', '2025/3/20', '予以公开', '王某'],
      [2, null, null, null, null, null, null, null, null],
      [3, '青山生态研究院', '科研机构', '水土流失监测数据', '当面', new Date(Date.UTC(2025, 2, 10)), null, null, null],
    ]),
  ]);
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.sheets[0]!.headerRow, 3);
  assert.equal(parsed.rows.length, 2, 'the row with only its 序号 is blank');
  const [a, b] = parsed.rows;
  assert.equal(a!.row, 4);
  assert.equal(a!.applicant.name, '张三');
  assert.equal(a!.applicant.column, 'natural');
  assert.equal(a!.channel, 'online');
  assert.equal(a!.receivedOn, '2025-03-04');
  assert.equal(a!.submittedOn, '2025-03-04', 'no 申请日期 column: submitted on the day received');
  assert.deepEqual(a!.ending, { kind: 'reply', outcome: 'granted', on: '2025-03-20', text: '予以公开' }, '办结日期 stands in for 答复日期');
  assert.equal(a!.closedOn, null);
  assert.equal(a!.formWanted, 'electronic');
  assert.equal(a!.delivery, 'online');
  assert.equal(b!.applicant.kind, 'organization');
  assert.equal(b!.applicant.column, 'research');
  assert.equal(b!.ending, null);
  assert.deepEqual(parsed.warnings, ['未识别的列已忽略：「经办人」']);
});

test('a sheet without a required column cannot be imported; a column twice is refused', () => {
  assert.deepEqual(messages([sheet([['申请人', '申请内容', '收到申请日期'], ['张三', '某文件', '2025-03-04']])]), [
    '第1行：缺少「申请人类型」列（可用的列名：申请人类型、申请人性质、申请人类别、申请主体、申请主体类型）',
  ]);
  assert.match(messages([sheet([['申请人', '申请人类型', '申请内容', '受理日期', '收到日期'], ['张三', '自然人', '某文件', '2025-03-04', '2025-03-04']])])[0]!, /「收到日期」：与「受理日期」是同一项（收到申请日期）/);
  assert.match(messages([sheet([['文件名', '大小'], ['a', 1]])])[0]!, /未找到台账的表头/);
});

test('errors per row name the row and the column as the file writes them', () => {
  const got = messages([
    sheet([
      ['申请人', '申请人类型', '申请内容', '申请日期', '答复日期', '处理结果'],
      ['张三', '自然人', '甲文件', '2025-03-04', '2025-03-05', '予以公开'],
      ['', '法人或其他组织', '乙文件', '2025-13-01', '', '不予公开'],
      ['王五', '自然人', '丙文件', '2025-03-04', '', '予以公开'],
      ['赵六', '自然人', '丁文件', '2025-03-04', '2025-03-09', ''],
    ]),
  ]);
  assert.deepEqual(got, [
    '第3行「申请人」：请填写申请人姓名或名称',
    '第3行「申请人类型」：“法人或其他组织”不够具体，请写明商业企业、科研机构、社会公益组织、法律服务机构或其他（年度报告表三分列统计）',
    '第3行「申请日期」：无法识别的日期“2025-13-01”，请写成 2025-03-04、2025/3/4 或 2025年3月4日，或把单元格设为日期格式',
    '第3行「处理结果」：“不予公开”不够具体：年度报告表三的“不予公开”分为几种情形，请写明是哪一种，如“不予公开-属于国家秘密”',
    '第4行「答复日期」：填写了处理结果，须填写答复日期',
    '第5行「处理结果」：填写了答复日期，须填写处理结果',
  ]);
});

test('identity numbers are checked unless masked; 逾期不补正 needs the 补正 dates', () => {
  const head = ['申请人', '申请人类型', '证件号码', '统一社会信用代码', '申请内容', '收到申请日期', '答复日期', '处理结果'];
  const got = messages([
    sheet([
      head,
      ['张三', '自然人', '330106199003071235', '', '甲', '2025-03-04', '', ''],
      ['李四', '自然人', '3301**********1236', '', '乙文件', '2025-03-04', '', ''],
      ['某公司', '商业企业', '', '91350100M000100Y44', '丙文件', '2025-03-04', '', ''],
      ['王五', '自然人', '', '', '丁文件', '2025-03-04', '2025-04-01', '逾期不补正'],
    ]),
  ]);
  assert.deepEqual(got, [
    '第2行「证件号码」：居民身份证号码不正确（18 位，最后一位可为 X），请核对',
    '第2行「申请内容」：请填写申请内容（所需政府信息的名称或描述）',
    '第4行「统一社会信用代码」：统一社会信用代码不正确（18 位），请核对',
    '第5行「补正告知日期」：处理结果为逾期不补正，须填写补正告知日期和补正期限',
  ]);
});

test('several sheets: instructions and examples are skipped, errors name the sheet', () => {
  const head = ['申请人', '申请人类型', '申请内容', '收到申请日期'];
  const sheets = [
    sheet([head, ['张三', '自然人', '甲文件', '2025-01-04']], '2025年1月'),
    sheet([head, ['李四', '火星人', '乙文件', '2025-02-04']], '2025年2月'),
    sheet([head, ['示例', '自然人', '示例文件', '2025-02-04']], '填写示例'),
    sheet([['说明'], ['申请人', '申请人类型', '申请内容']], '填写说明'),
  ];
  const parsed = parseLedgerSheets(sheets);
  assert.equal(parsed.rows.length, 1);
  assert.deepEqual(parsed.sheets.map((s) => s.name), ['2025年1月', '2025年2月']);
  assert.deepEqual(parsed.errors.map((e) => formatLedgerError(e, true)), ['工作表「2025年2月」第2行「申请人类型」：无法识别“火星人”，应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他']);
});

test('correction, fee and extension columns become the steps of the row', () => {
  const parsed = parseLedgerSheets([
    sheet([
      ['申请人', '申请人类型', '申请内容', '收到申请日期', '补正告知日期', '补正期限', '收到补正日期', '收费通知日期', '计费方式', '收费金额', '缴费期限', '缴费日期', '是否延期', '延期告知日期', '延长工作日数', '答复日期', '处理结果', '答复理由', '办结日期'],
      ['张三', '自然人', '甲文件', '2025-03-04', '2025-03-06', '2025-03-20', '2025-03-10', '2025-03-12', '按量计收', '1,700元', '2025-03-26', '2025-03-14', '是', '2025-03-31', 10, '2025-04-20', '部分公开', '涉及个人隐私的部分不予公开', '2025-04-25'],
      ['李四', '自然人', '乙文件', '2025-03-04', '', '', '', '2025-03-12', '', '', '', '', '是', '', 30, '', '', '', '2025-04-25'],
    ]),
  ]);
  const [row] = parsed.rows;
  assert.deepEqual(row!.correction, { on: '2025-03-06', items: '（台账未记载补正事项）', dueOn: '2025-03-20', correctedOn: '2025-03-10' });
  assert.deepEqual(row!.fee, { on: '2025-03-12', basis: 'by_pages', quantity: 0, amountYuan: 1700, paymentDueOn: '2025-03-26', paidOn: '2025-03-14' });
  assert.deepEqual(row!.extension, { on: '2025-03-31', workingDays: 10, reason: '（台账未记载延期理由）' });
  assert.equal(row!.closedOn, '2025-04-25');
  assert.equal(row!.reasons, '涉及个人隐私的部分不予公开');
  assert.deepEqual(parsed.errors.map((e) => formatLedgerError(e, false)), [
    '第3行「计费方式」：有收费通知日期时须填写计费方式（按件计收或按量计收）',
    '第3行「收费金额」：有收费通知日期时须填写收费金额（元）',
    '第3行「缴费期限」：有收费通知日期时须填写缴费期限',
    '第3行「延期告知日期」：填写了延期，须填写延期告知日期',
    '第3行「延长工作日数」：延长的期限应为 1 至 20 个工作日（条例第三十三条第二款）',
    '第3行「办结日期」：尚未答复的申请不能办结：请填写答复日期和处理结果',
  ]);
});

test('a zip bomb posing as a ledger is refused by its declared sizes, in Chinese, before exceljs unpacks it', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024)); // 8 MB of zeros pack to some 8 KB
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await assert.rejects(readWorkbook(bomb, MAX_LEDGER_ROWS), (e: Error) => {
    assert.match(e.message, /^压缩文件解压后过大：xl\/worksheets\/sheet1\.xml 的压缩比为 \d+:1（上限 200:1），可能是恶意构造的“压缩炸弹”，未读取$/);
    return true;
  });
});
