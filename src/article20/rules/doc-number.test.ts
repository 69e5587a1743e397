import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocNumber, docNumberKey } from './doc-number.ts';

test('the bracket variants, widths and spaces of a 文书号 are one key', () => {
  const key = docNumberKey('青自然资许〔2025〕第0001号');
  for (const v of ['青自然资许[2025]第0001号', '青自然资许【2025】第0001号', '青自然资许［2025］第0001号', '青自然资许（2025）第0001号', '青自然资许(2025)第0001号', ' 青自然资许 〔2025〕 第0001号 ', '青自然资许〔２０２５〕第０００１号']) {
    assert.equal(docNumberKey(v), key, v);
  }
  assert.notEqual(docNumberKey('青自然资许〔2025〕第0002号'), key);
  assert.equal(docNumberKey('qs-zrzy-cf-2025-1'), docNumberKey('QS-ZRZY-CF-2025-1'));
  assert.equal(cleanDocNumber('  青自然资罚 〔2025〕  3号 '), '青自然资罚 〔2025〕 3号');
});
