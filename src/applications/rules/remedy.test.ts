// 行政复议法（2023年修订）第二十四条 review bodies and the remedy clause as in force since 2024.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disclosureRemedyClause, remedyClause, reviewBodyName } from './remedy.ts';

const tree = [
  { kind: 'province' as const, shortName: '示范省' },
  { kind: 'city' as const, shortName: '云岭市' },
  { kind: 'county' as const, shortName: '青山县' },
  { kind: 'government' as const, shortName: '县政府办' },
];

test('第二十四条: a department answers to its own level’s government, a government office to the one above', () => {
  assert.equal(reviewBodyName({ kind: 'department' }, tree), '青山县人民政府');
  assert.equal(reviewBodyName({ kind: 'subunit' }, [...tree, { kind: 'department', shortName: '县自然资源局' }]), '青山县人民政府');
  assert.equal(reviewBodyName({ kind: 'government' }, tree.slice(0, 3)), '云岭市人民政府');
  assert.equal(reviewBodyName({ kind: 'department' }, []), '上一级人民政府');
});

test('the clause: 60 days for 行政复议, 6 months for 行政诉讼; 复议前置 for refusals (第二十三条)', () => {
  const plain = remedyClause(false, '青山县人民政府');
  assert.match(plain, /六十日内向青山县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）/);
  assert.match(plain, /六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）/);
  const first = remedyClause(true, '青山县人民政府');
  assert.match(first, /第二十三条第一款第（四）项的规定，应当先向青山县人民政府申请行政复议/);
  assert.doesNotMatch(first, /六个月内/);
  for (const c of [plain, first]) assert.doesNotMatch(c, /上一级主管部门/);
});

test('第三十二条: the third party told of a decision to disclose may contest it, without 复议前置', () => {
  const clause = disclosureRemedyClause('青山县人民政府');
  assert.match(clause, /^如对本机关决定公开上述政府信息不服，可以自收到本告知书之日起六十日内向青山县人民政府申请行政复议/);
  assert.match(clause, /自收到本告知书之日起六个月内依法向人民法院提起行政诉讼/);
  assert.doesNotMatch(clause, /应当先/);
});
