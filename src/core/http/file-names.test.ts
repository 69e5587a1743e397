import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'content-disposition';
import { attachmentHeader, cleanFileName } from './file-names.ts';

test('an uploaded name loses its path, quotes, control characters and leading dots; the extension survives shortening', () => {
  assert.equal(cleanFileName('C:\\\\Users\\\\张三\\\\身份证明.pdf'), '身份证明.pdf');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('scan"; filename*=UTF-8\'\'invoice.hta; x=".png'), "scan; filename*=UTF-8''invoice.hta; x=.png");
  assert.equal(cleanFileName('a\r\nb\u0000c\u200e.pdf'), 'abc.pdf');
  assert.equal(cleanFileName('  ..hidden   name.docx '), 'hidden name.docx');
  assert.equal(cleanFileName('"\r\n'), '');
  const long = cleanFileName(`${'政'.repeat(300)}.pdf`);
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.pdf'));
});

test('a download offers exactly the cleaned name, with an ASCII fallback and the UTF-8 name', () => {
  const hostile = parse(attachmentHeader('scan"; filename*=UTF-8\'\'invoice.hta; x=".png'));
  assert.equal(hostile.parameters.filename, "scan; filename*=UTF-8''invoice.hta; x=.png");
  const chinese = attachmentHeader('青山县 2024 年度报告.pdf');
  assert.match(chinese, /^attachment; filename="\?\?\? 2024 \?\?\?\?\.pdf"; filename\*=UTF-8''/);
  assert.equal(parse(chinese).parameters.filename, '青山县 2024 年度报告.pdf');
  assert.match(attachmentHeader('青山县2024年度报告.json', 'QS-ZRZY-2024.json'), /^attachment; filename=QS-ZRZY-2024\.json; filename\*=UTF-8''/);
  assert.equal(parse(attachmentHeader('"\r\n')).parameters.filename, 'download');
});
