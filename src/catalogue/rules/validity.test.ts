import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { VALIDITIES, type Validity } from '../model.ts';
import { canChangeValidity, changeValidity, endedOn, inForce } from './validity.ts';

test('validity transitions: 有效 → 已修订 (again and again) → 废止 or 失效; 废止 and 失效 are final', () => {
  const allowed = (from: Validity) => VALIDITIES.filter((to) => canChangeValidity(from, to));
  assert.deepEqual(allowed('effective'), ['expired', 'abolished', 'amended']);
  assert.deepEqual(allowed('amended'), ['expired', 'abolished', 'amended']);
  assert.deepEqual(allowed('abolished'), []);
  assert.deepEqual(allowed('expired'), []);
  assert.equal(canChangeValidity('effective', 'effective'), false);
});

test('a change carries its date, which may not precede the document or the previous change', () => {
  const doc = { validity: 'effective' as Validity, validityDate: null, issuedOn: '2023-03-01' };
  assert.deepEqual(changeValidity(doc, 'amended', '2024-05-01'), { validity: 'amended', validityDate: '2024-05-01' });
  assert.throws(() => changeValidity(doc, 'abolished', '2023-02-28'), /早于文件的成文日期/);
  assert.throws(() => changeValidity({ ...doc, validity: 'amended', validityDate: '2024-05-01' }, 'abolished', '2024-04-30'), /早于上一次有效性变更/);
  assert.throws(() => changeValidity({ ...doc, validity: 'abolished', validityDate: '2024-05-01' }, 'effective', '2025-01-01'), (e) => e instanceof DomainError && /已废止，有效性不能再变更/.test(e.message));
});

test('in force: 有效 and 已修订; ended: the date of 废止 or 失效', () => {
  assert.deepEqual(VALIDITIES.filter(inForce), ['effective', 'amended']);
  assert.equal(endedOn({ validity: 'abolished', validityDate: '2024-06-01' }), '2024-06-01');
  assert.equal(endedOn({ validity: 'expired', validityDate: '2024-06-01' }), '2024-06-01');
  assert.equal(endedOn({ validity: 'amended', validityDate: '2024-06-01' }), null);
});
