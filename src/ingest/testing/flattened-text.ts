// Test and benchmark aid: a report as a scraper saves it (seed 001): the title
// and paragraphs as lines, every table cell as a line ending in ` |`, runs of
// empty cells as lines of bare pipes, each row padded with empty cells to the
// widest row of its table. Built from the renderers' layout of the report.
import { layoutDocument, type ReportDocument } from '../../report/render/document.ts';

export function flattenedText(doc: ReportDocument): string {
  const { title, blocks } = layoutDocument(doc);
  const lines: string[] = [title];
  for (const b of blocks) {
    if (b.kind !== 'table') {
      lines.push(b.text);
      continue;
    }
    const width = b.grid.rows.reduce((max, row) => Math.max(max, row.length), 0);
    lines.push(...scraperLines(b.grid.rows.map((row) => row.map((c) => c.text)), width));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A table's rows as the scraper writes them: each row padded with empty cells to `width`, a cell with
 * text as a line ending in ` |`, each run of empty cells as one line of bare pipes.
 */
export function scraperLines(rows: readonly (readonly string[])[], width: number): string[] {
  const lines: string[] = [];
  let empties = 0;
  const flush = () => {
    if (empties > 0) lines.push('|'.repeat(empties));
    empties = 0;
  };
  for (const row of rows) {
    for (const t of [...row, ...new Array<string>(Math.max(0, width - row.length)).fill('')]) {
      if (t) {
        flush();
        lines.push(`${t} |`);
      } else empties++;
    }
  }
  flush();
  return lines;
}
