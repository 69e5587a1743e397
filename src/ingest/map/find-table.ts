// Which recovered tables hold table 2, 3 or 4 of the report: those where its
// labels are found. A table may be split over several recovered tables (table 2
// printed as four tables, table 3 over two PDF pages, table 4 as three sub-tables
// under their own headings), and one recovered table may hold several report
// tables (a stream without headings between them): each mapper reads the
// labelled rows of its own table from all of them, in order.
import type { IngestDocument } from '../read/document.ts';
import { TABLE_LABELS } from './labels.ts';
import { segmentRows, type LabelledRow } from './rows.ts';
import { mendStream } from './page-artefacts.ts';
import { withFlattenedTables } from './glued-lines.ts';

export interface FoundRow extends LabelledRow {
  mode: 'grid' | 'stream';
  /** Which recovered table of the document the row is in (0-based, counting tables only). */
  table: number;
  /** The text printed just before that table (its heading, e.g. 行政诉讼（复议后起诉）), if any. */
  caption: string | null;
}

export interface FoundRows {
  rows: FoundRow[];
}

/** Minimum distinct labels for a recovered table to count as holding the report table. */
const MIN_LABELS: Record<2 | 3 | 4, number> = { 2: 2, 3: 3, 4: 3 };

// the document with its flattened table lines as tables, once per document
const flattened = new WeakMap<IngestDocument, IngestDocument | null>();

/**
 * The rows of the table, from the document's tables; when no table of the document holds it,
 * from lines of text that are a flattened table (a text export that lost the table: glued-lines.ts).
 */
export function findTableRows(doc: IngestDocument, table: 2 | 3 | 4): FoundRows | null {
  const found = findIn(doc, table);
  if (found || doc.fileType !== 'text') return found;
  if (!flattened.has(doc)) flattened.set(doc, withFlattenedTables(doc));
  const lines = flattened.get(doc);
  return lines ? findIn(lines, table) : null;
}

function findIn(doc: IngestDocument, table: 2 | 3 | 4): FoundRows | null {
  const phase = { body: false, sticky: table === 3 };
  const rows: FoundRows['rows'] = [];
  let caption: string | null = null;
  let index = -1;
  // whether the previous block is a table that holds rows of this one (nothing printed between)
  let continuing = false;
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      caption = b.text;
      continuing = false;
      continue;
    }
    index++;
    const t = b.table;
    const before = { ...phase };
    // page numbers and labels broken by a PDF's lines and pages, in a text export's cell stream
    const seg = segmentRows(mendStream(t, TABLE_LABELS[table]), TABLE_LABELS[table], phase);
    const heading = caption;
    caption = null;
    // a piece of a table that a reader cut in two (a row of one cell between grids) needs fewer labels
    if (seg.distinct < (continuing && table === 3 && before.body ? 1 : MIN_LABELS[table])) {
      Object.assign(phase, before);
      continuing = false;
      continue;
    }
    continuing = true;
    for (const r of seg.rows) rows.push({ ...r, mode: t.mode, table: index, caption: heading });
  }
  return rows.length > 0 ? { rows } : null;
}
