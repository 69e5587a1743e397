// Issue 21 item 15: the audit log shows every action in Chinese. Every action code the source writes
// (appendAudit's `action: '…'`, the two-way ones, and a case's steps, application.<step>) has a label,
// and the console page shows the labels and readable changes, not codes and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS } from '../../src/app/audit-labels.ts';
import { Client, testApp } from '../helpers/app.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

function writtenCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    // an audit entry names its target right after its action (a ledger step's `action` does not)
    for (const m of text.matchAll(/action: (?:[^,'`]*\? )?'([a-z_]+(?:\.[a-z_]+)+)'(?: : '([a-z_]+(?:\.[a-z_]+)+)')?,\s*targetType/g)) {
      codes.add(m[1]!);
      if (m[2]) codes.add(m[2]);
    }
    // transition(db, ctx, caseId, 'reply.sign', …) writes application.reply.sign
    for (const m of text.matchAll(/transition\(db, ctx, caseId, '([a-z_.]+)'/g)) codes.add(`application.${m[1]}`);
  }
  return codes;
}

test('every audit action the source writes has a Chinese label', () => {
  const codes = writtenCodes();
  assert.ok(codes.size > 60, `found ${codes.size} codes`);
  assert.deepEqual([...codes].filter((c) => !AUDIT_ACTION_LABELS[c]).sort(), []);
});

test('the audit page shows labels and changes, not codes and JSON', async () => {
  const t = await testApp();
  try {
    const admin = await new Client(t.app).loginReady('admin');
    const page = (await admin.get('/console/audit')).body;
    assert.match(page, /<td>修改密码<\/td>/);
    assert.doesNotMatch(page, /<code>user\.password\.change<\/code>/);
    assert.doesNotMatch(page, /\{"/, 'no raw JSON');
  } finally {
    await t.close();
  }
});
