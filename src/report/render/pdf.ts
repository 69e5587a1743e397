// The annual report as PDF (pdfmake 0.3 on the server, set up in pdfmake.ts): A4
// with the margins of GB/T 9704, Noto Sans Hans embedded (subset), tables with
// their merged cells, header rows repeated on each page and rows never split
// across pages.
import { layoutDocument, type ReportDocument } from './document.ts';
import { placeCells, type GridCell, type TableGrid } from './grid.ts';
import { renderPdfDocument, type PdfDefinition, type RenderedPdf } from './pdfmake.ts';

const MM = 72 / 25.4;
// GB/T 9704: A4, margins left 28 mm, top 37 mm, right 26 mm, bottom 35 mm.
const MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const CELL_PADDING = 3;
const LINE = 0.5;

interface PdfCell {
  text?: string;
  id?: string;
  colSpan?: number;
  rowSpan?: number;
  alignment?: 'left' | 'center';
  verticalAlignment?: 'middle';
  margin?: [number, number, number, number];
}

const TABLE_STYLES = {
  table: { fontSize: 8.5, lineHeight: 1.05 },
  wideTable: { fontSize: 8, lineHeight: 1.05 },
};
type TableStyle = (typeof TABLE_STYLES)[keyof typeof TABLE_STYLES];
/** Height of a line of CJK text per point of font size (ascent + descent = 1.448 em, see pdf-fonts.ts). */
const CJK_LINE = 1.448;
const PADDING_Y = 1.5;

/**
 * A top margin that puts the text of a cell merged down several rows near
 * the middle, assuming every spanned row is one line high (the least it can
 * be); 0 when the estimate leaves too little room to be safe, since a margin
 * that does not fit would stretch the rows.
 */
function centringMargin(cell: GridCell, widths: number[], style: TableStyle): number {
  const line = CJK_LINE * style.fontSize * style.lineHeight;
  const perLine = Math.max(1, Math.floor(widths.reduce((a, b) => a + b, 0) / style.fontSize));
  const lines = Math.ceil([...cell.text].length / perLine);
  const slack = cell.rowSpan * (line + 2 * PADDING_Y + LINE) - 2 * PADDING_Y - lines * line;
  return slack > 3 * line ? Math.round(slack / 2 - line) : 0;
}

export function tablePdf(grid: TableGrid, id: string): object {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const usable = TEXT_WIDTH - grid.columns * (2 * CELL_PADDING + LINE) - LINE;
  const widths = grid.columnWidths.map((w) => (usable * w) / total);
  const styleName = grid.columns > 10 ? 'wideTable' : 'table';
  const style = TABLE_STYLES[styleName];
  const body: PdfCell[][] = placeCells(grid).map((slots, r) => {
    const row: PdfCell[] = new Array<PdfCell>(grid.columns);
    for (const { col, cell, origin } of slots) {
      // pdfmake wants a placeholder at every position a merged cell covers.
      for (let dc = 0; dc < cell.colSpan; dc++) row[col + dc] = {};
      if (!origin) continue;
      const c: PdfCell = {
        text: cell.text,
        alignment: cell.header && cell.scope === 'row' ? 'left' : 'center',
      };
      // pdfmake 0.3.11 misplaces vertically centred text in cells merged down
      // several rows (below the cell, or off the table once a block moves to
      // the next page): those get a top margin that roughly centres them instead.
      if (cell.rowSpan === 1) c.verticalAlignment = 'middle';
      else c.margin = [0, centringMargin(cell, widths.slice(col, col + cell.colSpan), style), 0, 0];
      if (cell.colSpan > 1) c.colSpan = cell.colSpan;
      if (cell.rowSpan > 1) c.rowSpan = cell.rowSpan;
      // Marks where the table's body starts, for keepHeadingWithTable.
      if (r === grid.headerRows && col === 0) c.id = `${id}-body`;
      row[col] = c;
    }
    return row;
  });
  return {
    table: { headerRows: grid.headerRows, dontBreakRows: true, keepWithHeaderRows: 1, widths, body },
    layout: {
      hLineWidth: () => LINE,
      vLineWidth: () => LINE,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => PADDING_Y,
      paddingBottom: () => PADDING_Y,
    },
    style: styleName,
    margin: [0, 4, 0, 10],
  };
}

interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  pageNumbers: number[];
  startPosition: { verticalRatio: number };
}
interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

/**
 * Moves a section heading to the next page when it would end a page, or when
 * it sits in the lower half of a page and its table starts on the next one.
 * (pdfmake lays the document out again after each break it adds.)
 */
function keepHeadingWithTable(node: NodeInfo, nodes: NodeQueries): boolean {
  if (node.headlineLevel !== 1 || !node.id) return false;
  const following = nodes.getFollowingNodesOnPage();
  if (following.length === 0) return true;
  const tableBody = `${node.id.replace('heading-', 'table-')}-body`;
  if (node.startPosition.verticalRatio < 0.5 || following.some((n) => n.id === tableBody)) return false;
  return nodes.getNodesOnNextPage().some((n) => n.id === tableBody);
}

export function pdfDefinition(doc: ReportDocument): PdfDefinition {
  const { title, blocks } = layoutDocument(doc);
  const content: object[] = [{ text: title, style: 'title' }];
  let section = '';
  for (const b of blocks) {
    if (b.kind === 'heading') {
      section = b.section;
      content.push({ text: b.text, style: 'heading', headlineLevel: 1, id: `heading-${section}` });
    } else if (b.kind === 'paragraph') content.push({ text: b.text, style: 'paragraph' });
    else if (b.kind === 'missing') content.push({ text: b.text, style: 'missing' });
    // Each table moves to the next page whole rather than split: every table of
    // the template fits on one A4 page, and pdfmake 0.3.11 cannot draw cells
    // merged down several rows across a page break (their labels are lost or
    // misplaced). Header rows are still declared, in case a table ever outgrows a page.
    else content.push({ stack: [tablePdf(b.grid, `table-${section}`)], unbreakable: true });
  }
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title, creator: 'gongkai', producer: 'gongkai' },
    language: 'zh-CN',
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 10, margin: [0, 20, 0, 0] }),
    pageBreakBefore: keepHeadingWithTable,
    defaultStyle: { fontSize: 12, lineHeight: 1.4 },
    styles: {
      title: { bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 16] },
      heading: { bold: true, fontSize: 13, margin: [0, 10, 0, 4] },
      paragraph: { leadingIndent: 24, margin: [0, 0, 0, 4] },
      missing: { alignment: 'center', margin: [0, 4, 0, 8] },
      ...TABLE_STYLES,
    },
  };
}

/** The PDF, and the characters it prints as 〓 because the fonts lack them. */
export async function renderPdf(doc: ReportDocument): Promise<RenderedPdf> {
  return renderPdfDocument(pdfDefinition(doc));
}
