import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSections } from './sections.ts';
import type { IngestDocument } from '../read/document.ts';

const doc = (...paragraphs: string[]): IngestDocument => ({
  fileType: 'text',
  encoding: 'UTF-8',
  blocks: paragraphs.map((text, i) => ({ kind: 'text', text, where: { kind: 'line', line: i + 1 } })),
});

test('sections: headings on their own lines, text cut between them, normalized', () => {
  const s = findSections(doc('一、總體情況', '本年度收到申請4件。', '二、主动公开政府信息情况', '六、其他需要報告的事項', '未收取信息處理費。'));
  assert.deepEqual(s.headings.map((h) => h.key), ['一', '二', '六']);
  assert.deepEqual(s.narrative, { 一: '本年度收到申请4件。', 二: '', 六: '未收取信息处理费。' });
});

test('sections: headings inside a paragraph (seed 000) and worded a little differently (seed 003)', () => {
  const s = findSections(doc('规定编制本报告。 一、总体情况 (一)加强领导 二、主动公开政府信息情况', '五、存在的主要问题及改进情况 问题 六、其他需要报告事项 1.网址'));
  assert.deepEqual(s.headings.map((h) => h.key), ['一', '二', '五', '六']);
  assert.equal(s.narrative['一'], '(一)加强领导');
  assert.equal(s.narrative['六'], '1.网址');
});

test('sections: a mention of the parts without numerals is not a heading', () => {
  assert.deepEqual(findSections(doc('从总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况等六部分报告')).headings, []);
});
