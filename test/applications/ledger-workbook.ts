// Real .xlsx ledgers for the ledger import tests, written with exceljs the way agencies' files look:
// a title row above the header, header variants and traditional characters, Excel dates, typed
// dates in several forms and Excel serial numbers.
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export async function workbook(sheets: { name: string; rows: Cell[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** An agency's own column names (variants of the template's), one traditional. */
export const HEADER: Cell[] = ['序号', '申请人姓名', '申請人性質', '证件号码', '联系电话', '申请公开内容', '渠道', '申请日期', '受理日期', '是否延期', '延期日期', '答复日期', '答复类型', '理由', '备注'];

/** The rows of a 2025 ledger: 6 applications and a numbered blank row. */
export function ledgerRows(overrides: { liSiReply?: [Cell, Cell]; zhangSanOutcome?: string } = {}): Cell[][] {
  return [
    [1, '张三', '自然人', '330106199003071236', '13800000001', '2024年度青山镇土地征收补偿安置方案', '网上申请', d(2025, 3, 1), d(2025, 3, 3), '否', null, '2025/3/20', overrides.zhangSanOutcome ?? '予以公开', null, '电话确认'],
    [2, '青山生态研究院', '科研机构', null, '0571-86660000', '县域水土流失监测原始数据', '当面', null, '2025年3月10日', '是', '2025-04-03', '2025-04-22', '无法提供-没有现成信息需要另行制作', '需要对现有数据加工分析', null],
    [3, '青山律师事务所', '法律服务机构', null, null, '某企业环评审批材料', '信函', '2025-04-01', '2025-04-03', null, null, '2025-04-15', '不予公開-保護第三方合法權益', '涉及商业秘密，第三方不同意公开', null],
    [4, '李四', '自然人', null, '13800000004', '2025年县财政预算执行情况', '网上', null, 45800, null, null, ...(overrides.liSiReply ?? [null, null]), null, null],
    [5, '王五', '个人', null, null, '某小区规划许可材料', '当面', null, '2025-06-02', null, null, '2025-06-05', '申请人撤回', null, null],
    [6, '青山建设有限公司', '商业企业', null, null, '2024年度建设工程招标文件', '网上', d(2024, 12, 18), d(2024, 12, 20), null, null, d(2025, 1, 10), '信息不存在', '本机关不掌握该信息', null],
    [7, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ];
}

export const ledgerFile = (rows = ledgerRows(), title = '青山县自然资源局2025年政府信息公开申请办理台账') =>
  workbook([{ name: '2025年依申请公开台账', rows: [[title], HEADER, ...rows] }]);
