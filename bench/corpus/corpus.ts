// The import-accuracy corpus (issue 18): document i of a seed is a random
// consistent report, rendered clean or through the transform of one artefact
// class, with the truth the parser should give back. Deterministic: the same
// (seed, index) always gives the same bytes and the same truth.
import { TABLE3_COLUMNS, table3Rows } from '../../src/report/model/layout.ts';
import type { AnnualReport, Table3 } from '../../src/report/model/report.ts';
import type { ReportDocument } from '../../src/report/render/document.ts';
import { renderHtmlPage } from '../../src/report/render/html.ts';
import { dice, generateReport, rng, type Magnitude } from './generate.ts';
import { scraperText, textBlocks } from './text.ts';
import {
  MISPRINTS,
  artefactLabel,
  converterText,
  gluedCells,
  gluedLines,
  gluedTableLine,
  pdfText,
  splitTable4Blocks,
  splitTable4Html,
  type PdfArtefacts,
} from './transforms.ts';

export const CLASSES = ['clean', 'glued', 'converter', 'table4-split', 'pdf', 'other-row'] as const;
export type CorpusClass = (typeof CLASSES)[number];

/** Chinese names of the classes, for the bench's table. */
export const CLASS_LABELS: Record<CorpusClass, string> = {
  clean: '无损（HTML/文本/Word/PDF）',
  glued: '1 粘连数字',
  converter: '2 转换工具表格',
  'table4-split': '3 表四拆成三表',
  pdf: '4 PDF 瑕疵',
  'other-row': '5 （六）其他处理单行',
};

export interface CorpusDocument {
  index: number;
  cls: CorpusClass;
  /** How the class was applied, e.g. 'text/cells', 'pdf', 'html'. */
  variant: string;
  fileName: string;
  /** The file to parse (PDF and Word are rendered asynchronously). */
  bytes: () => Promise<Buffer>;
  /**
   * What the parser should return: the generated report, except cells that
   * cannot be known from the page, which are null (class 5 with a non-zero
   * single row: its three 2021 sub-rows).
   */
  truth: AnnualReport;
  magnitude: Magnitude;
}

export interface CorpusOptions {
  /** Whether this document may be a real PDF or Word file (slow to render and parse). */
  allowBinary?: boolean;
}

/** The seed of document i: documents are independent of each other. */
export function documentSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** Document `index` of the corpus for `seed`; the class goes round CLASSES. */
export function corpusDocument(seed: number, index: number, options: CorpusOptions = {}): CorpusDocument {
  const cls = CLASSES[index % CLASSES.length]!;
  return classDocument(cls, documentSeed(seed, index), index, options);
}

export function classDocument(cls: CorpusClass, seed: number, index: number, options: CorpusOptions = {}): CorpusDocument {
  const d = dice(rng(seed ^ 0x5bd1e995));
  const name = (ext: string) => `${String(index).padStart(5, '0')}-${cls}.${ext}`;
  const text = (variant: string, t: string, truth: AnnualReport, magnitude: Magnitude): CorpusDocument => ({
    index, cls, variant, fileName: name(variant.startsWith('markdown') ? 'md' : 'txt'), bytes: async () => Buffer.from(t, 'utf8'), truth, magnitude,
  });
  const html = (variant: string, h: string, truth: AnnualReport, magnitude: Magnitude): CorpusDocument => ({
    index, cls, variant, fileName: name('html'), bytes: async () => Buffer.from(h, 'utf8'), truth, magnitude,
  });

  switch (cls) {
    case 'clean': {
      const { doc, magnitude } = generateReport(seed);
      const variant = options.allowBinary ? d.pick(['pdf', 'docx'] as const) : d.pick(['html', 'text'] as const);
      if (variant === 'html') return html('html', renderHtmlPage(doc), doc.report, magnitude);
      if (variant === 'text') return text('text/scraper', scraperText(textBlocks(doc)), doc.report, magnitude);
      return { index, cls, variant, fileName: name(variant), bytes: () => renderBinary(doc, variant), truth: doc.report, magnitude };
    }
    case 'glued': {
      const { doc, magnitude } = generateReport(seed);
      const blocks = textBlocks(doc);
      const variant = d.pick(['cells', 'cells-some', 'lines', 'table-line'] as const);
      const t =
        variant === 'cells' ? gluedCells(blocks, d) : variant === 'cells-some' ? gluedCells(blocks, d, 0.5) : variant === 'lines' ? gluedLines(blocks, d) : gluedTableLine(blocks, d);
      return text(`text/${variant}`, t, doc.report, magnitude);
    }
    case 'converter': {
      const { doc, magnitude } = generateReport(seed);
      const o = { splitHeaders: d.chance(0.6), mergedOwnRow: d.chance(0.6), dropCovered: d.chance(0.5), wrapLabels: d.chance(0.5) };
      if (!o.splitHeaders && !o.mergedOwnRow && !o.dropCovered && !o.wrapLabels) o.mergedOwnRow = true;
      const variant = `markdown/${Object.entries(o).filter(([, v]) => v).map(([k]) => k).join('+')}`;
      return text(variant, converterText(textBlocks(doc), d, o), doc.report, magnitude);
    }
    case 'table4-split': {
      const { doc, magnitude } = generateReport(seed);
      const t4 = doc.report.table4!;
      const variant = d.pick(['html', 'text/scraper', 'markdown'] as const);
      if (variant === 'html') return html('html', splitTable4Html(renderHtmlPage(doc), t4), doc.report, magnitude);
      const blocks = splitTable4Blocks(textBlocks(doc), t4);
      if (variant === 'text/scraper') return text(variant, scraperText(blocks), doc.report, magnitude);
      return text(variant, converterText(blocks, d, { splitHeaders: false, mergedOwnRow: false, dropCovered: false, wrapLabels: false }), doc.report, magnitude);
    }
    case 'pdf': {
      const { doc, magnitude } = generateReport(seed, { magnitude: d.chance(0.5) ? 'large' : undefined });
      const a: PdfArtefacts = { ideographicNumbering: d.chance(0.5), misprints: d.chance(0.5), verticalLabel: d.chance(0.5) };
      const misprinted = new Set(Object.keys(MISPRINTS).filter(() => d.chance(0.4)));
      if (options.allowBinary) {
        // table 3 split over two pages, the break at a random row (paragraphs before it move it)
        const breakTable3 = d.chance(0.7) ? d.between(0, 8) : null;
        return {
          index, cls, variant: `pdf/${artefactNames(a)}${breakTable3 !== null ? '+pageBreak' : ''}`, fileName: name('pdf'),
          bytes: () => renderArtefactPdf(doc, a, misprinted, breakTable3), truth: doc.report, magnitude,
        };
      }
      const o = { ...a, pageNumber: d.chance(0.7), splitLabel: d.chance(0.6) };
      return text(`text/pdf-export/${artefactNames(o)}`, pdfText(textBlocks(doc), d, o, misprinted), doc.report, magnitude);
    }
    case 'other-row': {
      const year = d.between(2021, 2025);
      const zero = d.chance(0.5);
      const { doc, magnitude } = generateReport(seed, { year, otherZero: zero });
      const printed: ReportDocument = { ...doc, report: { ...doc.report, table3: other2019Table3(doc.report.table3!) } };
      const truth = zero ? doc.report : withNullOtherRows(doc.report);
      const variant = d.pick(['html', 'text/scraper', 'markdown'] as const);
      const tag = `${variant}/${zero ? 'zero' : 'non-zero'}`;
      if (variant === 'html') return html(tag, renderHtmlPage(printed), truth, magnitude);
      const blocks = textBlocks(printed);
      if (variant === 'text/scraper') return text(tag, scraperText(blocks), truth, magnitude);
      return text(`markdown/${zero ? 'zero' : 'non-zero'}`, converterText(blocks, d, { splitHeaders: false, mergedOwnRow: false, dropCovered: false, wrapLabels: false }), truth, magnitude);
    }
  }
}

function artefactNames(o: object): string {
  return Object.entries(o).filter(([, v]) => v).map(([k]) => k).join('+') || 'plain';
}

/** A 2021 table 3 in the 2019 shape: the three （六）其他处理 sub-rows summed into one row. */
export function other2019Table3(t: Table3): Table3 {
  const rows = t as unknown as Record<string, (number | null)[]>;
  const keys = ['other.noCorrection', 'other.feeNotPaid', 'other.other'];
  const other = TABLE3_COLUMNS.map((_, c) => keys.reduce((s, k) => s + (rows[k]![c] ?? 0), 0));
  const out: Record<string, (number | null)[]> = {};
  for (const r of table3Rows('2019')) out[r.key] = r.key === 'other' ? other : [...rows[r.key]!];
  return out as unknown as Table3;
}

/** The truth of a non-zero single row: its three 2021 sub-rows cannot be known, so null. */
function withNullOtherRows(r: AnnualReport): AnnualReport {
  const copy = structuredClone(r);
  const t = copy.table3 as unknown as Record<string, (number | null)[]>;
  for (const k of ['other.noCorrection', 'other.feeNotPaid', 'other.other']) t[k] = TABLE3_COLUMNS.map(() => null);
  return copy;
}

async function renderBinary(doc: ReportDocument, to: 'pdf' | 'docx'): Promise<Buffer> {
  const { renderReport } = await import('../../src/report/render/render.ts');
  return renderReport(doc, to);
}

/**
 * A real PDF from the project's pdfmake definition with PDF artefacts: labels
 * numbered `1、`, misprinted, 三、本年度办理结果 one character per line; and
 * with `breakTable3` (a number of paragraphs printed before section 三) table 3
 * runs on straight after table 2 and breaks across a page, so the page number
 * falls inside it and merged labels may be cut by the break.
 */
export async function renderArtefactPdf(doc: ReportDocument, a: PdfArtefacts, misprinted: ReadonlySet<string>, breakTable3: number | null): Promise<Buffer> {
  const [{ pdfDefinition }, { mapPrintedText, renderPdfDocument }] = await Promise.all([
    import('../../src/report/render/pdf.ts'),
    import('../../src/report/render/pdfmake.ts'),
  ]);
  const def = pdfDefinition(doc);
  const content = def.content.map((node) => {
    const n = node as { stack?: unknown[]; unbreakable?: boolean };
    if (!n.stack || !JSON.stringify(n.stack).includes('三、本年度办理结果')) return node;
    const mapped = mapPrintedText(n, (t) => {
      if (t === '三、本年度办理结果' && a.verticalLabel) return t.split('').join('\n');
      return artefactLabel(t, a, misprinted);
    }) as typeof n;
    return breakTable3 !== null ? { ...mapped, unbreakable: false } : mapped;
  });
  if (breakTable3 === null) return (await renderPdfDocument({ ...def, content })).pdf;
  const heading3 = content.findIndex((n) => (n as { id?: string }).id === 'heading-三');
  const filler = Array.from({ length: breakTable3 }, () => ({ text: '本机关按照要求，及时准确公开各类政府信息。', style: 'paragraph' }));
  content.splice(heading3, 0, ...filler);
  const { pageBreakBefore: _, ...rest } = def;
  return (await renderPdfDocument({ ...rest, content })).pdf;
}

