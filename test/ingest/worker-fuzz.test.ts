// A bounded fuzz test of reading documents in workers: 300 mutated PDF, Word and HTML documents
// (test/helpers/mutate.ts, seeded: the same documents every run) through the worker path. None
// crashes a worker or this process, none trips the parser (内部错误), and every outcome is a
// report, not a report, or unreadable — the ones past the limits included. bench/fuzz.ts runs
// ten thousand with the default limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedIsolatePool } from '../../src/core/isolate/shared.ts';
import { parseDocumentIsolated } from '../../src/ingest/isolated-parse.ts';
import { toCanonicalJson } from '../../src/report/model/canonical-json.ts';
import { FUZZ_FORMATS, mutatedDocument } from '../helpers/mutate.ts';

const DOCUMENTS = 300;
// a short time limit keeps the test short (mutated PDFs can keep pdfjs busy for a minute: some 15
// of these 300 pass it); under tsx a worker holds some 400 MB once pdfjs is loaded, hence 1 GB
const limits = { timeoutMs: 2000, maxMemoryMb: 1024, concurrency: 1, queueLength: 1 };

test(`worker fuzz: ${DOCUMENTS} mutated PDF, Word and HTML documents never crash, each has an outcome`, async () => {
  const kinds = new Map<string, number>();
  for (let i = 0; i < DOCUMENTS; i++) {
    const doc = await mutatedDocument(20260601, i);
    const outcome = await parseDocumentIsolated(doc.bytes, doc.name, {}, limits);
    const key = `${doc.format} ${outcome.kind}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    assert.ok(['report', 'not-a-report', 'unreadable'].includes(outcome.kind), `${doc.name}: ${outcome.kind}`);
    if (outcome.kind === 'report') assert.doesNotThrow(() => toCanonicalJson(outcome.report), doc.name);
    else assert.doesNotMatch(outcome.reason, /内部错误/, `${doc.name} (from ${doc.from}): ${outcome.reason}`);
  }
  const stats = sharedIsolatePool(limits).stats();
  assert.equal(stats.crashes, 0, `no worker ended by itself: ${JSON.stringify(stats)}`);
  // the mutations reach the readers: each format gives reports as well as unreadable files
  for (const f of FUZZ_FORMATS) assert.ok((kinds.get(`${f} report`) ?? 0) > 0 && (kinds.get(`${f} unreadable`) ?? 0) > 0, JSON.stringify([...kinds]));
});
