// The annual report as a Word document (.docx): A4 with the margins of GB/T
// 9704, 仿宋 body text, 黑体 section headings, a 宋体 title, and the tables as
// real Word tables whose merged cells use gridSpan (columnSpan) and vMerge
// (verticalMerge). Fonts are referenced by name; Word and WPS resolve them on
// the reader's machine.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { layoutDocument, type ReportDocument } from './document.ts';
import { placeCells, type Slot, type TableGrid } from './grid.ts';

const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';
const TITLE_FONT = '宋体';
const TABLE_FONT = '宋体';
/** Sizes in half-points: 三号 16pt body, 二号 22pt title, 五号 10.5pt tables. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const TABLE_SIZE = 21;
const WIDE_TABLE_SIZE = 18;

// GB/T 9704 page: A4 (11906 × 16838 twips, as Word writes it), margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm.
const A4 = { width: 11906, height: 16838 };
const PAGE = { top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH = A4.width - convertMillimetersToTwip(PAGE.left) - convertMillimetersToTwip(PAGE.right);

/** Paragraph styles of table text (defined once in styles.xml, so cells carry no run properties). */
const TABLE_STYLES = {
  centred: 'GkTableText',
  left: 'GkTableLabel',
  centredSmall: 'GkTableTextSmall',
  leftSmall: 'GkTableLabelSmall',
};

function cellFor(slot: Slot, widths: number[], small: boolean): TableCell {
  const { cell, origin, col } = slot;
  const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
  const verticalMerge =
    cell.rowSpan > 1 ? (origin ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined;
  // Row labels read left to right; column headers, group labels and numbers are centred.
  const left = cell.header && cell.scope === 'row';
  const style = small ? (left ? TABLE_STYLES.leftSmall : TABLE_STYLES.centredSmall) : left ? TABLE_STYLES.left : TABLE_STYLES.centred;
  return new TableCell({
    children: [new Paragraph({ style, children: origin ? [new TextRun(cell.text)] : [] })],
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    verticalMerge,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
  });
}

export function tableDocx(grid: TableGrid): Table {
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const widths = grid.columnWidths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const small = grid.columns > 10;
  const slots = placeCells(grid);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    rows: slots.map(
      (row, r) =>
        new TableRow({
          children: row.map((slot) => cellFor(slot, widths, small)),
          // Only set when true: docx writes false as w:val="off", which some readers ignore.
          tableHeader: r < grid.headerRows ? true : undefined,
          cantSplit: true,
          // Table 2 is short and has captions inside: keep it on one page.
          keepNext: grid.headerRows === 0 && r < slots.length - 1,
        }),
    ),
  });
}

function tableStyle(id: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return {
    id,
    name: id,
    basedOn: 'Normal',
    run: { font: TABLE_FONT, size },
    // single line spacing: the body's exact 28 pt lines would make every row tall
    paragraph: { alignment, spacing: { line: 240, lineRule: 'auto' as const, before: 0, after: 0 } },
  };
}

function paragraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], indent: { firstLine: BODY_SIZE * 20 } });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const { title, blocks } = layoutDocument(doc);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
  ];
  for (const b of blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
    else if (b.kind === 'paragraph') children.push(paragraph(b.text));
    else if (b.kind === 'missing') children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] }));
    else children.push(tableDocx(b.grid), new Paragraph({}));
  }
  const document = new Document({
    title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
      },
      paragraphStyles: [
        tableStyle(TABLE_STYLES.centred, TABLE_SIZE, AlignmentType.CENTER),
        tableStyle(TABLE_STYLES.left, TABLE_SIZE, AlignmentType.LEFT),
        tableStyle(TABLE_STYLES.centredSmall, WIDE_TABLE_SIZE, AlignmentType.CENTER),
        tableStyle(TABLE_STYLES.leftSmall, WIDE_TABLE_SIZE, AlignmentType.LEFT),
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: TITLE_FONT, size: TITLE_SIZE, bold: true, color: '000000' },
          paragraph: { spacing: { before: 0, after: 400, line: 720, lineRule: 'atLeast' } },
        },
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: HEADING_FONT, size: BODY_SIZE, bold: false, color: '000000' },
          paragraph: { indent: { firstLine: BODY_SIZE * 20 }, keepNext: true, outlineLevel: 0 },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(PAGE.top),
              bottom: convertMillimetersToTwip(PAGE.bottom),
              left: convertMillimetersToTwip(PAGE.left),
              right: convertMillimetersToTwip(PAGE.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: 'Times New Roman', size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
