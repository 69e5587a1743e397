import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyHtml, bodyLinks, bodyText, cleanBody } from './body.ts';

test('script tags and what is in them are removed', () => {
  assert.equal(cleanBody('<p>通知<script>alert(1)</script>全文</p><script src="/x.js"></script>'), '<p>通知全文</p>');
  assert.equal(cleanBody('<p>a</p><svg><script>alert(1)</script></svg><iframe src="https://evil.example/">b</iframe><style>p{}</style>'), '<p>a</p>');
});

test('event-handler attributes, style and class attributes are removed; images are not allowed', () => {
  const out = cleanBody('<p onclick="steal()" onmouseover="x()" style="color:red;background:url(javascript:x)" class="MsoNormal" id="a">正文</p><img src="x" onerror="alert(1)">');
  assert.equal(out, '<p>正文</p>');
  assert.doesNotMatch(cleanBody('<strong style="font-size:40px">加粗</strong>'), /style/);
});

test('links: http(s) and relative only; javascript:, data:, protocol-relative and disguised schemes lose their href', () => {
  const out = cleanBody(
    '<p><a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="jav&#x09;ascript:alert(1)">c</a><a href=" javascript:alert(1)">d</a>' +
      '<a href="data:text/html;base64,PHNjcmlwdD4=">e</a><a href="//evil.example/">f</a><a href="vbscript:x">g</a>' +
      '<a href="https://www.gov.cn/zhengce/" target="_blank" onclick="x()">h</a><a href="http://www.qingshan.gov.cn/">i</a><a href="/items/12">j</a><a href="../guide">k</a></p>',
  );
  assert.equal(out, '<p><a>a</a><a>b</a><a>c</a><a>d</a><a>e</a><a>f</a><a>g</a><a href="https://www.gov.cn/zhengce/">h</a><a href="http://www.qingshan.gov.cn/">i</a><a href="/items/12">j</a><a href="../guide">k</a></p>');
  assert.deepEqual(bodyLinks(out), ['https://www.gov.cn/zhengce/', 'http://www.qingshan.gov.cn/', '/items/12', '../guide']);
});

test('a table survives with its header, body and merged cells; bad spans go', () => {
  const table = '<table><thead><tr><th colspan="2">项目</th><th>金额（万元）</th></tr></thead><tbody><tr><td rowspan="2">一般公共预算</td><td>基本支出</td><td>120.5</td></tr><tr><td>项目支出</td><td>36</td></tr></tbody></table>';
  assert.equal(cleanBody(table), table);
  assert.equal(cleanBody('<table><tbody><tr><td colspan="x" rowspan="99999" width="50%" style="border:0">a</td></tr></tbody></table>'), '<table><tbody><tr><td>a</td></tr></tbody></table>');
});

test('allowed structure is kept; headings folded to h3/h4, divs to paragraphs, Word spans and empty paragraphs dropped', () => {
  assert.equal(
    cleanBody('<h1>一、总体要求</h1><div><span lang="EN-US" style="x">第一段</span></div><p>&nbsp;</p><p></p><h5>（一）</h5><ul><li><em>甲</em></li><li><u>乙</u></li></ul><ol><li>丙</li></ol><blockquote>引文</blockquote><p>第一行<br>第二行</p>'),
    '<h3>一、总体要求</h3><p>第一段</p><h4>（一）</h4><ul><li><em>甲</em></li><li><u>乙</u></li></ul><ol><li>丙</li></ol><blockquote>引文</blockquote><p>第一行<br />第二行</p>',
  );
});

test('text without tags becomes paragraphs at blank lines (escaped); a few inline tags keep the paragraphs', () => {
  assert.equal(cleanBody('第一段\r\n第二行\r\n\r\n\r\n第二段 a < b & c'), '<p>第一段<br>第二行</p>\n<p>第二段 a &lt; b &amp; c</p>');
  assert.equal(cleanBody('第一段 <strong>重点</strong>\n\n第二段'), '<p>第一段 <strong>重点</strong></p>\n<p>第二段</p>');
  assert.equal(cleanBody('  \n '), '');
});

test('text of the HTML for detectors and search: blocks and cells separated, entities decoded', () => {
  const h = cleanBody('<p>联系人：王某&nbsp;13812345678</p><table><tr><td>身份证号</td><td>330106199003071236</td></tr></table><p>A&amp;B</p>');
  assert.equal(bodyText(h), '联系人：王某 13812345678\n\n身份证号 330106199003071236\n\nA&B');
  assert.equal(bodyText('旧的纯文本正文\n\n第二段'), '旧的纯文本正文\n\n第二段', 'plain text is itself');
});

test('display: stored HTML is cleaned again; old plain-text bodies still show as paragraphs', () => {
  assert.equal(bodyHtml('<p onclick="x()">a</p><script>alert(1)</script>').value, '<p>a</p>');
  assert.equal(bodyHtml('第一段\n第二行\n\n第二段 <见附件').value, '<p>第一段<br>第二行</p>\n<p>第二段 &lt;见附件</p>\n');
});
