// Plain text → blocks. Scraped pages arrive as text where every table cell
// became its own line ending in ` |` and runs of empty cells became lines of
// bare pipes (`|||` = three empty cells); rows are not delimited (seed 001).
// Such runs of cell lines become stream tables. Lines with tabs or Markdown
// pipes between several cells become grid tables. Everything else is text.
import type { Block, SourceCell } from './document.ts';

/** A cell line that holds a sentence is narrative the scraper wrapped in a cell (seed 003). */
function isProse(text: string): boolean {
  return text.length >= 60 || (text.length >= 25 && /[。；;]/.test(text));
}

type LineKind =
  | { kind: 'empty-cells'; count: number }
  | { kind: 'cell'; text: string }
  | { kind: 'row'; cells: string[] }
  | { kind: 'text'; text: string };

function classify(line: string): LineKind | null {
  const t = line.trim();
  if (!t) return null;
  if (/^\|+$/.test(t)) return { kind: 'empty-cells', count: t.length };
  if (line.includes('\t')) {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.filter(Boolean).length >= 2 && cells.length >= 3) return { kind: 'row', cells };
  }
  if (t.startsWith('|') && t.endsWith('|')) {
    const cells = t.slice(1, -1).split('|').map((c) => c.trim());
    if (cells.length >= 3) return { kind: 'row', cells };
    return { kind: 'cell', text: cells.join(' | ') };
  }
  if (t.endsWith('|')) return { kind: 'cell', text: t.replace(/\s*\|$/, '').replace(/^\|\s*/, '') };
  return { kind: 'text', text: t };
}

/** A page number as PDF pages print it, never a table value: — 3 —, - 3 -, 第3页, 第3页 共9页, 3/9. */
export const PAGE_NUMBER = /^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** A text line between cell lines is a page number in those forms, or a bare number (a cell would end in ` |`). */
const isPageNumberLine = (text: string) => PAGE_NUMBER.test(text) || /^\d{1,3}$/.test(text);

export function readTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let stream: SourceCell[] | null = null;
  let grid: SourceCell[][] | null = null;
  const endTables = () => {
    if (stream?.length) blocks.push({ kind: 'table', table: { mode: 'stream', rows: [stream] } });
    if (grid?.length) blocks.push({ kind: 'table', table: { mode: 'grid', rows: grid } });
    stream = null;
    grid = null;
  };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const where = { kind: 'line' as const, line: i + 1 };
    const c = classify(line);
    if (!c) return;
    // a PDF's page number between the cell lines of a table that runs on over the page break
    // (— 3 —, 第3页, 3 on a line of its own) neither ends the table nor is a cell of it
    if (c.kind === 'text' && stream && isPageNumberLine(c.text)) return;
    if (c.kind === 'text' || (c.kind === 'cell' && isProse(c.text))) {
      endTables();
      blocks.push({ kind: 'text', text: c.text, where });
      return;
    }
    if (c.kind === 'row') {
      if (stream) endTables();
      grid ??= [];
      grid.push(c.cells.map((t, column) => ({ text: t, where, column })));
      return;
    }
    if (grid) endTables();
    stream ??= [];
    if (c.kind === 'empty-cells') for (let k = 0; k < c.count; k++) stream.push({ text: '', where });
    else stream.push({ text: c.text, where });
  });
  endTables();
  return blocks;
}
