// The downloadable ledger template (依申请公开台账模板.xlsx): the columns of columns.ts with their
// notes, date formats and drop-down lists, a sheet of instructions and one of examples (neither
// is imported: parse.ts skips sheets named 说明 / 示例). docs/ledger-template.md says the same.
import { LEDGER_FIELDS, type LedgerFieldKey } from './columns.ts';
import { outcomeChoices } from './values.ts';

export const TEMPLATE_FILE_NAME = '依申请公开台账模板.xlsx';
const DATA_SHEET = '依申请公开台账';
const ROWS_WITH_LISTS = 500;

const LISTS: Partial<Record<LedgerFieldKey, readonly string[]>> = {
  applicantType: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  channel: ['当面', '口头', '邮寄', '平常信函', '网上', '传真'],
  formWanted: ['纸质', '电子'],
  delivery: ['邮寄', '电子邮件', '当面领取', '网上获取'],
  feeBasis: ['按件计收', '按量计收'],
  extended: ['是', '否'],
};

/** Example rows (the 填写示例 sheet), in template column order by field key. */
const EXAMPLES: Partial<Record<LedgerFieldKey, string | number>>[] = [
  { serial: 1, ledgerNo: 'YSQ-2025-001', name: '张三', applicantType: '自然人', idNumber: '330106199003071236', phone: '13800000000', content: '2024年度青山镇土地征收补偿安置方案', channel: '网上', submittedOn: '2025-03-03', receivedOn: '2025-03-04', repliedOn: '2025-03-20', outcome: '予以公开', deliveredBy: '电子邮件' },
  { serial: 2, ledgerNo: 'YSQ-2025-002', name: '青山生态研究院', applicantType: '科研机构', creditCode: '91350100M000100Y43', content: '县域水土流失监测原始数据', channel: '当面', receivedOn: '2025-03-10', extended: '是', extensionOn: '2025-04-03', extensionDays: 15, repliedOn: '2025-04-22', outcome: '无法提供-没有现成信息需要另行制作', reasons: '需要对现有数据加工分析（条例第三十八条）' },
  { serial: 3, ledgerNo: 'YSQ-2025-003', name: '李四', applicantType: '自然人', content: '某小区规划许可材料', channel: '邮寄', submittedOn: '2025-04-01', receivedOn: '2025-04-03', correctionOn: '2025-04-08', correctionItems: '请说明所需信息的具体名称', correctionDueOn: '2025-04-23', repliedOn: '2025-04-28', outcome: '逾期不补正' },
  { serial: 4, ledgerNo: 'YSQ-2025-004', name: '王五', applicantType: '自然人', content: '2025年县财政预算执行情况', channel: '网上', receivedOn: '2025-05-06' },
];

/** The template workbook as .xlsx bytes. */
export async function ledgerTemplate(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  wb.created = new Date(Date.UTC(2025, 0, 1));

  // The ledger itself: one header row, then the rows to fill in.
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_FIELDS.map((f) => ({ header: f.header, key: f.key, width: f.width ?? 12, style: f.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  const head = ws.getRow(1);
  head.height = 30;
  LEDGER_FIELDS.forEach((f, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: true, color: f.required ? { argb: 'FF9C0006' } : undefined };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.required ? 'FFFFE0E0' : 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = `${f.required ? '【必填】' : ''}${f.help}${f.variants.length ? `\n也可用列名：${f.variants.slice(0, 6).join('、')}` : ''}`;
  });

  // Drop-down lists (other spellings listed in the instructions are accepted too: a warning, not a stop).
  const options = wb.addWorksheet('选项', { state: 'hidden' });
  const outcomes = outcomeChoices().map((c) => c.label);
  outcomes.forEach((label, i) => (options.getCell(i + 1, 1).value = label));
  const listOf = (key: LedgerFieldKey): string | null => {
    if (key === 'outcome') return `选项!$A$1:$A$${outcomes.length}`;
    const list = LISTS[key];
    return list ? `"${list.join(',')}"` : null;
  };
  LEDGER_FIELDS.forEach((f, i) => {
    const formula = listOf(f.key);
    for (let r = 2; r <= ROWS_WITH_LISTS + 1; r++) {
      const cell = ws.getCell(r, i + 1);
      if (formula) {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning', errorTitle: f.header, error: `请从列表中选择${f.header}` };
      } else if (f.kind === 'date') {
        cell.dataValidation = {
          type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true, errorStyle: 'warning', errorTitle: f.header,
          error: '请填写日期，如 2025-03-04', formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        };
      }
    }
  });

  // Instructions.
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 8 }, { width: 70 }, { width: 44 }];
  help.addRow(['依申请公开台账导入模板 · 填写说明']).font = { bold: true, size: 14 };
  help.addRow(['每行一件申请；表头必须保留在第 1 行（可在上方加标题行）。日期写成 2025-03-04，或设为 Excel 日期格式。简体、繁体均可。本工作表和“填写示例”不会被导入。']);
  help.addRow([]);
  help.addRow(['列名', '必填', '填写内容', '也可用的列名']).font = { bold: true };
  for (const f of LEDGER_FIELDS) help.addRow([f.header, f.required ? '是' : '', f.help, f.variants.join('、')]).alignment = { wrapText: true, vertical: 'top' };
  help.addRow([]);
  help.addRow(['处理结果可填写（年度报告表三的办理结果）：']).font = { bold: true };
  for (const label of outcomes) help.addRow(['', '', label]);
  help.addRow(['', '', '也可写表三的原文，如“（三）不予公开 1.属于国家秘密”，或“不予公开3”“（四）1”。只写“不予公开”“无法提供”“不予处理”“其他处理”不够具体，会被退回。']);

  // Examples (a copy of the columns, filled in).
  const ex = wb.addWorksheet('填写示例');
  ex.columns = LEDGER_FIELDS.map((f) => ({ header: f.header, key: f.key, width: f.width ?? 12 }));
  ex.getRow(1).font = { bold: true };
  for (const e of EXAMPLES) ex.addRow(e);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
