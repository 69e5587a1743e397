// Chinese word segmentation of search queries with jieba (jieba-wasm: jieba-rs with its built-in
// dictionary, compiled to WebAssembly; `@node-rs/jieba` is faster but breaks `npm ci` here). Only
// queries are segmented: the index stays Han bigrams (tokens.ts), which find any word.
//
// Loaded once, lazily, on the first query: the module compiles its 4 MB WebAssembly synchronously
// and the dictionary is built on the first cut (together about 0.4 s and 70 MB of memory on the
// development machine, see `segmenterInitMs`). Later cuts of a query take well under a millisecond.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

type Jieba = typeof import('jieba-wasm');

let jieba: Jieba | null = null;
let initMs: number | null = null;

function load(): Jieba {
  if (!jieba) {
    const t0 = performance.now();
    // The package's CommonJS build for Node (its `import` entry is the browser build).
    const j = createRequire(import.meta.url)('jieba-wasm') as Jieba;
    j.cut('初始化', true); // builds the dictionary
    initMs = performance.now() - t0;
    jieba = j;
  }
  return jieba;
}

/** Milliseconds the segmenter took to load and build its dictionary (null before the first use). */
export function segmenterInitMs(): number | null {
  return initMs;
}

export interface Word {
  word: string;
  /** Character offsets in the text (code points). */
  start: number;
  end: number;
}

/**
 * Words of a text in jieba's search mode (with HMM for unknown words): the words of the precise
 * segmentation, each preceded by the shorter dictionary words inside it (生态环境 → 生态, 环境,
 * 生态环境). Whitespace and punctuation come back as words too.
 */
export function searchWords(text: string): Word[] {
  if (!text) return [];
  return load().tokenize(text, 'search', true).map((t) => ({ word: t.word, start: t.start, end: t.end }));
}
