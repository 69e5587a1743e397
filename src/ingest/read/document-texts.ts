// All texts of a document in reading order, whether printed as paragraphs or
// inside table cells: a scraped title is often a cell (seed 003), a signature a
// paragraph. For title, agency and kind detection.
import type { IngestDocument, SourceRef } from './document.ts';

export interface DocumentText {
  text: string;
  where: SourceRef;
}

export function documentTexts(doc: IngestDocument): DocumentText[] {
  const out: DocumentText[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') out.push({ text: b.text, where: b.where });
    else for (const row of b.table.rows) for (const c of row) if (!c.copy && c.text.trim()) out.push({ text: c.text, where: c.where });
  }
  return out;
}
