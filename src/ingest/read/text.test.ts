import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextBlocks } from './text.ts';

test('text: cell lines become a stream table; bare pipes are empty cells, one per pipe', () => {
  const blocks = readTextBlocks('二、主动公开政府信息情况\n第二十条第(一)项 |\n|||\n规 章 |\n0 |\n');
  assert.equal(blocks.length, 2);
  assert.deepEqual(blocks[0], { kind: 'text', text: '二、主动公开政府信息情况', where: { kind: 'line', line: 1 } });
  const t = blocks[1]!;
  assert.equal(t.kind, 'table');
  if (t.kind !== 'table') return;
  assert.equal(t.table.mode, 'stream');
  assert.deepEqual(t.table.rows[0]!.map((c) => [c.text, c.where.kind === 'line' ? c.where.line : 0]), [
    ['第二十条第(一)项', 2], ['', 3], ['', 3], ['', 3], ['规 章', 4], ['0', 5],
  ]);
});

test('text: a cell line holding a paragraph is text (seed 003), and ends the stream', () => {
  const prose = '五、存在的主要问题及改进情况 虽然我站政务公开工作取得了一些成绩,但与市政府工作要求相比,仍然存在一些薄弱环节。 |';
  const blocks = readTextBlocks(`标题 |\n${prose}\n| 责任编辑:某某 |`);
  assert.deepEqual(blocks.map((b) => b.kind), ['table', 'text', 'table']);
});

test('text: tab-separated and Markdown rows become grid tables with columns', () => {
  const blocks = readTextBlocks('规章\t1\t2\t3\n| 行政许可 | 4 | 5 |\n');
  assert.equal(blocks.length, 1);
  const t = blocks[0]!;
  if (t.kind !== 'table') return assert.fail('not a table');
  assert.equal(t.table.mode, 'grid');
  assert.deepEqual(t.table.rows.map((r) => r.map((c) => `${c.column}:${c.text}`)), [['0:规章', '1:1', '2:2', '3:3'], ['0:行政许可', '1:4', '2:5']]);
});

test('text: a page number printed between the cell lines of a table neither ends it nor is a cell', () => {
  const blocks = readTextBlocks('（四）无 |\n— 3 —\n法提供 |\n0 |\n第4页\n1 |\n7\n2 |\n正文一行\n');
  assert.deepEqual(blocks.map((b) => b.kind), ['table', 'text']);
  const t = blocks[0]!;
  if (t.kind !== 'table') return;
  assert.deepEqual(t.table.rows[0]!.map((c) => c.text), ['（四）无', '法提供', '0', '1', '2']);
  // outside a table such a line is text as before
  assert.deepEqual(readTextBlocks('— 3 —\n').map((b) => b.kind), ['text']);
});
