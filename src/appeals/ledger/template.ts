// The downloadable register template (复议诉讼台账模板.xlsx): the columns of rules/ledger-values.ts
// with their notes, drop-down lists for 类型 and 结果, a sheet of instructions (with how each result
// is counted in table 4) and one of examples; neither of those is imported (parse.ts skips sheets
// named 说明 / 示例). docs/appeals-ledger-template.md says the same.
import { LEDGER_COLUMNS } from '../rules/ledger-values.ts';

export const TEMPLATE_FILE_NAME = '复议诉讼台账模板.xlsx';
const DATA_SHEET = '复议诉讼台账';
const ROWS_WITH_LISTS = 300;

const LISTS: Record<string, readonly string[]> = {
  kind: ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'],
  outcome: ['维持', '纠正', '其他', '尚未审结', '驳回复议申请', '驳回诉讼请求', '撤销', '确认违法', '责令重新答复', '终止', '撤回', '和解'],
};

/** How each result is counted (docs/appeals-table4.md 「台账导入：结果的写法」). */
export const OUTCOME_GUIDE: readonly [string, string][] = [
  ['结果维持', '维持；驳回复议申请、驳回诉讼请求（驳回）；确认合法'],
  ['结果纠正', '纠正；撤销（含部分撤销）、变更、确认违法、确认无效、责令履行、责令重新答复、撤销原答复并重新答复'],
  ['其他结果', '其他；终止、撤回（撤诉）、和解、调解、不予受理、驳回起诉'],
  ['尚未审结', '尚未审结、审理中，或留空（此时“决定日期/审结日期”也应留空）'],
];

const EXAMPLES: Record<string, string | number>[] = [
  { serial: 1, kind: '行政复议', receiptNo: 'QS-ZRZY-2025-00012', party: '张三', body: '青山县人民政府', caseNumber: '青政复〔2025〕3号', receivedOn: '2025-03-10', decidedOn: '2025-05-08', outcome: '驳回复议申请' },
  { serial: 2, kind: '复议', party: '青山县绿源农业开发有限公司', body: '青山县人民政府', caseNumber: '青政复〔2025〕11号', receivedOn: '2025-06-16', decidedOn: '2025-08-20', outcome: '撤销原答复，责令重新答复' },
  { serial: 3, kind: '直诉', party: '李四', body: '青山县人民法院', caseNumber: '（2025）青0122行初15号', receivedOn: '2025-04-02', decidedOn: '2025-09-25', outcome: '驳回诉讼请求' },
  { serial: 4, kind: '复议后诉讼', party: '王五', body: '青山县人民法院', caseNumber: '（2025）青0122行初21号', receivedOn: '2025-11-03', outcome: '尚未审结' },
];

/** The template workbook as .xlsx bytes. */
export async function appealLedgerTemplate(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  wb.created = new Date(Date.UTC(2025, 0, 1));

  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.key === 'receivedOn' || c.key === 'decidedOn' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  const head = ws.getRow(1);
  head.height = 30;
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: 'FF9C0006' } : undefined };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE0E0' : 'FFEFEFEF' } };
    cell.note = `${c.required ? '【必填】' : ''}${c.help}${c.variants.length ? `\n也可用列名：${c.variants.slice(0, 5).join('、')}` : ''}`;
    const list = LISTS[c.key];
    for (let r = 2; r <= ROWS_WITH_LISTS + 1; r++) {
      const target = ws.getCell(r, i + 1);
      if (list) {
        // a warning, not a stop: the other spellings of the instructions are accepted too
        target.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorStyle: 'warning', errorTitle: c.header, error: `请从列表中选择${c.header}，或按填写说明填写` };
      } else if (c.key === 'receivedOn' || c.key === 'decidedOn') {
        target.dataValidation = {
          type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true, errorStyle: 'warning', errorTitle: c.header,
          error: '请填写日期，如 2025-03-04', formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        };
      }
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 8 }, { width: 70 }, { width: 44 }];
  help.addRow(['复议诉讼台账导入模板 · 填写说明']).font = { bold: true, size: 14 };
  help.addRow(['每行一件行政复议或行政诉讼；表头保留在第 1 行（可在上方加标题行）。日期写成 2025-03-04，或设为 Excel 日期格式。本工作表和“填写示例”不会被导入。同一案号已登记的，不会重复导入。']);
  help.addRow([]);
  help.addRow(['列名', '必填', '填写内容', '也可用的列名']).font = { bold: true };
  for (const c of LEDGER_COLUMNS) help.addRow([c.header, c.required ? '是' : '', c.help, c.variants.join('、')]).alignment = { wrapText: true, vertical: 'top' };
  help.addRow([]);
  help.addRow(['“结果”计入年度报告表四的哪一栏：']).font = { bold: true };
  for (const [column, words] of OUTCOME_GUIDE) help.addRow([column, '', words]).alignment = { wrapText: true, vertical: 'top' };

  const ex = wb.addWorksheet('填写示例');
  ex.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ex.getRow(1).font = { bold: true };
  for (const e of EXAMPLES) ex.addRow(e);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
