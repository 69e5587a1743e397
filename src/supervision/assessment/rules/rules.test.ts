import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concernedAgencies, outsideOffice } from './agencies.ts';
import { evidenceDocumentType } from './document.ts';
import { parseEvidenceLink, parseEvidenceLinks } from './evidence.ts';
import { isOverdue, waitsForAgency } from './overdue.ts';
import { progressTransition, rectificationTransition, taskTransition } from './transitions.ts';

test('tasks: the office edits, deletes and publishes a draft; a published task stays; an agency may not', () => {
  assert.deepEqual(taskTransition('draft', 'publish', 'office'), { to: 'published' });
  assert.deepEqual(taskTransition('draft', 'edit', 'office'), { to: 'draft' });
  assert.ok('error' in taskTransition('published', 'publish', 'office'));
  assert.ok('error' in taskTransition('published', 'delete', 'office'));
  assert.ok('error' in taskTransition('draft', 'publish', 'agency'));
});

test('progress: the agency saves and submits (again after a return); the office accepts or returns a submitted report', () => {
  assert.deepEqual(progressTransition('open', 'save', 'agency'), { to: 'open' });
  assert.deepEqual(progressTransition('open', 'submit', 'agency'), { to: 'submitted' });
  assert.deepEqual(progressTransition('returned', 'submit', 'agency'), { to: 'submitted' });
  assert.deepEqual(progressTransition('returned', 'save', 'agency'), { to: 'returned' });
  assert.deepEqual(progressTransition('submitted', 'accept', 'office'), { to: 'accepted' });
  assert.deepEqual(progressTransition('submitted', 'return', 'office'), { to: 'returned' });
  assert.match((progressTransition('submitted', 'submit', 'agency') as { error: string }).error, /等待/);
  assert.match((progressTransition('accepted', 'save', 'agency') as { error: string }).error, /已验收/);
  assert.ok('error' in progressTransition('open', 'accept', 'office'), 'nothing submitted yet');
  assert.ok('error' in progressTransition('submitted', 'accept', 'agency'), 'an agency does not accept itself');
  assert.ok('error' in progressTransition('open', 'submit', 'office'), 'the office does not report for the agency');
  assert.match((progressTransition('open', 'submit', 'agency', 'draft') as { error: string }).error, /尚未发布/);
});

test('rectification: the agency closes an open item; the office confirms or reopens a closed one', () => {
  assert.deepEqual(rectificationTransition('open', 'close', 'agency'), { to: 'closed' });
  assert.deepEqual(rectificationTransition('closed', 'confirm', 'office'), { to: 'confirmed' });
  assert.deepEqual(rectificationTransition('closed', 'reopen', 'office'), { to: 'open' });
  assert.ok('error' in rectificationTransition('closed', 'close', 'agency'));
  assert.ok('error' in rectificationTransition('confirmed', 'close', 'agency'));
  assert.ok('error' in rectificationTransition('open', 'confirm', 'office'));
  assert.ok('error' in rectificationTransition('confirmed', 'reopen', 'office'));
  assert.ok('error' in rectificationTransition('open', 'close', 'office'));
  assert.ok('error' in rectificationTransition('closed', 'confirm', 'agency'));
});

test('overdue: the deadline passed and not accepted or confirmed; the deadline day is in time', () => {
  assert.equal(isOverdue('2026-03-31', 'open', '2026-04-01'), true);
  assert.equal(isOverdue('2026-03-31', 'submitted', '2026-04-01'), true, 'waiting for the office still counts');
  assert.equal(isOverdue('2026-03-31', 'returned', '2026-04-01'), true);
  assert.equal(isOverdue('2026-03-31', 'open', '2026-03-31'), false);
  assert.equal(isOverdue('2026-03-31', 'accepted', '2026-05-01'), false);
  assert.equal(isOverdue('2026-03-31', 'closed', '2026-05-01'), true);
  assert.equal(isOverdue('2026-03-31', 'confirmed', '2026-05-01'), false);
  assert.equal(waitsForAgency('returned'), true);
  assert.equal(waitsForAgency('submitted'), false);
});

test('the agencies of a task: the lead first, each once', () => {
  assert.deepEqual(concernedAgencies(5, [7, 5, 8, 7]), [{ orgId: 5, lead: true }, { orgId: 7, lead: false }, { orgId: 8, lead: false }]);
  assert.deepEqual(concernedAgencies(5, []), [{ orgId: 5, lead: true }]);
  const office = { id: 4, path: '/1/4/' };
  assert.deepEqual(outsideOffice(office, [{ id: 5, path: '/1/4/5/' }, { id: 9, path: '/1/9/' }, { id: 4, path: '/1/4/' }, { id: 40, path: '/1/40/' }]).map((o) => o.id), [9, 4, 40]);
});

test('evidence links: published items by address or number, other http(s) pages and site paths; anything else refused', () => {
  assert.deepEqual(parseEvidenceLink('/items/12'), { kind: 'item', itemId: 12, text: '/items/12' });
  assert.deepEqual(parseEvidenceLink(' 条目 12 '), { kind: 'item', itemId: 12, text: '/items/12' });
  assert.deepEqual(parseEvidenceLink('#7'), { kind: 'item', itemId: 7, text: '/items/7' });
  assert.deepEqual(parseEvidenceLink('https://gk.example.gov.cn/items/33'), { kind: 'item', itemId: 33, text: 'https://gk.example.gov.cn/items/33' });
  assert.deepEqual(parseEvidenceLink('https://www.example.gov.cn/zwgk/1.html'), { kind: 'url', text: 'https://www.example.gov.cn/zwgk/1.html' });
  assert.deepEqual(parseEvidenceLink('/orgs/QS-ZRZY/catalogue'), { kind: 'url', text: '/orgs/QS-ZRZY/catalogue' });
  assert.ok('error' in parseEvidenceLink('javascript:alert(1)'));
  assert.ok('error' in parseEvidenceLink('ftp://example.com/a'));
  assert.ok('error' in parseEvidenceLink('见附件'));
  assert.ok('error' in parseEvidenceLink('//evil.example.com/x'));
  const many = parseEvidenceLinks('/items/1\n\n/items/1\nhttps://a.example.cn/');
  assert.deepEqual(many.links.map((l) => l.text), ['/items/1', 'https://a.example.cn/']);
  assert.deepEqual(many.errors, []);
  assert.equal(parseEvidenceLinks(Array.from({ length: 21 }, (_, i) => `/items/${i + 1}`)).errors.length, 1);
});

test('evidence files: recognized by content and extension', () => {
  assert.deepEqual(evidenceDocumentType('a.pdf', Buffer.from('%PDF-1.7 ...')), { mediaType: 'application/pdf' });
  assert.ok('error' in evidenceDocumentType('a.pdf', Buffer.from('<html>')));
  assert.ok('error' in evidenceDocumentType('a.exe', Buffer.from('%PDF-1.7')));
  assert.ok('error' in evidenceDocumentType('a.pdf', Buffer.alloc(0)));
});
