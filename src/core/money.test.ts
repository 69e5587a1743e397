import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fenToWanYuan, fenToYuan, parseYuanToFen, sumFen, wanYuanCell } from './money.ts';

const fen = (s: string) => {
  const r = parseYuanToFen(s);
  assert.ok('fen' in r, `${s}: ${'error' in r ? r.error : ''}`);
  return r.fen;
};

test('元 as clerks type them become exact 分', () => {
  assert.equal(fen('1234.56'), 123456n);
  assert.equal(fen('1,234.56元'), 123456n);
  assert.equal(fen('１，２３４．５６ 元'), 123456n);
  assert.equal(fen('￥1234.5'), 123450n);
  assert.equal(fen('0.01'), 1n);
  assert.equal(fen('0'), 0n);
  assert.equal(fen('12.30'), 1230n);
  assert.equal(fen('99999999999.99'), 9999999999999n);
});

test('amounts that are not 元 with at most two decimals are refused in Chinese', () => {
  for (const s of ['', '-5', '1.234', 'abc', '1.2.3', '十元']) {
    const r = parseYuanToFen(s);
    assert.ok('error' in r, s);
    assert.match((r as { error: string }).error, /[金额请]/);
  }
  assert.ok('fen' in parseYuanToFen('1.230'), 'a trailing zero is not a third decimal');
});

test('分 → 万元 exactly, without floating-point drift', () => {
  // 12,345,678 分 = 123,456.78 元 = 12.345678 万元 (万元 = 分 / 1,000,000)
  assert.equal(fenToWanYuan(12345678n), '12.345678');
  assert.equal(fenToWanYuan(123456780n), '123.45678');
  assert.equal(fenToWanYuan(1n), '0.000001', '0.01 元');
  assert.equal(fenToWanYuan(0n), '0');
  assert.equal(fenToWanYuan(1_000_000n), '1');
  assert.equal(fenToWanYuan(123_400_000n), '123.4');
  // 0.1 + 0.2 in floats is 0.30000000000000004; in 分 it is exact
  assert.equal(fenToWanYuan(sumFen([fen('1000'), fen('2000')])), '0.3');
  assert.equal(wanYuanCell(sumFen([fen('1000'), fen('2000')])), 0.3);
  // a large sum: 10^13 分 (a hundred billion 元) plus one 分
  const big = sumFen([10n ** 13n, 1n]);
  assert.equal(fenToWanYuan(big), '10000000.000001');
  assert.equal(fenToYuan(big), '100000000000.01');
  assert.equal(fenToYuan(123456n), '1234.56');
  assert.equal(fenToYuan(100n), '1');
  assert.equal(fenToYuan(1n), '0.01');
});
