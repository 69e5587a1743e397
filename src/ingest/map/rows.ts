// A recovered table (grid or stream) → rows of labels and values, for one of
// tables 2–4. A row starts at a label of that table and holds the value cells
// that follow it: in a grid, up to the end of the grid row; in a stream (no row
// boundaries), up to the next label or text cell. Header labels are recognised
// until the first row label; after it, only row labels count (so 其他 is the row
// （六）3.其他, not the column 其他).
import type { SourceCell, SourceTable } from '../read/document.ts';
import { isValueLike } from '../normalize/cell-value.ts';
import { matchLabel, type LabelEntry } from './labels.ts';

export interface FoundLabel {
  entry: LabelEntry;
  cell: SourceCell;
  score: number;
}

export interface LabelledRow {
  /** Labels of the row in order, including merged cells above it (copies). */
  labels: FoundLabel[];
  /** Cells after the labels that look like values (numbers, empty, dashes, broken numbers). */
  values: SourceCell[];
  /** Text cells in the row that are not labels of this table. */
  other: SourceCell[];
  /** Grid row (0-based) or, in a stream, the row's number in order. */
  index: number;
  /** Header labels of the row (before the first row label of the table). */
  header: boolean;
}

export interface Segmentation {
  rows: LabelledRow[];
  /** How many distinct labels of the table were found (to tell which table a block is). */
  distinct: number;
}

/**
 * Where the reading is. With `sticky`, the first row label ends the header for
 * good (table 3, whose header and row labels share words); without it every
 * label is always recognised (table 2 repeats captions and column headers
 * before each sub-table).
 */
export interface Phase {
  body: boolean;
  sticky: boolean;
}

// the entries split by phase, once per entry list (matchLabel caches by list)
const byPhase = new WeakMap<readonly LabelEntry[], { header: LabelEntry[]; body: LabelEntry[] }>();

function phases(entries: readonly LabelEntry[]): { header: LabelEntry[]; body: LabelEntry[] } {
  let p = byPhase.get(entries);
  if (!p) byPhase.set(entries, (p = { header: entries.filter((e) => e.phase === 'header'), body: entries.filter((e) => e.phase === 'body') }));
  return p;
}

function classify(cell: SourceCell, entries: readonly LabelEntry[], phase: Phase): FoundLabel | null {
  if (!cell.text.trim() || isValueLike(cell.text)) return null;
  const { header, body } = phases(entries);
  if (!phase.sticky) {
    const m = matchLabel(cell.text, entries);
    return m && { ...m, cell };
  }
  if (phase.body) {
    const m = matchLabel(cell.text, body);
    return m && { ...m, cell };
  }
  const m = matchLabel(cell.text, header) ?? matchLabel(cell.text, body);
  return m && { ...m, cell };
}

/** Whether a copy comes from a cell merged across columns in the same row (a repeat, not a value of its own). */
function sameRowCopy(cell: SourceCell, rowNumber: number): boolean {
  return cell.copy === true && cell.where.kind === 'cell' && cell.where.row === rowNumber;
}

/**
 * A row label wrapped over two grid rows whose halves are each no label: the
 * first row has the numbers, the next only the rest of the label (its value
 * cells blank). The two halves read together, if they name a row of the table.
 */
function wrappedLabel(row: LabelledRow, next: SourceCell[] | undefined, entries: readonly LabelEntry[], phase: Phase): FoundLabel | null {
  if (!next || row.other.length === 0 || !row.values.some((v) => v.text.trim())) return null;
  const rest = next.filter((c) => c.text.trim());
  if (rest.length !== 1 || isValueLike(rest[0]!.text)) return null;
  const head = row.other.map((c) => c.text.trim()).join('');
  const label = classify({ ...row.other[0]!, text: head + rest[0]!.text.trim() }, entries, { ...phase, body: true });
  return label && label.entry.role === 'row' ? label : null;
}

export function segmentRows(table: SourceTable, entries: readonly LabelEntry[], phase: Phase): Segmentation {
  const rows: LabelledRow[] = [];
  const seen = new Set<LabelEntry>();
  if (table.mode === 'grid') {
    table.rows.forEach((cells, index) => {
      const row: LabelledRow = { labels: [], values: [], other: [], index, header: !phase.body };
      for (const cell of cells) {
        const gridRow = cell.where.kind === 'cell' ? index + 1 : -1;
        const label = classify(cell, entries, phase);
        if (label) {
          if (label.entry.phase === 'body') phase.body = true;
          if (!row.labels.some((l) => l.cell.where === cell.where && l.entry === label.entry)) row.labels.push(label);
          row.values = []; // values are the cells after the last label
          seen.add(label.entry);
          if (label.entry.phase === 'body') row.header = false;
        } else if (sameRowCopy(cell, gridRow)) {
          continue;
        } else if (isValueLike(cell.text)) {
          row.values.push(cell);
        } else {
          row.other.push(cell);
        }
      }
      const wrapped = row.labels.length === 0 ? wrappedLabel(row, table.rows[index + 1], entries, phase) : null;
      if (wrapped) {
        if (wrapped.entry.phase === 'body') phase.body = true;
        seen.add(wrapped.entry);
        row.labels.push(wrapped);
        row.other = [];
        row.header = wrapped.entry.phase !== 'body' && row.header;
      }
      rows.push(row);
    });
    return { rows, distinct: seen.size };
  }
  let current: LabelledRow | null = null;
  let valuesStarted = false;
  let n = 0;
  for (const cell of table.rows.flat()) {
    const label = classify(cell, entries, phase);
    if (label) {
      seen.add(label.entry);
      if (label.entry.phase === 'body') phase.body = true;
      const fresh =
        !current ||
        valuesStarted ||
        current.other.length > 0 ||
        label.entry.role === 'caption' ||
        (label.entry.role === 'row' && current.labels.some((l) => l.entry.role === 'row')) ||
        (label.entry.phase === 'body' && current.header);
      if (fresh) {
        current = { labels: [], values: [], other: [], index: n++, header: label.entry.phase === 'header' };
        rows.push(current);
        valuesStarted = false;
      }
      current!.labels.push(label);
      current!.values = []; // the values of a row are the cells after its last label
      if (label.entry.phase === 'body') current!.header = false;
    } else if (current && isValueLike(cell.text) && current.other.length === 0) {
      current.values.push(cell);
      if (cell.text.trim()) valuesStarted = true;
    } else if (current) {
      if (cell.text.trim()) current.other.push(cell);
    }
  }
  return { rows, distinct: seen.size };
}
