// The CLI contract, through the real binary:
//   npx gongkai report render <file.json> --to html|docx|xlsx|pdf -o <out>
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { fixturePath } from '../render/testing/fixtures.ts';
import { readPdf } from '../render/testing/pdf-text.ts';

const BIN = fileURLToPath(new URL('../../../bin/gongkai.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gongkaiWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'report', 'render', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const gongkai = (...args: string[]) => gongkaiWith({}, ...args);

test('render to each format writes the file and exits 0', async () => {
  const input = fixturePath('distinct-2019');
  for (const to of ['html', 'docx', 'xlsx', 'pdf']) {
    const out = join(dir, `r.${to}`);
    const r = gongkai(input, '--to', to, '-o', out);
    assert.equal(r.code, 0, `${to}: ${r.stderr}`);
    assert.equal(r.stderr, '');
  }
  const html = readFileSync(join(dir, 'r.html'), 'utf8');
  assert.match(html, /<h1>某县测试局2019年政府信息公开工作年度报告<\/h1>/);
  assert.ok(html.includes('>2161</td>'));
  assert.ok((await mammoth.convertToHtml({ path: join(dir, 'r.docx') })).value.includes('<p>251000元</p>'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'r.xlsx'));
  assert.equal(wb.worksheets.length, 3);
  assert.equal(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
});

test('render takes the narrative and a title', () => {
  const narrative = join(dir, 'narrative.json');
  writeFileSync(narrative, JSON.stringify({ 一: '第一段。\n第二段。', 六: '未收取信息处理费。' }));
  const out = join(dir, 'n.html');
  const r = gongkai(fixturePath('null-tables-2021'), '--to', 'html', '-o', out, '--narrative', narrative, '--title', '测试标题');
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.ok(html.includes('<title>测试标题</title>') && html.includes('<p>第二段。</p>') && html.includes('（本报告未包含此表）'));
});

test('unreadable or invalid input: exit 2, a Chinese reason on stderr, no output file', () => {
  const out = join(dir, 'never.pdf');
  let r = gongkai(join(dir, 'missing.json'), '--to', 'pdf', '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /无法读取文件 .*missing\.json：文件不存在/);

  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{ "schema": ');
  r = gongkai(broken, '--to', 'pdf', '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /不是有效的年度报告数据[\s\S]*不是有效的 JSON/);

  const invalid = join(dir, 'invalid.json');
  const report = JSON.parse(readFileSync(fixturePath('distinct-2021'), 'utf8'));
  report.table3.granted = [1, 2, 3];
  writeFileSync(invalid, JSON.stringify(report));
  r = gongkai(invalid, '--to', 'docx', '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /table3\.granted/);

  r = gongkai(fixturePath('distinct-2021'), '--to', 'odt', '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /不支持的输出格式“odt”/);

  r = gongkai(fixturePath('distinct-2021'), '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /命令参数不正确/);

  const narrative = join(dir, 'bad-narrative.json');
  writeFileSync(narrative, JSON.stringify({ 七: '?' }));
  r = gongkai(fixturePath('distinct-2021'), '--to', 'html', '-o', out, '--narrative', narrative);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /正文文件 .* 应为对象/);
  assert.equal(existsSync(out), false);
});

test('PDF with characters the fonts lack: written with 〓, a warning naming each on stderr, exit 0', async () => {
  const narrative = join(dir, 'rare.json');
  writeFileSync(narrative, JSON.stringify({ 一: '申请人𰀀某、龑某、𪛖某。' }));
  const out = join(dir, 'rare.pdf');
  const r = gongkai(fixturePath('distinct-2021'), '--to', 'pdf', '-o', out, '--narrative', narrative);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '警告：字体缺少以下字符，PDF 中以“〓”代替：𰀀（U+30000）、𪛖（U+2A6D6）\n');
  assert.ok((await readPdf(readFileSync(out))).joined.includes('申请人〓某、龑某、〓某。'));
});

test('PDF without its fonts: 错误 in Chinese, no stack trace, exit 1, no file; other formats still work', () => {
  const empty = mkdtempSync(join(dir, 'no-fonts-'));
  const out = join(dir, 'no-fonts.pdf');
  const r = gongkaiWith({ GONGKAI_CJK_FONT_DIR: empty }, fixturePath('distinct-2021'), '--to', 'pdf', '-o', out);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `错误：未找到 PDF 所需的中文字体：环境变量 GONGKAI_CJK_FONT_DIR 指定的目录 ${empty}中缺少 NotoSansHans-Regular.otf。请重新运行 npm ci。\n`);
  assert.equal(existsSync(out), false);
  const html = gongkaiWith({ GONGKAI_CJK_FONT_DIR: empty }, fixturePath('distinct-2021'), '--to', 'html', '-o', join(dir, 'no-fonts.html'));
  assert.equal(html.code, 0, html.stderr);
});
