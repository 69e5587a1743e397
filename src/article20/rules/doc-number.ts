// The 决定文书号 (行政许可决定书文号, 行政处罚决定书文号) identifies a decision within an agency and
// category: the same decision exported twice, or typed with other brackets, is one decision and is
// counted once in table 2 第二十条第（五）（六）项. Clerks and systems write the year's brackets as
// 〔〕, [], 【】, ［］, （） or (), in full-width or half-width, with stray spaces: all are one key.

const BRACKET_OPEN = /[〔\[【［（(〖｛{]/g;
const BRACKET_CLOSE = /[〕\]】］）)〗｝}]/g;

/** The comparison key of a 文书号: half-width, one kind of bracket, no spaces, capital letters. */
export function docNumberKey(docNumber: string): string {
  return String(docNumber ?? '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(BRACKET_OPEN, '〔')
    .replace(BRACKET_CLOSE, '〕')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** A 文书号 as shown and stored: trimmed, inner runs of spaces kept as one. */
export const cleanDocNumber = (docNumber: string) => String(docNumber ?? '').replace(/[\s\u3000]+/g, ' ').trim();
