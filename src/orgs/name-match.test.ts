import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Organization } from './model.ts';
import { matchAgency } from './name-match.ts';

const org = (id: number, fullName: string) => ({ id, fullName }) as Organization;
const orgs = [org(1, '大同市新荣区自然资源局'), org(2, '新宾满族自治县自然资源局'), org(3, '青山县林业局'), org(4, '绩溪县林业局')];

test('exact match ignores traditional characters, spaces and punctuation', () => {
  assert.deepEqual(matchAgency('大同市新榮區 自然資源局', orgs), { kind: 'exact', org: orgs[0] });
});

test('a shorter printed name matches only when it is unique', () => {
  assert.deepEqual(matchAgency('新荣区自然资源局', orgs), { kind: 'suffix', org: orgs[0] });
  const r = matchAgency('林业局', orgs);
  assert.equal(r.kind, 'ambiguous');
  assert.deepEqual(r.kind === 'ambiguous' && r.candidates.map((o) => o.id), [3, 4]);
  assert.deepEqual(matchAgency('定西市水土保持总站', orgs), { kind: 'none' });
  assert.deepEqual(matchAgency('', orgs), { kind: 'none' });
});
