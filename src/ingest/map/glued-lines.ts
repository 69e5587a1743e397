// Tables that a text export flattened into plain lines: each row one line
// (`（一）予以公开 47510015279`), or a whole table one line of labels and digit
// runs, with or without spaces (`…其他一、本年新收政府信息公开申请数量9520175238168二、…`).
// Such lines are cut back into cells — labels and digit runs — and read as a
// stream table, whose rows the mappers then read as any other stream; the cuts
// inside a digit run are left to the table's arithmetic (glued.ts).
//
// Cut points, none of which needs the numbers:
//   - whitespace;
//   - between digits and other text;
//   - before a numbering that starts a label (一、 / （一） not after 第), and a
//     sub-item number glued to the run before it: `70000071.本机关…` is the run
//     7000007 and the label 1.本机关… (sub-items are numbered 1–9);
//   - between labels of the official form printed without a gap
//     (`自然人法人或其他组织总计…`), by the longest label that starts there.
import type { Block, IngestDocument, SourceCell } from '../read/document.ts';
import { isSectionHeading } from '../detect/sections.ts';
import { TABLE_LABELS } from './labels.ts';

/** A sentence of the narrative, never a table line (it may hold figures: 全年主动公开政府信息809条。). */
const isSentence = (line: string) => /[。；;！？]/.test(line);

/** Printed labels of the official form, longest first, for cutting runs of labels apart. */
const VOCABULARY: readonly string[] = (() => {
  const labels = new Set<string>();
  for (const entries of Object.values(TABLE_LABELS)) {
    for (const e of entries) {
      const bare = e.label.replace(/^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d[.、．])/, '');
      if (bare.length >= 2) labels.add(bare);
    }
  }
  return [...labels].sort((a, b) => b.length - a.length);
})();

/** A printed value: digits, decimals, a signed change glued on (5-312, read later as unreadable). */
const VALUE = /^\d+(?:\.\d+)?(?:[-−]\d+(?:\.\d+)?)*$/;

const NUMBERING_START = /(?=[一二三四五六七八九十]+、)|(?<!第)(?=（[一二三四五六七八九十]+）)/;

/**
 * A text piece cut before each label of the form that starts in it (numbering first, then the
 * vocabulary). Text that is no label joins the label before it (a note, a variant ending), which
 * label matching tolerates.
 */
function cutLabels(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(NUMBERING_START).filter(Boolean)) {
    const pieces: string[] = [];
    let rest = part;
    let pending = '';
    const settle = () => {
      if (pending && pieces.length > 0) pieces[pieces.length - 1] += pending;
      else if (pending) pieces.push(pending);
      pending = '';
    };
    while (rest) {
      // the numbering and its label stay together
      const offset = pieces.length === 0 && pending === '' ? numberingLength(rest) : 0;
      const label = VOCABULARY.find((w) => rest.startsWith(w, offset));
      if (label) {
        settle();
        pieces.push(rest.slice(0, offset + label.length));
        rest = rest.slice(offset + label.length);
      } else {
        pending += rest.slice(0, offset + 1);
        rest = rest.slice(offset + 1);
      }
    }
    settle();
    out.push(...pieces);
  }
  return out;
}

function numberingLength(text: string): number {
  return /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d[.、．])/.exec(text)?.[0].length ?? 0;
}

/** The cells of one line: labels and digit runs, in order. */
export function lineCells(line: string): string[] {
  const cells: string[] = [];
  for (const chunk of line.trim().split(/\s+/).filter(Boolean)) {
    // a number keeps its decimals (a fee of 12.5 万元) and a signed change glued to it (5-312: read as
    // one unreadable run, never as 5, a dash and 312)
    const pieces = chunk.match(/\d+(?:\.\d+)?(?:[-−]\d+(?:\.\d+)?)*|\D+/g) ?? [];
    for (let i = 0; i < pieces.length; i++) {
      let p = pieces[i]!;
      const next = pieces[i + 1];
      // a sub-item number glued to the run before it: the last digit is the label's
      if (/^\d+$/.test(p) && next && /^[.、．][^\d]/.test(next)) {
        const number = p.slice(-1);
        p = p.slice(0, -1);
        pieces[i + 1] = number + next;
        if (!p) continue;
      }
      if (VALUE.test(p)) cells.push(p);
      else cells.push(...cutLabels(p));
    }
  }
  return cells;
}

/** Whether a line reads as part of a flattened table: labels followed by a digit run, not a sentence. */
function isTableLine(line: string): boolean {
  if (isSentence(line)) return false;
  const cells = lineCells(line);
  return cells.some((c, i) => VALUE.test(c) && i > 0 && !VALUE.test(cells[i - 1]!));
}

/**
 * The document with its flattened table lines read as stream tables: a run of lines that holds
 * a table line (labels, then a digit run) or a bare digit run, with the short label-only lines
 * around it (headers, （三）不予公开), becomes one table; the heading of a part ends it and stays
 * text (the caption of the next table). null when there is no table line.
 */
export function withFlattenedTables(doc: IngestDocument): IngestDocument | null {
  const blocks: Block[] = [];
  let stream: SourceCell[] = [];
  // short label-only lines not yet known to belong to a table
  let pending: Extract<Block, { kind: 'text' }>[] = [];
  let any = false;
  const cellsOf = (b: Extract<Block, { kind: 'text' }>) => lineCells(b.text).map((text) => ({ text, where: b.where }));
  const end = () => {
    if (stream.length > 0) blocks.push({ kind: 'table', table: { mode: 'stream', rows: [stream] } });
    blocks.push(...pending);
    stream = [];
    pending = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'text' && !isSentence(b.text) && !isSectionHeading(b.text)) {
      const bare = VALUE.test(b.text.trim());
      if (isTableLine(b.text) || (bare && (stream.length > 0 || pending.length > 0))) {
        any = true;
        stream.push(...pending.flatMap(cellsOf), ...cellsOf(b));
        pending = [];
        continue;
      }
      if (b.text.length <= 40 && !bare) {
        pending.push(b);
        continue;
      }
    }
    end();
    blocks.push(b);
  }
  end();
  return any ? { ...doc, blocks } : null;
}
