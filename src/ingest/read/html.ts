// HTML → blocks: the text of the page in reading order (one block per
// paragraph-like element) and every data table as a grid with its merged cells
// expanded. Layout tables (tables holding other tables, or a column of long
// text) are read through as text. Also reads mammoth's HTML of Word files.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { UnreadableDocument, type Block, type SourceRef } from './document.ts';
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
  // a stack, not recursion: malformed pages nest tables deeply
  const stack: AnyNode[] = [...table.children];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (!isElement(n)) continue;
    if (n.name === 'table') return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
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

// Elements that hold others and are closed only by their end tag: left open, each nests the rest of
// the page inside it. The HTML parser's work grows with the square of the depth (20,000 open <div>
// take seconds), and real pages stay below a few hundred levels.
const CONTAINERS = new Set(['div', 'table', 'span', 'font', 'section', 'article', 'blockquote', 'ul', 'ol', 'dl', 'center', 'form', 'b', 'i', 'strong', 'em', 'a']);
const MAX_NESTING = 2000;

/** How deep the containers nest, counting end tags (one linear pass over the tags, no parsing); a table counts as its four levels (table, tbody, tr, td). */
function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (!CONTAINERS.has(name)) continue;
    const levels = name === 'table' ? 4 : 1;
    if (m[1]) depth = Math.max(0, depth - levels);
    else if (!m[0].endsWith('/>')) max = Math.max(max, (depth += levels));
  }
  return max;
}

export function readHtmlBlocks(html: string, file: 'html' | 'docx'): HtmlReading {
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) throw new UnreadableDocument(`网页结构已损坏：未闭合的标签相互嵌套达 ${depth} 层（正常网页不超过几百层），无法读取`);
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
    const width = merged.reduce((max, r) => Math.max(max, r.reduce((w, c) => w + Math.max(1, c.colSpan || 1), 0)), 0);
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
