// Reading documents in worker processes: the outcome that crosses back is the same as reading in
// this process; a document past its time or memory limit is unreadable with that limit as the
// reason; a Word zip bomb is refused by its declared sizes; a full queue is 503 系统正忙.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { DomainError } from '../core/errors.ts';
import { DEFAULT_ISOLATE_LIMITS, type IsolateLimits } from '../core/isolate/limits.ts';
import { sharedIsolatePool } from '../core/isolate/shared.ts';
import { MADE_FIXTURES, SEED_FIXTURES, fixtureFile, heavyReportHtml } from '../../test/fixtures/ingest/index.ts';
import { parseDocument } from './parse-document.ts';
import { parseDocumentIsolated } from './isolated-parse.ts';

const limits = (l: Partial<IsolateLimits>): IsolateLimits => ({ ...DEFAULT_ISOLATE_LIMITS, ...l });

test('isolated parse: every kind of fixture gives exactly the outcome of parsing in this process', async () => {
  const picked = [SEED_FIXTURES[1]!, SEED_FIXTURES[2]!, ...MADE_FIXTURES.filter((f) => /(merged-cells\.gbk\.html|libreoffice\.docx|rendered-2021\.pdf)$/.test(f.path))];
  assert.equal(picked.length, 5);
  for (const f of picked) {
    const bytes = readFileSync(f.path);
    assert.deepEqual(await parseDocumentIsolated(bytes, f.path), await parseDocument(bytes, f.path), f.name);
  }
  const cut = readFileSync(fixtureFile('rendered-2021.pdf')).subarray(0, 5000);
  assert.deepEqual(await parseDocumentIsolated(cut, 'cut.pdf'), await parseDocument(cut, 'cut.pdf'), 'unreadable crosses too');
});

test('isolated parse: a document past the time limit is unreadable with the limit as its reason; the next one is read', async () => {
  const short = limits({ timeoutMs: 1500, maxMemoryMb: 4096 });
  const outcome = await parseDocumentIsolated(heavyReportHtml(1200), 'heavy.html', {}, short);
  assert.deepEqual(outcome, { kind: 'unreadable', reason: '读取超时（超过 1.5 秒），文件可能已损坏或结构异常', contentHash: outcome.contentHash });
  assert.match(outcome.contentHash, /^[0-9a-f]{64}$/);
  assert.equal((await parseDocumentIsolated(readFileSync(SEED_FIXTURES[2]!.path), 'seed-002.txt', {}, short)).kind, 'not-a-report');
  assert.equal(sharedIsolatePool(short).stats().timeouts, 1);
});

test('isolated parse: a document past the memory limit is unreadable with the limit as its reason', async () => {
  const small = limits({ timeoutMs: 120_000, maxMemoryMb: 200 });
  const outcome = await parseDocumentIsolated(heavyReportHtml(1200), 'heavy.html', {}, small);
  assert.equal(outcome.kind, 'unreadable');
  if (outcome.kind === 'unreadable') assert.equal(outcome.reason, '读取所需内存过大（超过 200 MB），文件可能已损坏或结构异常');
});

test('isolated parse: a Word zip bomb is refused by its declared sizes (mammoth would unpack it)', async () => {
  const docx = await JSZip.loadAsync(readFileSync(fixtureFile('rendered-2021.docx')));
  const xml = await docx.file('word/document.xml')!.async('string');
  // the report's own text, padded with whitespace that packs a thousand to one
  docx.file('word/document.xml', xml.replace('</w:body>', `${' '.repeat(8 * 1024 * 1024)}</w:body>`));
  const bomb = await docx.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
  const outcome = await parseDocumentIsolated(bomb, 'bomb.docx');
  assert.equal(outcome.kind, 'unreadable');
  if (outcome.kind === 'unreadable') assert.match(outcome.reason, /^压缩文件解压后过大：word\/document\.xml 的压缩比为 \d+:1（上限 200:1），可能是恶意构造的“压缩炸弹”，未读取$/);
});

test('isolated parse: with the worker busy and the queue full, a document is refused with 503 系统正忙', async () => {
  const one = limits({ timeoutMs: 1000, maxMemoryMb: 4096, queueLength: 0 });
  const running = parseDocumentIsolated(heavyReportHtml(1200), 'heavy.html', {}, one);
  await assert.rejects(parseDocumentIsolated(Buffer.from('x'), 'x.txt', {}, one), (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.deepEqual([e.code, e.status, e.message], ['BUSY', 503, '系统正忙：正在读取其他用户上传的文件，请稍后再试']);
    return true;
  });
  assert.equal((await running).kind, 'unreadable');
});
