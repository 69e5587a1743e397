// 暗链: every way of hiding a link by style is found, on the link or on an element above it; ordinary
// links, links a style makes visible again and coloured links on a matching page are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBody } from '../rules/body.ts';
import { findHiddenLinks } from './hidden-links.ts';

const link = (style: string, text = '博彩') => `<p>通知正文。<a href="http://spam.example/x" style="${style}">${text}</a></p>`;

test('暗链: each hiding style on the link itself is found, with its reason', () => {
  const cases: [string, RegExp][] = [
    ['display:none', /display:none/],
    ['DISPLAY: NONE !important', /display:none/],
    ['visibility:hidden', /visibility:hidden/],
    ['font-size:0', /font-size:0/],
    ['font-size:1px', /font-size:1px/],
    ['font-size:0.5pt', /font-size/],
    ['color:transparent', /文字透明/],
    ['color:rgba(0,0,0,0)', /文字透明/],
    ['color:#fff', /页面背景（白色）/],
    ['color:#123456;background-color:#123456', /背景色/],
    ['position:absolute;left:-9999px', /移出页面可见区域/],
    ['position:fixed; top:-3000px', /移出页面可见区域/],
    ['display:block;height:0;overflow:hidden', /尺寸为零/],
    ['display:inline-block;width:0px;overflow:hidden', /尺寸为零/],
    ['opacity:0', /完全透明/],
    ['text-indent:-9999px', /移出页面可见区域/],
  ];
  for (const [style, reason] of cases) {
    const found = findHiddenLinks(link(style));
    assert.equal(found.length, 1, style);
    assert.equal(found[0]!.href, 'http://spam.example/x');
    assert.equal(found[0]!.text, '博彩');
    assert.match(found[0]!.reason, /^链接本身：/, style);
    assert.match(found[0]!.reason, reason, style);
  }
});

test('暗链: a hidden parent hides the link; the element is named', () => {
  const found = findHiddenLinks('<div style="position:absolute;top:-1000px;left:-1000px"><p>友情链接 <a href="http://a.example/">某网站</a> <a href="http://b.example/">另一网站</a></p></div><p>正文</p>');
  assert.deepEqual(found.map((f) => f.href), ['http://a.example/', 'http://b.example/']);
  assert.match(found[0]!.reason, /^上级元素 <div>：position:absolute; left:-1000px/);
  assert.equal(findHiddenLinks('<div hidden><a href="http://x.example/">x</a></div>').length, 1);
  assert.equal(findHiddenLinks('<span style="font-size:0px"><a href="http://x.example/">x</a></span>').length, 1);
  assert.equal(findHiddenLinks('<div style="height:1px;overflow:hidden"><p><a href="http://x.example/">x</a></p></div>').length, 1);
  assert.equal(findHiddenLinks('<td bgcolor="#FFFFFF"><font color="#ffffff"><a href="http://x.example/">x</a></font></td>').length, 1, 'old <font> markup');
});

test('暗链: rules of a stored <style> block hide by class or id', () => {
  const body = '<style>.yc{display:none} #f1 { visibility : hidden }</style><p class="yc"><a href="http://c.example/">c</a></p><p id="f1"><a href="http://d.example/">d</a></p><p class="other"><a href="http://e.example/">e</a></p>';
  assert.deepEqual(findHiddenLinks(body).map((f) => f.href), ['http://c.example/', 'http://d.example/']);
});

test('暗链: no false positives — visible links, visible again, contrasting colours, small but readable, in-page positions', () => {
  const visible = [
    '<p>详见<a href="/items/12">附件</a>。</p>',
    link('color:#0000ff'),
    link('color:#ffffff;background-color:#c00000', '红底白字'),
    link('font-size:12px'),
    link('font-size:0.9em'),
    link('position:absolute;left:10px;top:-5px'),
    link('position:relative;left:-9999px'.replace('relative', 'static')),
    link('height:0'), // no overflow:hidden: the text still shows
    link('opacity:0.8'),
    link('display:inline-block'),
    '<div style="visibility:hidden"><a href="http://x.example/" style="visibility:visible">看得见</a></div>',
    '<div style="font-size:0"><a href="http://x.example/" style="font-size:14px">看得见</a></div>',
    '<div style="color:#fff;background:#333 url(bg.png) no-repeat"><a href="http://x.example/">深色背景</a></div>',
    '<p>纯文本，没有链接。</p>',
    '没有标签的正文\n\n第二段',
  ];
  for (const body of visible) assert.deepEqual(findHiddenLinks(body), [], body);
});

test('暗链: the editor strips styles on save (rules/body.ts), so only stored and imported HTML carries them', () => {
  const pasted = link('display:none');
  assert.equal(findHiddenLinks(pasted).length, 1, 'stored as imported');
  assert.deepEqual(findHiddenLinks(cleanBody(pasted)), [], 'saved through the editor: the style is gone');
});
