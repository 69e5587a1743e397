import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, normalizeForMatch, removePinyin, toSimplified } from './normalize.ts';

test('normalize: traditional characters become simplified', () => {
  assert.equal(toSimplified('新榮區自然資源局'), '新荣区自然资源局');
  assert.equal(toSimplified('政府信息公开'), '政府信息公开');
});

test('normalize: pinyin with tone marks after a CJK character is removed', () => {
  assert.equal(removePinyin('年度報(bào)告'), '年度報告');
  assert.equal(removePinyin('公開(kāi)工作'), '公開工作');
  assert.equal(removePinyin('報（bào）告'), '報告');
  assert.equal(removePinyin('規(guī)定'), '規定');
});

test('normalize: real parentheses stay (no tone marks, or not after a CJK character)', () => {
  assert.equal(removePinyin('条例(试行)'), '条例(试行)');
  assert.equal(removePinyin('收费(de)'), '收费(de)');
  assert.equal(removePinyin('a(bào)'), 'a(bào)');
  assert.equal(removePinyin('(一)予以公开'), '(一)予以公开');
});

test('normalize: entities, full-width characters, separators and spaces', () => {
  assert.equal(decodeEntities('a&nbsp;b&#12288;c&#x4e00;&amp;'), 'a b\u3000c一&');
  assert.equal(normalizeForMatch('（一）予以公開'), '(一)予以公开');
  assert.equal(normalizeForMatch('１２３&nbsp;件'), '123件');
  assert.equal(normalizeForMatch('信息內容 |'), '信息内容');
  assert.equal(normalizeForMatch('規 章'), '规章');
  assert.equal(normalizeForMatch('商業\n企業'), '商业企业');
  assert.equal(normalizeForMatch('2023 年 1 月'), '2023年1月');
  assert.equal(normalizeForMatch('report  for\t2023'), 'report for 2023');
  assert.equal(normalizeForMatch('\u2F63\u200B活'), '生活'); // Kangxi radical 生 from a PDF text layer
});

test('normalize: a whole seed title', () => {
  assert.equal(
    normalizeForMatch('新賓滿族自治縣自然資源局2023年政府信息公開工作年度報(bào)告'),
    '新宾满族自治县自然资源局2023年政府信息公开工作年度报告',
  );
});
