// Where every cell of an imported report came from and how sure the parser
// is of it. Shown by `gongkai report parse --explain` and kept with an import.
import type { SourceRef } from './read/document.ts';

/**
 * - exact: read from the document at a known position
 * - derived: not printed (or not readable) where it should be, and fixed by the
 *   table's own arithmetic (row total, 勾稽), which holds everywhere else in the table
 * - uncertain: the value is the most likely reading but rests on an assumption
 *   the document does not settle (e.g. which columns a row that lost cells still
 *   has); or no value (null) because nothing settles it
 */
export type Confidence = 'exact' | 'derived' | 'uncertain';

export interface CellProvenance {
  /** The cell, named as the validator names it: table3.granted[0], table2.fees.amountWanYuan */
  cell: string;
  value: number | string | null;
  confidence: Confidence;
  /** The text printed in the cell (original characters); null when nothing was found. */
  raw: string | null;
  /** Where the text was found; null when nothing was found. */
  where: SourceRef | null;
  /** Chinese: how the value was obtained when it was not simply read. */
  note?: string;
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  exact: '确定',
  derived: '推算',
  uncertain: '不确定',
};
