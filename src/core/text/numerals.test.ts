import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseNumeral } from './numerals.ts';

test('Chinese numerals: positional forms', () => {
  const cases: [string, number][] = [
    ['零', 0], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23],
    ['一百零五', 105], ['一百', 100], ['三千二百', 3200], ['三万二千', 32000], ['一万零一', 10001],
    ['壹佰贰拾', 120],
  ];
  for (const [text, value] of cases) assert.equal(parseChineseNumeral(text), value, text);
});

test('Chinese numerals: digit by digit (years)', () => {
  assert.equal(parseChineseNumeral('二〇二三'), 2023);
  assert.equal(parseChineseNumeral('二零二四'), 2024);
});

test('Chinese numerals: not a number', () => {
  for (const text of ['', '一是', '十百', '二三十', '万', '两两', '三安全']) assert.equal(parseChineseNumeral(text), null, text);
});
