import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Organization } from '../../orgs/model.ts';
import { defaultChoice, proposedName, readChoice, suggestTarget } from './targets.ts';

const org = (code: string, fullName: string) => ({ id: code.length, code, fullName }) as Organization;
const region = [org('QS', '云岭市青山县'), org('QS-ZRZY', '青山县自然资源局'), org('QS-LY', '青山县林业局'), org('QS-SL', '青山县水利局')];
const outside = [org('XR-ZRZY', '大同市新荣区自然资源局'), org('JX-LY', '绩溪县林业局')];
const every = [...region, ...outside];

test('the organization of the region that the report names is preselected, by its printed or shorter name', () => {
  const s = suggestTarget('青山县自然資源局', region, every);
  assert.deepEqual(s, { kind: 'matched', org: region[1] });
  assert.equal(defaultChoice(s), 'org:QS-ZRZY');
});

test('a name no organization has proposes a new organization with that name', () => {
  const s = suggestTarget('青山县统计局', region, every);
  assert.deepEqual(s, { kind: 'new' });
  assert.equal(defaultChoice(s), 'new');
  assert.equal(proposedName(' 青山县统计局 ', every), '青山县统计局');
});

test('an agency outside the region is said and nothing is preselected; its taken name is not proposed', () => {
  const s = suggestTarget('大同市新荣区自然资源局', region, every);
  assert.deepEqual(s, { kind: 'elsewhere', orgs: [outside[0]] });
  assert.equal(defaultChoice(s), null);
  assert.equal(proposedName('大同市新荣区自然资源局', every), '', 'the full name belongs to the organization outside');
  assert.equal(proposedName('新荣区自然资源局', every), '新荣区自然资源局', 'a shorter name is free, though it is said to fit one outside');
});

test('a name several organizations fit, or none printed, leaves the choice to the user', () => {
  const inRegion = suggestTarget('林业局', [...region, org('QS-LY2', '青山县二林业局')], every);
  assert.equal(inRegion.kind, 'ambiguous');
  assert.equal(defaultChoice(inRegion), null);
  const onlyOutside = suggestTarget('林业局', region.filter((o) => o.code !== 'QS-LY'), every);
  assert.deepEqual(onlyOutside, { kind: 'elsewhere', orgs: [region[2], outside[1]] });
  assert.deepEqual(suggestTarget(null, region, every), { kind: 'unnamed' });
  assert.deepEqual(suggestTarget('  ', region, every), { kind: 'unnamed' });
  assert.equal(defaultChoice({ kind: 'unnamed' }), null);
});

test('the choice read from the form: an organization, or a new one with a name of two characters or more', () => {
  assert.deepEqual(readChoice({ 'target-2': 'org: QS-LY ' }, 2, 'a.txt'), { kind: 'org', code: 'QS-LY' });
  assert.deepEqual(readChoice({ 'target-0': 'new', 'name-0': ' 青山县统计局 ' }, 0, 'a.txt'), { kind: 'new', name: '青山县统计局' });
  assert.deepEqual(readChoice({ 'target-0': 'new', 'name-0': 'x'.repeat(120) }, 0, 'a.txt'), { kind: 'new', name: 'x'.repeat(100) });
  assert.deepEqual(readChoice({ 'target-0': 'new', 'name-0': '局' }, 0, 'a.txt'), { problem: '请填写文件“a.txt”要新建的机构名称（至少 2 个字）' });
  const unchosen = { problem: '请为文件“a.txt”选择导入到哪个机构：本区域的机构，或新建机构' };
  assert.deepEqual(readChoice({ 'target-0': '' }, 0, 'a.txt'), unchosen);
  assert.deepEqual(readChoice({ 'target-0': 'org:' }, 0, 'a.txt'), unchosen);
  assert.deepEqual(readChoice({ 'target-1': 'org:QS' }, 0, 'a.txt'), unchosen, 'another file’s choice is not taken');
});
