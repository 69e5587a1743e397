// HTML → blocks: the text of the page in reading order (one block per
// paragraph-like element) and every data table as a grid with its merged cells
// expanded. Layout tables (tables holding other tables, or a column of long
// text) are read through as text. Also reads mammoth's HTML of Word files.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, SourceRef } from './document.ts';
import { expandSpans, type MergedCell } from '../tables/grid.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'select', 'button', 'input', 'textarea']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'form', 'center', 'tr', 'td', 'th', 'caption', 'tbody',
  'thead', 'tfoot', 'hr', 'address', 'figure', 'figcaption', 'body', 'html',
]);

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function hasNestedTable(table: Element): boolean {
  const visit = (n: AnyNode): boolean =>
    isElement(n) && n.children.some((c) => (isElement(c) && c.name === 'table') || visit(c));
  return visit(table);
}

/** A cell's text with its line breaks (<br>, paragraphs) kept as \n. */
function cellText(el: Element): string {
  const parts: string[] = [];
  const visit = (n: AnyNode) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if (isElement(n)) {
      if (SKIP.has(n.name)) return;
      if (n.name === 'br') return void parts.push('\n');
      const block = BLOCK.has(n.name);
      if (block) parts.push('\n');
      n.children.forEach(visit);
      if (block) parts.push('\n');
    }
  };
  el.children.forEach(visit);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function isProse(text: string): boolean {
  return text.length >= 60 || (text.length >= 25 && /[。；;]/.test(text));
}

function tableRows(table: Element): MergedCell[][] {
  const rows: MergedCell[][] = [];
  const visit = (n: AnyNode) => {
    if (!isElement(n)) return;
    if (n.name === 'tr') {
      rows.push(
        n.children
          .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
          .map((c) => ({
            text: cellText(c),
            colSpan: Number(c.attribs['colspan'] ?? 1),
            rowSpan: Number(c.attribs['rowspan'] ?? 1),
          })),
      );
      return;
    }
    n.children.forEach(visit);
  };
  table.children.forEach(visit);
  return rows;
}

export interface HtmlReading {
  blocks: Block[];
  title?: string;
}

export function readHtmlBlocks(html: string, file: 'html' | 'docx'): HtmlReading {
  const $ = cheerio.load(html);
  const blocks: Block[] = [];
  let paragraph = 0;
  let tableNumber = 0;
  let line = '';
  const text = (t: string) => {
    const s = t.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (s) blocks.push({ kind: 'text', text: s, where: { kind: 'paragraph', file, paragraph: ++paragraph } });
  };
  const flush = () => {
    text(line);
    line = '';
  };
  const emitTable = (table: Element) => {
    const merged = tableRows(table);
    const n = ++tableNumber;
    const cells = merged.flat().filter((c) => c.text);
    const width = Math.max(0, ...merged.map((r) => r.reduce((w, c) => w + Math.max(1, c.colSpan || 1), 0)));
    const prose = cells.filter((c) => isProse(c.text));
    if (cells.length === 0) return;
    if (width <= 2 && prose.length > 0) {
      // a layout table: a column of paragraphs
      for (const c of cells) for (const l of c.text.split('\n')) text(l);
      return;
    }
    for (const c of prose) text(c.text);
    const where = (row: number, column: number): SourceRef => ({ kind: 'cell', file, table: n, row: row + 1, column: column + 1 });
    blocks.push({ kind: 'table', table: { mode: 'grid', rows: expandSpans(merged, where) } });
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      line += (node as unknown as { data: string }).data;
      return;
    }
    if (!isElement(node) || SKIP.has(node.name)) return;
    if (node.name === 'br') return flush();
    if (node.name === 'table' && !hasNestedTable(node)) {
      flush();
      emitTable(node);
      return;
    }
    const block = BLOCK.has(node.name) || node.name === 'table';
    if (block) flush();
    node.children.forEach(walk);
    if (block) flush();
  };
  const body = $('body')[0] ?? $.root()[0];
  if (body) (body as unknown as { children: AnyNode[] }).children.forEach(walk);
  flush();
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  return title ? { blocks, title } : { blocks };
}
