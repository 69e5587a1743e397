import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { RULES, ruleById } from './catalog.ts';
import { VALIDATOR_DOC_PATH, renderValidatorDoc } from './catalog-doc.ts';

const root = new URL('../../../', import.meta.url);

test('rule ids are unique and well-formed; metadata is complete and in Chinese', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.id, /^[a-z0-9-]+\.[a-z0-9-]+$/, r.id);
    assert.ok(['error', 'warning'].includes(r.severity), r.id);
    for (const text of [r.title, r.description, r.source]) assert.match(text, /[\u4e00-\u9fff]/, r.id);
    assert.equal(ruleById(r.id), r);
  }
});

test('every rule is tested by some test file in src/report/rules', () => {
  const dir = new URL('./', import.meta.url);
  const tests = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && f !== 'catalog.test.ts')
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
  for (const r of RULES) assert.ok(tests.includes(r.id), `no test mentions ${r.id}`);
});

test(`${VALIDATOR_DOC_PATH} is what scripts/gen-validator-doc.ts generates`, () => {
  const committed = readFileSync(new URL(VALIDATOR_DOC_PATH, root), 'utf8');
  assert.equal(
    committed,
    renderValidatorDoc(),
    `${VALIDATOR_DOC_PATH} 已过期，请运行 node --import tsx scripts/gen-validator-doc.ts`,
  );
  for (const r of RULES) assert.ok(committed.includes(`## ${r.id}\n`), r.id);
});
