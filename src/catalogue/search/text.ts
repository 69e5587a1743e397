// Text as searched: NFKC (full-width → ASCII), traditional → simplified (OpenCC), one space for
// any whitespace run. Stored beside each live item and applied to every query the same way, so
// that 繁體 and 简体 spellings match each other.
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let t2s: Convert | null = null;

export function toSimplified(s: string): string {
  t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }) as Convert;
  return t2s(s);
}

export function searchableText(s: string): string {
  return toSimplified(s.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}
