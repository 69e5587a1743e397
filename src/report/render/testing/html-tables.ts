// Test aid: reads the <table> elements of an HTML string (our own output, or
// mammoth's conversion of a DOCX) into cells and a positional matrix, so that
// tests can check both the merge attributes and where every number landed.
// It handles the plain, well-formed markup those two produce; it is not a
// general HTML parser.

export interface ReadCell {
  tag: 'th' | 'td';
  text: string;
  colSpan: number;
  rowSpan: number;
  scope: string | null;
}

export interface ReadTable {
  rows: ReadCell[][];
  /** matrix[r][c] = the text of the cell covering row r, column c (merged cells repeat). */
  matrix: string[][];
  /** origin[r][c] = true where the covering cell starts at (r, c). */
  origin: boolean[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(attrs);
  return m ? decode(m[1] ?? '') : null;
}

export function readHtmlTables(html: string): ReadTable[] {
  const tables: ReadTable[] = [];
  for (const t of html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/gi)) {
    const rows: ReadCell[][] = [];
    for (const tr of (t[1] ?? '').matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const cells: ReadCell[] = [];
      for (const c of (tr[1] ?? '').matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
        const attrs = c[2] ?? '';
        cells.push({
          tag: (c[1] ?? 'td').toLowerCase() as 'th' | 'td',
          text: decode((c[3] ?? '').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).trim(),
          colSpan: Number(attr(attrs, 'colspan') ?? 1),
          rowSpan: Number(attr(attrs, 'rowspan') ?? 1),
          scope: attr(attrs, 'scope'),
        });
      }
      rows.push(cells);
    }
    tables.push({ rows, ...place(rows) });
  }
  return tables;
}

function place(rows: ReadCell[][]): { matrix: string[][]; origin: boolean[][] } {
  const matrix: string[][] = rows.map(() => []);
  const origin: boolean[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (matrix[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          matrix[r + dr]![c + dc] = cell.text;
          origin[r + dr]![c + dc] = dr === 0 && dc === 0;
        }
      }
      c += cell.colSpan;
    }
  });
  return { matrix, origin };
}
