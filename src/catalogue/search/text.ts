// Text as searched: full-width letters and digits as ASCII (Chinese punctuation stays, so that
// excerpts read normally), traditional → simplified (OpenCC), one space for any whitespace run. Stored beside each live item and applied to every query the same way, so
// that 繁體 and 简体 spellings match each other.
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let t2s: Convert | null = null;

export function toSimplified(s: string): string {
  t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }) as Convert;
  return t2s(s);
}

const foldWidth = (s: string) => s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function searchableText(s: string): string {
  return toSimplified(foldWidth(s)).replace(/\s+/g, ' ').trim();
}
