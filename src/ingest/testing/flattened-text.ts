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
    let empties = 0;
    const flush = () => {
      if (empties > 0) lines.push('|'.repeat(empties));
      empties = 0;
    };
    for (const row of b.grid.rows) {
      const texts = [...row.map((c) => c.text), ...new Array<string>(width - row.length).fill('')];
      for (const t of texts) {
        if (t) {
          flush();
          lines.push(`${t} |`);
        } else empties++;
      }
    }
    flush();
  }
  return `${lines.join('\n')}\n`;
}
