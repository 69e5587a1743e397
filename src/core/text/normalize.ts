// Text as compared, never as displayed: published reports mix traditional and
// simplified characters, carry pinyin artefacts of scrapers (`報(bào)告`),
// full-width digits, HTML entities, stray cell separators and line breaks
// inside labels. Every reader keeps the original text for display and
// provenance; only matching and number reading go through these functions.
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let traditionalToSimplified: Convert | null = null;

/** Traditional → simplified (OpenCC "t" → "cn"); simplified text passes unchanged. */
export function toSimplified(s: string): string {
  traditionalToSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }) as Convert;
  return traditionalToSimplified(s);
}

const CJK = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
// A pinyin annotation: latin letters with at least one tone mark, in ASCII or
// full-width parentheses, directly after a CJK character: 報(bào) → 報.
// A real parenthesis (試行), (a), (2023) has no tone mark and stays.
const PINYIN = new RegExp(`([${CJK}])[(（]([a-zü${TONED}]*[${TONED}][a-zü${TONED}]*)[)）]`, 'giu');

/** Removes pinyin annotations written after characters: `開(kāi)展` → `開展`. */
export function removePinyin(s: string): string {
  return s.replace(PINYIN, '$1');
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

/** HTML entities left in scraped text (`&nbsp;`, `&#12288;`, `&#x3000;`). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));?/gi, (m, dec: string, hex: string, name: string) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? m;
  });
}

// Between two CJK characters a space or line break is layout, not content
// (`規 章`, `商業\n企業`); between latin words or numbers it separates.
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}、，。：；“”])\\s+(?=[${CJK}、，。：；“”(\\d])|(?<=[${CJK}])\\s+(?=[(:,;])|(?<=[):,;\\d])\\s+(?=[${CJK}])`,
  'gu',
);

/**
 * The text as compared: entities decoded, pinyin removed, simplified
 * characters, NFKC (full-width digits, letters and ASCII punctuation become
 * half-width: `（一）` → `(一)`, `１２` → `12`; CJK compatibility and Kangxi
 * radical code points that PDF text layers produce become ordinary characters),
 * cell separators `|` and zero-width characters removed, whitespace collapsed
 * and dropped between CJK characters. Chinese punctuation without a
 * half-width twin (、。“”) stays.
 */
export function normalizeForMatch(s: string): string {
  // labels and numbers repeat in every table of every report: remember short texts
  const short = s.length <= 200;
  const known = short ? memo.get(s) : undefined;
  if (known !== undefined) return known;
  const t = normalize(s);
  if (short) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(s, t);
  }
  return t;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

function normalize(s: string): string {
  let t = decodeEntities(s);
  t = removePinyin(t);
  t = toSimplified(t);
  t = t.normalize('NFKC');
  t = t.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\|/g, ' ');
  t = t.replace(/[\s\u00A0\u3000]+/g, ' ');
  t = t.replace(SPACE_BETWEEN_CJK, '');
  return t.trim();
}
