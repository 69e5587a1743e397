// The result table of a year as XLSX: one row per task, one column per agency concerned, each cell the
// agency's state (牵头 marked, 逾期 added when overdue), with a sheet of the rectification items.
import { today } from '../../core/today.ts';
import { SOURCE_KIND_LABELS, type Rectification, type Task } from './model.ts';
import { isOverdue } from './rules/overdue.ts';
import { PROGRESS_STATE_LABELS, RECTIFICATION_STATE_LABELS } from './rules/transitions.ts';

export async function resultsWorkbook(officeName: string, year: number, tasks: readonly Task[], rectifications: readonly Rectification[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const now = today();
  const published = tasks.filter((t) => t.state === 'published');
  const agencies = new Map<number, string>();
  for (const t of published) for (const a of t.agencies) agencies.set(a.orgId, a.orgName);
  const columns = [...agencies.entries()];
  const ws = wb.addWorksheet(`${year}年任务完成情况`);
  ws.addRow(['序号', '任务', '完成时限', ...columns.map(([, name]) => name)]);
  ws.getRow(1).font = { bold: true };
  published.forEach((t, i) => {
    ws.addRow([
      i + 1, t.title, t.deadline,
      ...columns.map(([orgId]) => {
        const p = t.agencies.find((a) => a.orgId === orgId);
        if (!p) return '';
        return `${p.lead ? '（牵头）' : ''}${PROGRESS_STATE_LABELS[p.state]}${isOverdue(t.deadline, p.state, now) ? '·逾期' : ''}`;
      }),
    ]);
  });
  ws.getColumn(2).width = 50;
  ws.getColumn(3).width = 12;
  for (let c = 4; c < 4 + columns.length; c++) ws.getColumn(c).width = 18;
  const rs = wb.addWorksheet('整改事项');
  rs.addRow(['整改部门', '问题', '来源', '来源说明', '整改时限', '状态', '逾期', '整改情况']);
  rs.getRow(1).font = { bold: true };
  for (const r of rectifications) {
    rs.addRow([r.orgName, r.finding, SOURCE_KIND_LABELS[r.sourceKind], r.sourceRef, r.deadline, RECTIFICATION_STATE_LABELS[r.state], isOverdue(r.deadline, r.state, now) ? '是' : '否', r.closingNote]);
  }
  wb.creator = officeName;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
