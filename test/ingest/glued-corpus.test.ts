// Glued digit runs (issue 18, class 1) parsed back end to end: documents of the
// generated corpus whose rows lost their cell boundaries (one cell per row, some
// rows only, each row one line, each table one line) come back without a wrong
// cell, and table 3 and table 4, whose arithmetic decides the cuts, come back
// nearly whole. The truth is the generator's report, not numbers written here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classDocument } from '../../bench/corpus/corpus.ts';
import { scoreCells } from '../../bench/corpus/score.ts';
import { parseDocument } from '../../src/ingest/parse-document.ts';

test('glued digit runs: no wrong cell, and tables 3 and 4 read through their arithmetic', async () => {
  const byVariant = new Map<string, { t34: number; right34: number; wrong: number; docs: number }>();
  for (let seed = 1; seed <= 48; seed++) {
    const doc = classDocument('glued', seed, seed);
    const outcome = await parseDocument(await doc.bytes(), doc.fileName);
    assert.equal(outcome.kind, 'report', `${doc.fileName} (${doc.variant})`);
    const scores = scoreCells(doc.truth, outcome.kind === 'report' ? outcome.report : null);
    const v = byVariant.get(doc.variant) ?? { t34: 0, right34: 0, wrong: 0, docs: 0 };
    v.docs++;
    v.wrong += scores.filter((s) => s.verdict === 'wrong').length;
    const t34 = scores.filter((s) => !s.name.startsWith('table2.'));
    v.t34 += t34.length;
    v.right34 += t34.filter((s) => s.verdict === 'right').length;
    byVariant.set(doc.variant, v);
  }
  assert.deepEqual([...byVariant.keys()].sort(), ['text/cells', 'text/cells-some', 'text/lines', 'text/table-line']);
  for (const [variant, v] of byVariant) {
    assert.equal(v.wrong, 0, `${variant}: wrong cells`);
    assert.ok(v.right34 / v.t34 >= 0.95, `${variant}: ${v.right34} of ${v.t34} cells of tables 3 and 4 right`);
  }
});
