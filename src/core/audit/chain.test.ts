import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from './chain.ts';

test('canonical JSON sorts keys at every level, so jsonb key order cannot change a hash', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
});
