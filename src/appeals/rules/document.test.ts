import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionDocumentType } from './document.ts';

test('a PDF named .pdf is kept as application/pdf', () => {
  assert.deepEqual(decisionDocumentType('复议决定书.pdf', Buffer.from('%PDF-1.7\n')), { mediaType: 'application/pdf' });
});

test('a file whose content does not match its extension is refused', () => {
  assert.ok('error' in decisionDocumentType('判决书.pdf', Buffer.from('<html>')));
  assert.ok('error' in decisionDocumentType('判决书.exe', Buffer.from('%PDF-1.7')));
  assert.ok('error' in decisionDocumentType('判决书.pdf', Buffer.alloc(0)));
});

test('Word and scanned images are accepted', () => {
  assert.equal((decisionDocumentType('a.docx', Buffer.from('504b030414000000', 'hex')) as { mediaType: string }).mediaType.includes('wordprocessingml'), true);
  assert.deepEqual(decisionDocumentType('a.JPG', Buffer.from('ffd8ffe0', 'hex')), { mediaType: 'image/jpeg' });
});
