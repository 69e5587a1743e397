import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtmlBlocks } from './html.ts';

test('html: paragraphs in reading order; scripts, styles and the head are skipped', () => {
  const r = readHtmlBlocks('<html><head><title>某局2023年年报_门户</title><style>p{}</style></head><body><script>var a="<p>x</p>"</script><p>一、总体情况</p><div>本年度<b>共</b>收到申请<br>3件</div></body></html>', 'html');
  assert.equal(r.title, '某局2023年年报_门户');
  assert.deepEqual(r.blocks.map((b) => (b.kind === 'text' ? b.text : 'table')), ['一、总体情况', '本年度共收到申请', '3件']);
});

test('html: a layout table holding the data table is read through; the data table is a grid with merged cells expanded', () => {
  const html = `<table><tr><td><p>标题</p><table border="1">
    <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr>
    <tr><td>2.其他法律<br>行政法规禁止公开</td><td>2</td></tr></table></td></tr></table>`;
  const r = readHtmlBlocks(html, 'html');
  assert.deepEqual(r.blocks.map((b) => b.kind), ['text', 'table']);
  const t = r.blocks[1]!;
  if (t.kind !== 'table') return;
  assert.deepEqual(t.table.rows.map((row) => row.map((c) => c.text)), [
    ['（三）不予公开', '1.属于国家秘密', '1'],
    ['（三）不予公开', '2.其他法律\n行政法规禁止公开', '2'],
  ]);
  assert.equal(t.table.rows[1]![0]!.copy, true);
  assert.deepEqual(t.table.rows[1]![2]!.where, { kind: 'cell', file: 'html', table: 1, row: 2, column: 3 });
});

test('html: a one-column table of paragraphs is text', () => {
  const long = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息五百余条，依申请公开工作有序开展，答复及时规范。';
  const r = readHtmlBlocks(`<table><tr><td>${long}</td></tr></table>`, 'html');
  assert.deepEqual(r.blocks, [{ kind: 'text', text: long, where: { kind: 'paragraph', file: 'html', paragraph: 1 } }]);
});
