// Which recovered tables hold table 2, 3 or 4 of the report: those where its
// labels are found. A table may be split over several recovered tables (table 2
// printed as four tables, table 3 over two PDF pages), and one recovered table
// may hold several report tables (a stream without headings between them):
// each mapper reads the labelled rows of its own table from all of them, in order.
import type { IngestDocument } from '../read/document.ts';
import { tables } from '../read/document.ts';
import { TABLE_LABELS } from './labels.ts';
import { segmentRows, type LabelledRow } from './rows.ts';

export interface FoundRows {
  rows: (LabelledRow & { mode: 'grid' | 'stream' })[];
}

/** Minimum distinct labels for a recovered table to count as holding the report table. */
const MIN_LABELS: Record<2 | 3 | 4, number> = { 2: 2, 3: 3, 4: 3 };

export function findTableRows(doc: IngestDocument, table: 2 | 3 | 4): FoundRows | null {
  const phase = { body: false, sticky: table === 3 };
  const rows: FoundRows['rows'] = [];
  for (const t of tables(doc)) {
    const before = { ...phase };
    const seg = segmentRows(t, TABLE_LABELS[table], phase);
    if (seg.distinct < MIN_LABELS[table]) {
      Object.assign(phase, before);
      continue;
    }
    for (const r of seg.rows) rows.push({ ...r, mode: t.mode });
  }
  return rows.length > 0 ? { rows } : null;
}
