// Deterministic mutations of the ingest fixtures (test/fixtures/ingest) for the fuzz test and
// bench/fuzz.ts: the same seed gives the same documents. Bytes are overwritten, copied, cut,
// repeated and sprinkled with the tokens each format is built of; Word files are mutated inside
// (document.xml, zipped again) as well as byte by byte; cut PDFs keep an end marker half the time
// so that they reach pdfjs rather than the check for a cut file.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { fixtureFile } from '../fixtures/ingest/index.ts';
import { randomSource } from '../../src/ingest/testing/random-report.ts';

export type FuzzFormat = 'pdf' | 'docx' | 'html';
export const FUZZ_FORMATS: readonly FuzzFormat[] = ['pdf', 'docx', 'html'];

const BASES: Record<FuzzFormat, string[]> = {
  pdf: ['libreoffice.pdf', 'rendered-2021.pdf'],
  docx: ['libreoffice.docx', 'rendered-2021.docx', 'rendered-2019.docx'],
  html: ['merged-cells.html', 'merged-cells.gbk.html'],
};

const TOKENS: Record<FuzzFormat | 'xml', string[]> = {
  pdf: ['obj', 'endobj', 'stream\n', 'endstream', '/Length 999999', '<<', '>>', '[', ']', ' 0 R', '/Kids [3 0 R 3 0 R]', '/Count 1000000', 'BT', 'ET', ' Tj', '/FlateDecode', '99999999', '-1', '(', ')', '%%EOF'],
  html: ['<table>', '</table>', '<tr>', '</tr>', '<td colspan="50">', '<td rowspan="999">', '</td>', '<p>', '<div>', '一、', '本年新收', '|', '0', '\n', '&nbsp;', '<!--', '-->', '<br>'],
  xml: ['<w:tbl>', '</w:tbl>', '<w:tr>', '</w:tr>', '<w:tc>', '</w:tc>', '<w:gridSpan w:val="99"/>', '<w:vMerge w:val="restart"/>', '<w:vMerge/>', '<w:p>', '</w:p>', '<w:t>0</w:t>', '<w:t>一、</w:t>'],
  docx: ['PK', '\u0000\u0000\u0000\u0000', '\u00ff\u00ff\u00ff\u00ff'],
};

const cache = new Map<string, Buffer>();
function base(name: string): Buffer {
  let b = cache.get(name);
  if (!b) cache.set(name, (b = readFileSync(fixtureFile(name))));
  return b;
}

/** A few to forty edits of the bytes, drawn from `random`, with `tokens` to insert. */
export function mutateBytes(input: Buffer, random: () => number, tokens: readonly string[]): Buffer {
  let b = Buffer.from(input);
  const at = () => Math.floor(random() * b.length);
  const edits = 1 + Math.floor(random() * 40);
  for (let k = 0; k < edits && b.length > 0; k++) {
    const op = random();
    if (op < 0.3) b[at()] = Math.floor(random() * 256);
    else if (op < 0.45) b.copyWithin(at(), at(), at());
    else if (op < 0.7 && tokens.length) {
      const p = at();
      b = Buffer.concat([b.subarray(0, p), Buffer.from(tokens[Math.floor(random() * tokens.length)]!, 'latin1'), b.subarray(p)]);
    } else if (op < 0.85) {
      const p = at();
      b = Buffer.concat([b.subarray(0, p), b.subarray(Math.min(b.length, p + Math.floor(random() * 64)))]);
    } else {
      // a stretch repeated: nested structures, long rows
      const p = at();
      const piece = b.subarray(p, Math.min(b.length, p + 1 + Math.floor(random() * 400)));
      b = Buffer.concat([b.subarray(0, p), ...Array.from({ length: 1 + Math.floor(random() * 20) }, () => piece), b.subarray(p)]);
    }
  }
  return b;
}

const ELEMENTS = ['w:tr', 'w:tc', 'w:p', 'w:tbl', 'w:r'];
const TEXTS = ['', '0', '12', '99999999', '-3', '一、', '（一）予以公开', '本年新收政府信息公开申请数量', '|', '总计', '2023年政府信息公开工作年度报告', 'x'.repeat(5000)];

/** Edits of a Word document's XML that keep it well-formed: texts, spans, whole rows and cells repeated or dropped. */
export function mutateXml(xml: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const edits = 1 + Math.floor(random() * 12);
  for (let k = 0; k < edits; k++) {
    const op = random();
    if (op < 0.35) {
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g)];
      if (!texts.length) continue;
      const m = pick(texts);
      xml = `${xml.slice(0, m.index)}<w:t>${pick(TEXTS)}</w:t>${xml.slice(m.index! + m[0].length)}`;
    } else if (op < 0.5) {
      const values = [...xml.matchAll(/(<w:(?:gridSpan|vMerge|gridCol)[^>]*?w:(?:val|w)=")([^"]*)"/g)];
      if (!values.length) continue;
      const m = pick(values);
      xml = `${xml.slice(0, m.index)}${m[1]}${pick(['0', '1', '2', '99', '65535', 'restart', 'continue', '-1'])}"${xml.slice(m.index! + m[0].length)}`;
    } else {
      const name = pick(ELEMENTS);
      const found = [...xml.matchAll(new RegExp(`<${name}[ >][\\s\\S]*?</${name}>`, 'g'))];
      if (!found.length) continue;
      const m = pick(found);
      const times = op < 0.8 ? 1 + Math.floor(random() * 30) : 0; // repeated, or dropped
      xml = `${xml.slice(0, m.index)}${m[0].repeat(times)}${xml.slice(m.index! + m[0].length)}`;
    }
  }
  return xml;
}

export interface MutatedDocument {
  format: FuzzFormat;
  /** The fixture it was made from. */
  from: string;
  name: string;
  bytes: Buffer;
}

/** The `index`-th mutated document of the given seed: formats in turn, then a base of that format. */
export async function mutatedDocument(seed: number, index: number): Promise<MutatedDocument> {
  const random = randomSource(seed * 1_000_003 + index);
  const format = FUZZ_FORMATS[index % FUZZ_FORMATS.length]!;
  const names = BASES[format];
  const from = names[Math.floor(random() * names.length)]!;
  let bytes: Buffer;
  if (format === 'docx' && random() < 0.8) {
    const zip = await JSZip.loadAsync(base(from));
    const xml = await zip.file('word/document.xml')!.async('string');
    // mostly well-formed edits, which reach the table reader; some that break the XML
    const edited = random() < 0.75 ? mutateXml(xml, random) : mutateBytes(Buffer.from(xml), random, TOKENS.xml).toString('utf8');
    zip.file('word/document.xml', edited);
    bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  } else {
    bytes = mutateBytes(base(from), random, TOKENS[format]);
  }
  if (random() < 0.2) {
    bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
    if (format === 'pdf' && random() < 0.5) bytes = Buffer.concat([bytes, Buffer.from('\n%%EOF\n')]);
  }
  return { format, from, name: `fuzz-${index}.${format}`, bytes };
}
