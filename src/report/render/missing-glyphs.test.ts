// Which characters the PDF fonts cannot draw, checked against the real fonts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePointLabel, describeMissingGlyphs, markMissingGlyphs, missingGlyphs, missingGlyphsWarning } from './missing-glyphs.ts';
import { pdfFace } from './pdf-fonts.ts';

test('characters the fonts have are not missing: rare ones of 通用规范汉字表, punctuation, Latin, 〓 itself', () => {
  assert.deepEqual(missingGlyphs('龑𬌗 某县“测试”局（2024年）—— ①Ⅱ ℃ ㎡ ￥12.35 Résumé 〓\n\t'), []);
});

test('characters they lack are listed once each, in order of first appearance', () => {
  // U+30000 (CJK Extension G) and U+2A6D6 (Extension B): absent from both faces
  for (const cp of [0x30000, 0x2a6d6]) for (const face of ['regular', 'bold'] as const) assert.equal(pdfFace(face).hasGlyphForCodePoint(cp), false);
  assert.deepEqual(missingGlyphs('申请人𰀀某，龑某，𪛖某，𰀀某'), [
    { char: '𰀀', codePoint: 0x30000 },
    { char: '𪛖', codePoint: 0x2a6d6 },
  ]);
});

test('invisible characters (zero-width space, joiner, variation selectors) are not missing', () => {
  assert.equal(pdfFace('regular').hasGlyphForCodePoint(0x200b), false);
  assert.deepEqual(missingGlyphs('a\u200bb\u200dc葛\u{E0100}\ufe00\u00ad'), []);
});

test('marking and naming them', () => {
  const missing = missingGlyphs('𰀀与𪛖');
  assert.equal(markMissingGlyphs('申请人𰀀某、𪛖某（龑）', missing), '申请人〓某、〓某（龑）');
  assert.equal(markMissingGlyphs('不变', []), '不变');
  assert.equal(describeMissingGlyphs(missing), '𰀀（U+30000）、𪛖（U+2A6D6）');
  assert.equal(missingGlyphsWarning(missing), '字体缺少以下字符，PDF 中以“〓”代替：𰀀（U+30000）、𪛖（U+2A6D6）');
  assert.equal(codePointLabel(0x7), 'U+0007');
});
