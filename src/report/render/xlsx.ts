// The tables of the annual report as an Excel workbook (.xlsx): one worksheet
// per table (sections 二, 三, 四), the merged header ranges of the national
// template, numbers stored as numbers. Every cell is written on its own and the
// ranges are merged afterwards: writing a whole row over a merged range would
// drop the merge.
import ExcelJS from 'exceljs';
import { SECTION_HEADINGS, SECTION_KEYS } from '../model/layout.ts';
import { layoutDocument, type ReportDocument } from './document.ts';
import { placeCells, type TableGrid } from './grid.ts';

/** Rows above each table: the report title and the section heading. */
export const XLSX_TABLE_FIRST_ROW = 3;

const FONT = { name: '宋体', size: 10.5 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Total width of a table in Excel character units. */
const SHEET_WIDTH: Record<TableGrid['id'], number> = { table2: 72, table3: 125, table4: 150 };

/** Width of a text in character units (CJK characters count double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

function writeTable(ws: ExcelJS.Worksheet, grid: TableGrid, top: number): void {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const widths = grid.columnWidths.map((w) => Math.max(6, Math.round((SHEET_WIDTH[grid.id] * w) / total)));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const slots = placeCells(grid);
  const lines = slots.map(() => 1);
  slots.forEach((row, r) => {
    for (const { col, cell, origin } of row) {
      for (let dc = 0; dc < cell.colSpan; dc++) {
        const c = ws.getCell(top + r, col + 1 + dc);
        c.border = BORDER;
        c.font = FONT;
        c.alignment = {
          vertical: 'middle',
          horizontal: cell.header && cell.scope === 'row' ? 'left' : 'center',
          wrapText: true,
        };
      }
      if (!origin) continue;
      const master = ws.getCell(top + r, col + 1);
      if (!cell.header && cell.value !== undefined && cell.value !== null) master.value = cell.value;
      else if (cell.header) master.value = cell.text;
      if (cell.rowSpan === 1) {
        const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
        lines[r] = Math.max(lines[r]!, Math.ceil(textWidth(cell.text) / Math.max(1, width - 1)));
      }
    }
  });
  lines.forEach((n, r) => {
    if (n > 1) ws.getRow(top + r).height = 15 * n;
  });
  slots.forEach((row, r) => {
    for (const { col, cell, origin } of row) {
      if (origin && (cell.colSpan > 1 || cell.rowSpan > 1)) {
        ws.mergeCells(top + r, col + 1, top + r + cell.rowSpan - 1, col + cell.colSpan);
      }
    }
  });
}

function titleRow(ws: ExcelJS.Worksheet, row: number, text: string, width: number, size: number, bold: boolean): void {
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: bold ? '黑体' : '宋体', size, bold };
  c.alignment = { horizontal: bold ? 'center' : 'left', vertical: 'middle' };
  ws.mergeCells(row, 1, row, width);
  ws.getRow(row).height = size * 1.8;
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const { title, blocks } = layoutDocument(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  wb.title = title;
  let section = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') section = SECTION_KEYS.indexOf(b.section);
    if (b.kind !== 'table' && b.kind !== 'missing') continue;
    const heading = SECTION_HEADINGS[section]!;
    const grid = b.kind === 'table' ? b.grid : null;
    const width = grid?.columns ?? 8;
    const ws = wb.addWorksheet(heading, {
      pageSetup: {
        paperSize: 9, // A4
        orientation: grid && grid.columns > 10 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
      },
      views: grid && grid.headerRows > 0 ? [{ state: 'frozen', ySplit: XLSX_TABLE_FIRST_ROW - 1 + grid.headerRows }] : [],
    });
    titleRow(ws, 1, title, width, 14, true);
    titleRow(ws, 2, heading, width, 12, false);
    if (grid) {
      writeTable(ws, grid, XLSX_TABLE_FIRST_ROW);
      if (grid.headerRows > 0) {
        ws.pageSetup.printTitlesRow = `${XLSX_TABLE_FIRST_ROW}:${XLSX_TABLE_FIRST_ROW + grid.headerRows - 1}`;
      }
    } else {
      ws.getCell(XLSX_TABLE_FIRST_ROW, 1).value = b.kind === 'missing' ? b.text : '';
      ws.getColumn(1).width = 40;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
