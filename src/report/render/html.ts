// The annual report as HTML: a semantic, accessible fragment (real <table>s
// with <th scope>, colspan/rowspan, and `headers` on every data cell so that
// screen readers announce the merged headers of the national template), and a
// standalone printable page with inline CSS and no external assets.
import { SECTION_KEYS } from '../model/layout.ts';
import { layoutDocument, type DocumentLayout, type ReportDocument } from './document.ts';
import { placeCells, type GridCell, type TableGrid } from './grid.ts';

export interface HtmlOptions {
  /** Prefix of the element ids, to keep them unique when a page shows several reports. */
  idPrefix?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * For every data cell, the ids of the header cells that label it: the header
 * cells above it (skipping the data rows of its own block, stopping above the
 * first header block met) and the label cells to its left in its row.
 */
function headerIds(grid: TableGrid, ids: Map<GridCell, string>): Map<GridCell, string[]> {
  const slots = placeCells(grid);
  const at: (GridCell | undefined)[][] = slots.map(() => new Array<GridCell | undefined>(grid.columns));
  slots.forEach((row, r) => {
    for (const s of row) for (let dc = 0; dc < s.cell.colSpan; dc++) at[r]![s.col + dc] = s.cell;
  });
  const result = new Map<GridCell, string[]>();
  slots.forEach((row, r) => {
    for (const { col, cell, origin } of row) {
      if (cell.header || !origin) continue;
      const found: GridCell[] = [];
      for (let c = col; c < col + cell.colSpan; c++) {
        let seenHeader = false;
        for (let up = r - 1; up >= 0; up--) {
          const h = at[up]![c]!;
          if (h.header) {
            seenHeader = true;
            if (!found.includes(h)) found.push(h);
          } else if (seenHeader) break;
        }
      }
      for (let c = 0; c < col; c++) {
        const h = at[r]![c]!;
        if (h.header && !found.includes(h)) found.push(h);
      }
      result.set(cell, found.map((h) => ids.get(h)!).filter(Boolean));
    }
  });
  return result;
}

function spanAttrs(cell: GridCell): string {
  return (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') + (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
}

export function tableHtml(grid: TableGrid, labelledBy: string, idPrefix: string): string {
  const ids = new Map<GridCell, string>();
  let n = 0;
  for (const row of grid.rows) for (const cell of row) if (cell.header) ids.set(cell, `${idPrefix}-${grid.id}-h${n++}`);
  const headers = headerIds(grid, ids);
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const cols = grid.columnWidths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('');
  const rowHtml = (cells: GridCell[]) =>
    '<tr>' +
    cells
      .map((cell) => {
        if (cell.header) {
          return `<th id="${ids.get(cell)}" scope="${cell.scope ?? 'col'}"${spanAttrs(cell)}>${escapeHtml(cell.text)}</th>`;
        }
        const ref = cell.ref ? ` data-cell="${escapeHtml(`${grid.id}:${cell.ref.row}:${cell.ref.column}`)}"` : '';
        const cls = typeof cell.value === 'number' ? ' class="num"' : '';
        return `<td headers="${(headers.get(cell) ?? []).join(' ')}"${cls}${ref}${spanAttrs(cell)}>${escapeHtml(cell.text)}</td>`;
      })
      .join('') +
    '</tr>';
  const head = grid.rows.slice(0, grid.headerRows);
  const body = grid.rows.slice(grid.headerRows);
  return (
    `<table class="gk-table gk-${grid.id}" aria-labelledby="${labelledBy}">` +
    `<colgroup>${cols}</colgroup>` +
    (head.length ? `<thead>${head.map(rowHtml).join('')}</thead>` : '') +
    `<tbody>${body.map(rowHtml).join('')}</tbody></table>`
  );
}

/** The report as an HTML fragment (an <article>), for embedding in a page. */
export function renderHtmlFragment(doc: ReportDocument, options: HtmlOptions = {}): string {
  return fragment(layoutDocument(doc), options.idPrefix ?? 'gk');
}

function fragment({ title, blocks }: DocumentLayout, prefix: string): string {
  const out: string[] = [`<article class="gk-report" lang="zh-CN"><h1>${escapeHtml(title)}</h1>`];
  let open = false;
  let headingId = '';
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (open) out.push('</section>');
      headingId = `${prefix}-s${SECTION_KEYS.indexOf(b.section) + 1}`;
      out.push(`<section aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(b.text)}</h2>`);
      open = true;
    } else if (b.kind === 'paragraph') {
      out.push(`<p>${escapeHtml(b.text)}</p>`);
    } else if (b.kind === 'missing') {
      out.push(`<p class="gk-missing">${escapeHtml(b.text)}</p>`);
    } else {
      // the box scrolls sideways on a narrow screen; the table keeps a readable width inside it
      out.push(`<div class="gk-table-box">${tableHtml(b.grid, headingId, prefix)}</div>`);
    }
  }
  if (open) out.push('</section>');
  out.push('</article>');
  return out.join('\n');
}

/** Print styles after GB/T 9704 (A4, 仿宋 body, 黑体 headings); fonts resolve locally. */
const PAGE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #000; background: #fff;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.6; }
h1 { font-family: "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 1em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 .5em; }
p { text-indent: 2em; margin: 0 0 .3em; }
p.gk-missing { text-indent: 0; text-align: center; color: #444; }
.gk-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .5em 0 1em;
  font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 10.5pt; line-height: 1.35; }
.gk-table th, .gk-table td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; overflow-wrap: anywhere; }
.gk-table th { font-weight: normal; text-align: center; }
.gk-table tbody th[scope="row"] { text-align: left; }
.gk-table td { text-align: center; font-variant-numeric: tabular-nums; }
.gk-table4 { font-size: 9pt; }
.gk-table tr { break-inside: avoid; page-break-inside: avoid; }
.gk-table thead { display: table-header-group; }
.gk-table td.num { white-space: nowrap; overflow-wrap: normal; }
.gk-table-box { overflow-x: auto; }
@media screen and (max-width: 48rem) { body { padding: .5rem; font-size: 12pt; } .gk-table { font-size: 9pt; } .gk-table3 { min-width: 40rem; } .gk-table4 { min-width: 52rem; } }
@media print { body { max-width: none; padding: 0; } .gk-table-box { overflow: visible; } }
`;

/** A complete, standalone HTML page with inline print CSS and no external assets. */
export function renderHtmlPage(doc: ReportDocument, options: HtmlOptions = {}): string {
  const layout = layoutDocument(doc);
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(layout.title)}</title>\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n` +
    fragment(layout, options.idPrefix ?? 'gk') +
    `\n</body>\n</html>\n`
  );
}
