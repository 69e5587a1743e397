// The PDF fonts come from the npm package, each face is parsed once per process,
// and a missing or broken font is a Chinese error that says what to do.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FONT_DIR_VARIABLE, PdfFontsMissing, fontDir, pdfFace, pdfFontFile, readFace } from './pdf-fonts.ts';

const REPO = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
delete process.env[FONT_DIR_VARIABLE];
const dir = mkdtempSync(join(tmpdir(), 'gongkai-fonts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the fonts are the npm package’s, inside the repository', () => {
  assert.equal(fontDir(), join(REPO, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts'));
  assert.equal(pdfFace('regular').postscriptName, 'NotoSansHans-Regular');
  assert.equal(pdfFace('bold').postscriptName, 'NotoSansHans-Bold');
  // laid out with Noto Sans CJK's line (pdf-fonts.ts)
  assert.deepEqual([pdfFace('regular').hhea.ascent, pdfFace('regular').hhea.descent], [1160, -288]);
});

test('each face is parsed once: pdfmake gets a token that fontkit turns into the parsed face', () => {
  assert.equal(pdfFace('regular'), pdfFace('regular'));
  const files = new Map<string, Buffer>();
  const vfs = { existsSync: (f: string) => files.has(f), writeFileSync: (f: string, c: Buffer) => void files.set(f, c) };
  const name = pdfFontFile('bold', vfs);
  assert.ok(files.get(name)!.length < 64, 'a token, not the 8 MB font');
  // the fontkit pdfkit uses, as pdfkit would call it
  const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(b: Buffer): unknown };
  assert.equal(fontkit.create(files.get(name)!), pdfFace('bold'));
  assert.notEqual(fontkit.create(files.get(name)!), pdfFace('regular'));
});

test('an empty or broken font folder: a Chinese error naming the file', () => {
  assert.throws(() => readFace(dir, 'regular'), (e: unknown) => {
    assert.ok(e instanceof PdfFontsMissing);
    assert.match(e.message, /^未找到 PDF 所需的中文字体：.*中缺少 NotoSansHans-Regular\.otf。请重新运行 npm ci。$/);
    return true;
  });
  writeFileSync(join(dir, 'NotoSansHans-Bold.otf'), 'not a font');
  assert.throws(() => readFace(dir, 'bold'), (e: unknown) => e instanceof PdfFontsMissing && /NotoSansHans-Bold\.otf 已损坏/.test(e.message));
});
