// Positioned text of PDF pages → text lines and table rows. A text-based PDF
// has no table structure, only strings at positions. Lines are strings on one
// baseline; chunks are runs of a line separated by wide gaps (cell borders).
// A data line is one with value-like chunks (numbers, dashes); consecutive data
// lines form a table run whose columns are the clusters of the values' x
// centres. Each data line becomes a grid row: the label chunks left of its
// values within its band (half-way to the neighbouring data lines, so that a
// label wrapped over several lines is joined), then its values by column.
// Header lines just above a run are added to it as rows (for label matching).
import type { Block, SourceCell, SourceRef } from '../read/document.ts';
import { isValueLike } from '../normalize/cell-value.ts';

export interface PositionedText {
  page: number;
  text: string;
  /** left x and baseline y in points (y grows upwards) */
  x: number;
  y: number;
  width: number;
  /** font size */
  height: number;
}

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
  page: number;
  value: boolean;
  /** used as a row label or header */
  used?: boolean;
}

interface Line {
  y: number;
  h: number;
  chunks: Chunk[];
}

const where = (c: Chunk): SourceRef => ({ kind: 'pdf', page: c.page, x: Math.round(c.x0 * 10) / 10, y: Math.round(c.y * 10) / 10 });
const centre = (c: Chunk) => (c.x0 + c.x1) / 2;

function toLines(items: PositionedText[]): Line[] {
  const sorted = items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; h: number; items: PositionedText[] }[] = [];
  for (const it of sorted) {
    const h = it.height || 10;
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(1.5, 0.3 * Math.min(h, l.h)));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, h, items: [it] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const items = l.items.sort((a, b) => a.x - b.x);
      const chunks: Chunk[] = [];
      for (const it of items) {
        const h = it.height || l.h;
        const prev = chunks.at(-1);
        const gap = prev ? it.x - prev.x1 : Infinity;
        // touching runs are one text (a font change inside a line); a gap is a cell border,
        // and two numbers side by side are always two cells
        if (prev && gap < 0.3 * h && !(isValueLike(prev.text.trim()) && isValueLike(it.text.trim()))) {
          prev.text += gap > 0.15 * h && /[A-Za-z0-9]$/.test(prev.text) ? ` ${it.text}` : it.text;
          prev.x1 = Math.max(prev.x1, it.x + it.width);
        } else {
          chunks.push({ text: it.text, x0: it.x, x1: it.x + it.width, y: it.y, h, page: it.page, value: false });
        }
      }
      for (const c of chunks) {
        c.text = c.text.trim();
        c.value = isValueLike(c.text) && c.text.length > 0;
      }
      return { y: l.y, h: l.h, chunks: chunks.filter((c) => c.text) };
    });
}

/** A line that holds table values: several chunks with at least one value, or a value beside a label. */
function isDataLine(line: Line, lines: Line[]): boolean {
  const values = line.chunks.filter((c) => c.value);
  if (values.length === 0) return false;
  if (line.chunks.length >= 2) return true;
  // one value alone on its line: a row whose label wrapped above and below it (not a page number)
  const v = values[0]!;
  return lines.some((l) => l !== line && Math.abs(l.y - line.y) < 1.2 * line.h && l.chunks.some((c) => !c.value && c.x1 < v.x0));
}

/** Column centres: x centres closer than about a character belong to one column. */
function clusterColumns(xs: number[], h: number): number[] {
  const centres = [...xs].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of centres) {
    const last = clusters.at(-1);
    if (last && x - last[last.length - 1]! < 0.9 * h) last.push(x);
    else clusters.push([x]);
  }
  return clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

function nearest(anchors: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < anchors.length; i++) if (Math.abs(anchors[i]! - x) < Math.abs(anchors[best]! - x)) best = i;
  return best;
}

/** Label text of chunks that belong together: column by column (left to right), each top to bottom. */
function joinLabel(chunks: Chunk[]): string {
  return chunks
    .sort((a, b) => Math.round(a.x0 / 6) - Math.round(b.x0 / 6) || b.y - a.y)
    .map((c) => c.text)
    .join('');
}

const PROSE_WIDTH = 0.6;

/** The blocks of one page: narrative lines as text, each run of data lines (with its header lines) as a grid table. */
export function layoutPage(items: PositionedText[]): Block[] {
  const lines = toLines(items);
  if (lines.length === 0) return [];
  // loops, not Math.min(...chunks): spreading a long page's chunks overflows the stack
  let pageLeft = Infinity;
  let pageRight = -Infinity;
  for (const l of lines) {
    for (const c of l.chunks) {
      pageLeft = Math.min(pageLeft, c.x0);
      pageRight = Math.max(pageRight, c.x1);
    }
  }
  const textWidth = Math.max(1, pageRight - pageLeft);
  const isProse = (l: Line) => l.chunks.length === 1 && l.chunks[0]!.x1 - l.chunks[0]!.x0 > PROSE_WIDTH * textWidth;
  const data = lines.map((l) => isDataLine(l, lines));

  // runs of data lines without large gaps or prose between them; a wide gap with nothing
  // printed in it is still inside the table when the values keep its columns (a row made tall
  // by a merged cell that a page break cut: the rest of its height falls on the next page)
  const runs: number[][] = [];
  lines.forEach((l, i) => {
    if (!data[i]) return;
    const run = runs.at(-1);
    const prevIndex = run?.[run.length - 1];
    const prev = prevIndex === undefined ? null : lines[prevIndex]!;
    const prose = prevIndex !== undefined && lines.slice(prevIndex + 1, i).some(isProse);
    const near = prev !== null && prev.y - l.y < 6 * l.h;
    const emptyGap = prevIndex !== undefined && prevIndex === i - 1 && run !== undefined && sameColumns(l, run.map((k) => lines[k]!));
    if (run && prev && (near || emptyGap) && !prose) run.push(i);
    else runs.push([i]);
  });

  const tableAt = new Map<number, Block>();
  for (const run of runs) {
    const runLines = run.map((i) => lines[i]!);
    const valueChunks = runLines.flatMap((l) => {
      const firstLabel = l.chunks.findIndex((c) => !c.value);
      return l.chunks.filter((c, k) => c.value && (firstLabel < 0 || k > firstLabel || c.x0 > l.chunks[firstLabel]!.x1));
    });
    const firstValueX = valueChunks.reduce((min, c) => Math.min(min, c.x0), Infinity);

    // header lines just above the run: not prose, not data, within a few lines
    const top = run[0]!;
    const headerLines: Line[] = [];
    for (let i = top - 1; i >= 0; i--) {
      const l = lines[i]!;
      if (data[i] || l.y - lines[top]!.y > 10 * lines[top]!.h || isProse(l)) break;
      headerLines.unshift(l);
    }

    // row labels first (a wrapped label may reach into the header lines of a continued table)
    const ownLabel = (l: Line) => l.chunks.filter((c) => !valueChunks.includes(c) && c.x1 <= firstValueX + 1);
    const labelStarts = runLines.flatMap((l) => ownLabel(l).map((c) => c.x0));
    const aligned = (c: Chunk, starts: number[]) => starts.some((x) => Math.abs(x - c.x0) <= 3);
    const rowLabels = run.map((li, k) => {
      const l = lines[li]!;
      const above = k > 0 ? (lines[run[k - 1]!]!.y + l.y) / 2 : l.y + 2.5 * l.h;
      const below = k < run.length - 1 ? (l.y + lines[run[k + 1]!]!.y) / 2 : l.y - 2.5 * l.h;
      const values = l.chunks.filter((c) => valueChunks.includes(c));
      const firstX = values.reduce((min, c) => Math.min(min, c.x0), Infinity);
      const own = ownLabel(l).filter((c) => !c.used);
      const starts = own.length > 0 ? own.map((c) => c.x0) : labelStarts;
      const labels: Chunk[] = [...own];
      // lines of a label wrapped above and below the values: adjacent, inside the band, aligned with the label
      for (const dir of [-1, 1]) {
        let lastY = l.y;
        for (let i = li + dir; i >= 0 && i < lines.length; i += dir) {
          const other = lines[i]!;
          if (data[i] || other.y > above || other.y <= below || Math.abs(lastY - other.y) > 1.9 * other.h) break;
          const taken = other.chunks.filter((c) => !c.used && !c.value && c.x1 <= firstX + 1 && aligned(c, starts));
          if (taken.length === 0) break;
          for (const c of taken) labels.push(c);
          lastY = other.y;
        }
      }
      for (const c of labels) c.used = true;
      return labels;
    });

    // columns: clusters of the values' centres and of header words no wider than a column
    // (a column printed blank in every row still has its header)
    const merged = mergeStacked(headerLines);
    const valueAnchors = clusterColumns(valueChunks.map(centre), valueChunks[0]?.h ?? 10);
    const pitch = medianGap(valueAnchors);
    const headerCentres = merged.flatMap((l) =>
      l.chunks
        .filter((c) => !c.used && centre(c) > firstValueX - 2 && (pitch === null || c.x1 - c.x0 <= 0.9 * pitch))
        .map(centre),
    );
    const anchors = clusterColumns([...valueChunks.map(centre), ...headerCentres], valueChunks[0]?.h ?? 10);
    const columnOf = (c: Chunk) => 1 + nearest(anchors, centre(c));

    const rows: SourceCell[][] = [];
    for (const l of merged) {
      const chunks = l.chunks.filter((c) => !c.used);
      for (const c of chunks) c.used = true;
      if (chunks.length > 0) {
        rows.push(chunks.map((c) => ({ text: c.text, where: where(c), column: centre(c) < firstValueX - 2 ? 0 : columnOf(c) })));
      }
    }
    run.forEach((li, k) => {
      const l = lines[li]!;
      const labels = rowLabels[k]!;
      const row: SourceCell[] = [];
      if (labels.length > 0) {
        const first = [...labels].sort((a, b) => b.y - a.y)[0]!;
        row.push({ text: joinLabel(labels), where: where(first), column: 0 });
      }
      for (const c of l.chunks.filter((x) => valueChunks.includes(x))) {
        c.used = true;
        row.push({ text: c.text, where: where(c), column: columnOf(c) });
      }
      rows.push(row);
    });
    tableAt.set(headerLines.length > 0 ? lines.indexOf(headerLines[0]!) : top, { kind: 'table', table: { mode: 'grid', rows } });
  }

  const blocks: Block[] = [];
  lines.forEach((l, i) => {
    const table = tableAt.get(i);
    if (table) blocks.push(table);
    if (data[i]) return;
    // header and label lines are text too: the part headings and narrative must not be lost
    blocks.push({ kind: 'text', text: l.chunks.map((c) => c.text).join(' '), where: where(l.chunks[0]!) });
  });
  return blocks;
}

/**
 * Whether a line's values stand in the columns of the lines above: at least three values,
 * each centred within about a character of a value in those lines.
 */
function sameColumns(line: Line, above: Line[]): boolean {
  const values = line.chunks.filter((c) => c.value);
  if (values.length < 3) return false;
  const centres = above.flatMap((l) => l.chunks.filter((c) => c.value).map(centre));
  return values.every((v) => centres.some((x) => Math.abs(x - centre(v)) <= 0.9 * v.h));
}

function medianGap(anchors: number[]): number | null {
  if (anchors.length < 2) return null;
  const gaps = anchors.slice(1).map((x, i) => x - anchors[i]!).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** Header words stacked in a narrow cell (结果 / 维持) joined into one chunk per cell. */
function mergeStacked(header: Line[]): Line[] {
  const out: Line[] = header.map((l) => ({ ...l, chunks: [...l.chunks] }));
  // the baseline of the lowest line merged into a chunk so far
  const bottom = new Map<Chunk, number>();
  for (let i = 1; i < out.length; i++) {
    const line = out[i]!;
    line.chunks = line.chunks.filter((c) => {
      if (c.value || c.used) return true;
      for (let j = i - 1; j >= 0; j--) {
        for (const a of out[j]!.chunks) {
          if (a.value || a.used) continue;
          const gap = (bottom.get(a) ?? a.y) - c.y;
          const widths = Math.min(a.x1 - a.x0, c.x1 - c.x0) / Math.max(a.x1 - a.x0, c.x1 - c.x0, 1);
          const stacked = Math.abs(centre(a) - centre(c)) <= 2 || Math.abs(a.x0 - c.x0) <= 1;
          // within a cell lines follow at about 1.2–1.5 × the font size; the next cell is further down
          if (stacked && gap > 0 && gap <= 1.75 * c.h && widths >= 0.45) {
            a.text += c.text;
            a.x1 = Math.max(a.x1, c.x1);
            bottom.set(a, c.y);
            c.used = true;
            return false;
          }
        }
      }
      return true;
    });
  }
  return out.filter((l) => l.chunks.length > 0);
}
