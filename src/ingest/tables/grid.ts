// A table with merged cells (HTML colspan/rowspan, Word gridSpan/vMerge) as a
// plain grid: every position a merged cell covers gets a copy of it, so that
// row r, column c is always the cell printed there.
import type { SourceCell, SourceRef } from '../read/document.ts';

export interface MergedCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

// Malformed pages write colspan="1000"; no real annual-report table is that wide or long.
const MAX_COLUMNS = 64;
const MAX_ROWS = 2000;

function span(n: number, max: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1;
}

/**
 * Expands merged cells. `where(row, column)` names the origin position of a
 * cell (0-based) for provenance; copies keep their origin's SourceRef.
 */
export function expandSpans(rows: MergedCell[][], where: (row: number, column: number) => SourceRef): SourceCell[][] {
  const grid: SourceCell[][] = [];
  const limit = Math.min(rows.length, MAX_ROWS);
  for (let r = 0; r < limit; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of rows[r]!) {
      while (grid[r]![c]) c++;
      if (c >= MAX_COLUMNS) break;
      const colSpan = span(cell.colSpan, MAX_COLUMNS - c);
      const rowSpan = span(cell.rowSpan, limit - r);
      const origin = where(r, c);
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) {
          const copy = dr > 0 || dc > 0;
          row[c + dc] = copy ? { text: cell.text, where: origin, column: c + dc, copy } : { text: cell.text, where: origin, column: c };
        }
      }
      c += colSpan;
    }
  }
  // Holes (a row that ends early next to a rowspan) stay undefined: drop them, keep columns.
  return grid.map((row) => row.filter((x): x is SourceCell => x !== undefined));
}
