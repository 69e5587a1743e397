// The annual report as PDF (pdfmake 0.3 on the server): A4 with the margins of
// GB/T 9704, Noto CJK SC embedded (subset), tables with their merged cells,
// header rows repeated on each page and rows never split across pages.
import { createRequire } from 'node:module';
import { layoutDocument, type ReportDocument } from './document.ts';
import { placeCells, type TableGrid } from './grid.ts';
import { pdfFontFile } from './pdf-fonts.ts';

// pdfmake ships no type declarations: the little of its server API used here.
interface PdfMakeOutput {
  getBuffer(): Promise<Buffer>;
}
interface VirtualFs {
  existsSync(f: string): boolean;
  writeFileSync(f: string, c: Buffer): void;
}
interface PdfMake {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): PdfMakeOutput;
}

const require = createRequire(import.meta.url);

const MM = 72 / 25.4;
// GB/T 9704: A4, margins left 28 mm, top 37 mm, right 26 mm, bottom 35 mm.
const MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const CELL_PADDING = 3;
const LINE = 0.5;

let engine: PdfMake | null = null;

/** pdfmake with our fonts, created on first use and kept for the life of the process. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const shared = require('pdfmake') as PdfMake;
  // A private instance: the exported one is process-wide and others may change its fonts.
  const own = new (Object.getPrototypeOf(shared).constructor as new () => PdfMake)();
  // No network and no file access while rendering: fonts come from the virtual file system.
  own.setUrlAccessPolicy(() => false);
  own.setLocalAccessPolicy(() => false);
  const serif = pdfFontFile('serif', own.virtualfs);
  const sans = pdfFontFile('sansBold', own.virtualfs);
  own.setFonts({
    NotoSerif: { normal: serif, bold: serif, italics: serif, bolditalics: serif },
    NotoSans: { normal: sans, bold: sans, italics: sans, bolditalics: sans },
  });
  engine = own;
  return own;
}

interface PdfCell {
  text?: string;
  id?: string;
  colSpan?: number;
  rowSpan?: number;
  alignment?: 'left' | 'center';
  verticalAlignment?: 'middle';
}

export function tablePdf(grid: TableGrid, id: string): object {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const usable = TEXT_WIDTH - grid.columns * (2 * CELL_PADDING + LINE) - LINE;
  const widths = grid.columnWidths.map((w) => (usable * w) / total);
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
      // pdfmake 0.3.11 misplaces vertically centred text in header cells merged
      // down several rows (it lands on the row below): those stay top-aligned.
      if (!(r < grid.headerRows && cell.rowSpan > 1)) c.verticalAlignment = 'middle';
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
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    style: grid.columns > 10 ? 'wideTable' : 'table',
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

export function pdfDefinition(doc: ReportDocument): object {
  const { title, blocks } = layoutDocument(doc);
  const content: object[] = [{ text: title, style: 'title' }];
  let section = '';
  for (const b of blocks) {
    if (b.kind === 'heading') {
      section = b.section;
      content.push({ text: b.text, style: 'heading', headlineLevel: 1, id: `heading-${section}` });
    } else if (b.kind === 'paragraph') content.push({ text: b.text, style: 'paragraph' });
    else if (b.kind === 'missing') content.push({ text: b.text, style: 'missing' });
    // Table 2 (no header rows to repeat, no row merges) moves to the next page
    // whole rather than split. Tables 3 and 4 keep their header with at least
    // one row (keepWithHeaderRows); an unbreakable block would also misplace
    // the vertically centred text of cells merged down several rows.
    else if (b.grid.headerRows === 0) {
      content.push({ stack: [tablePdf(b.grid, `table-${section}`)], unbreakable: true });
    } else content.push(tablePdf(b.grid, `table-${section}`));
  }
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title, creator: 'gongkai', producer: 'gongkai' },
    language: 'zh-CN',
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 10, margin: [0, 20, 0, 0] }),
    pageBreakBefore: keepHeadingWithTable,
    defaultStyle: { font: 'NotoSerif', fontSize: 12, lineHeight: 1.4 },
    styles: {
      title: { font: 'NotoSans', fontSize: 18, alignment: 'center', margin: [0, 0, 0, 16] },
      heading: { font: 'NotoSans', fontSize: 13, margin: [0, 10, 0, 4] },
      paragraph: { leadingIndent: 24, margin: [0, 0, 0, 4] },
      missing: { alignment: 'center', margin: [0, 4, 0, 8] },
      table: { fontSize: 8.5, lineHeight: 1.05 },
      wideTable: { fontSize: 8, lineHeight: 1.05 },
    },
  };
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  return pdfmake().createPdf(pdfDefinition(doc)).getBuffer();
}
