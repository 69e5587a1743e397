// Sums of printed cells. A sum over an unreadable (null) cell is unknown, so
// rules skip it; cells.unreadable reports the cell instead.
import type { Cell } from '../model/report.ts';

/** The sum of the cells, or null when any of them is null. */
export function sumCells(cells: readonly Cell[]): number | null {
  let total = 0;
  for (const c of cells) {
    if (c === null) return null;
    total += c;
  }
  return roundAmount(total);
}

/** Removes binary floating-point noise from sums of decimal amounts (0.1 + 0.2). */
export function roundAmount(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** "4+0+0+0+0+4" */
export function sumExpression(cells: readonly Cell[]): string {
  return cells.map((c) => String(c)).join('+');
}
