// Reading ledger cells: dates in the forms clerks type and Excel stores, the enumerated columns,
// and 处理结果 → exactly one row of table 3 or an error (never a guess).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTCOME_KEYS } from '../rules/outcome.ts';
import { LEDGER_FIELDS, matchHeader, normalizeHeader } from './columns.ts';
import { outcomeChoices, readApplicantType, readChannel, readDate, readNumber, readOutcome } from './values.ts';

test('dates: Excel dates, serial numbers, and the usual typed forms; anything else is an error', () => {
  assert.equal(readDate(new Date(Date.UTC(2025, 2, 4))), '2025-03-04');
  assert.equal(readDate(new Date(Date.UTC(2025, 2, 4, 15, 30))), '2025-03-04', 'a time of day is ignored');
  assert.equal(readDate(45720), '2025-03-04', 'an Excel serial number in a number-formatted cell');
  assert.equal(readDate(20250304), '2025-03-04');
  for (const s of ['2025-03-04', '2025/3/4', '2025.3.4', '2025年3月4日', '2025 年 3 月 4 日', '２０２５－０３－０４', '2025-03-04 10:30:00', '20250304', '二〇二五年三月四日', '2025年3月4號']) {
    assert.equal(readDate(s), '2025-03-04', s);
  }
  assert.equal(readDate(null), null);
  assert.equal(readDate('  '), null);
  assert.equal(readDate('/'), null);
  for (const bad of ['2025-02-30', '3月4日', '2025-13-01', 'abc', '25/3/4']) assert.ok(typeof readDate(bad) === 'object' && readDate(bad) !== null, bad);
  assert.match((readDate('2025-02-30') as { error: string }).error, /无法识别的日期“2025-02-30”/);
  assert.match((readDate('1899-01-01') as { error: string }).error, /年份不在/);
});

test('numbers with units', () => {
  assert.equal(readNumber('1,700元'), 1700);
  assert.equal(readNumber('15个工作日'), 15);
  assert.equal(readNumber('二十'), 20);
  assert.equal(readNumber(''), null);
  assert.ok(typeof readNumber('很多') === 'object');
});

test('headers: variants, traditional characters, line breaks, marks and hints', () => {
  assert.equal(matchHeader('申请人姓名'), 'name');
  assert.equal(matchHeader('*申请人'), 'name');
  assert.equal(matchHeader('受理日期'), 'receivedOn');
  assert.equal(matchHeader('收到申请\n日期（年/月/日）'), 'receivedOn');
  assert.equal(matchHeader('辦結日期'), 'closedOn');
  assert.equal(matchHeader('答復類型'), 'outcome');
  assert.equal(matchHeader('申請人性質'), 'applicantType');
  assert.equal(matchHeader('申请公开内容'), 'content');
  assert.equal(matchHeader('渠道'), 'channel');
  assert.equal(matchHeader('身份证号码'), 'idNumber');
  assert.equal(matchHeader('E-mail'), 'email');
  assert.equal(matchHeader('经办人'), null);
  assert.equal(normalizeHeader(' 联系 电话 (必填) '), '联系电话');
});

test('applicant type → table 3 column; “法人或其他组织” alone is not enough', () => {
  assert.equal(readApplicantType('自然人'), 'natural');
  assert.equal(readApplicantType('個人'), 'natural');
  assert.equal(readApplicantType('商业企业'), 'business');
  assert.equal(readApplicantType('法人或其他组织-科研机构'), 'research');
  assert.equal(readApplicantType('社会公益组织'), 'public_welfare');
  assert.equal(readApplicantType('律师事务所'), 'legal_service');
  assert.equal(readApplicantType('其他'), 'other');
  assert.match((readApplicantType('法人或其他组织') as { error: string }).error, /不够具体/);
  assert.match((readApplicantType('外星人') as { error: string }).error, /无法识别“外星人”/);
});

test('channels of 条例第三十一条', () => {
  assert.equal(readChannel('网上申请'), 'online');
  assert.equal(readChannel('電子郵件'), 'online');
  assert.equal(readChannel('当面提交'), 'in_person');
  assert.equal(readChannel('信函'), 'post_signed');
  assert.equal(readChannel('平信'), 'ordinary_letter');
  assert.equal(readChannel('传真'), 'fax');
  assert.equal(readChannel(''), null);
  assert.ok(typeof readChannel('飞鸽传书') === 'object');
});

test('处理结果: every printed label of table 3, with or without group and numbering, and short forms', () => {
  const reply = (outcome: string) => ({ kind: 'reply', outcome });
  assert.deepEqual(readOutcome('予以公开'), reply('granted'));
  assert.deepEqual(readOutcome('（一）予以公开'), reply('granted'));
  assert.deepEqual(readOutcome('部分公开'), reply('partiallyGranted'));
  assert.deepEqual(readOutcome('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), reply('partiallyGranted'));
  assert.deepEqual(readOutcome('（三）不予公开 1.属于国家秘密'), reply('withheld.stateSecret'));
  assert.deepEqual(readOutcome('不予公开-属于国家秘密'), reply('withheld.stateSecret'));
  assert.deepEqual(readOutcome('不予公开（危及“三安全一稳定”）'), reply('withheld.securityStability'));
  assert.deepEqual(readOutcome('不予公开 3'), reply('withheld.securityStability'));
  assert.deepEqual(readOutcome('不予公开第8项'), reply('withheld.inquiryMatters'));
  assert.deepEqual(readOutcome('过程性信息'), reply('withheld.processInformation'));
  assert.deepEqual(readOutcome('（四）无法提供 1.本机关不掌握相关政府信息'), reply('unavailable.notHeld'));
  assert.deepEqual(readOutcome('信息不存在'), reply('unavailable.notHeld'));
  assert.deepEqual(readOutcome('（四）2'), reply('unavailable.needsCreation'));
  assert.deepEqual(readOutcome('不予處理（重複申請）'), reply('notProcessed.repeated'), 'traditional characters');
  assert.deepEqual(readOutcome('信访举报投诉类申请'), reply('notProcessed.petitionComplaint'));
  assert.deepEqual(readOutcome('不予处理5'), reply('notProcessed.confirmation'));
  assert.deepEqual(readOutcome('逾期不补正'), { kind: 'abandon' });
  assert.deepEqual(readOutcome('（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), { kind: 'abandon' });
  assert.deepEqual(readOutcome('逾期未缴费'), { kind: 'unpaid' });
  assert.deepEqual(readOutcome('其他处理-其他'), reply('other.other'));
  assert.deepEqual(readOutcome('申请人撤回'), { kind: 'withdraw' });
  assert.equal(readOutcome(''), null);
  for (const vague of ['不予公开', '无法提供', '不予处理', '其他处理', '（三）不予公开']) {
    assert.match((readOutcome(vague) as { error: string }).error, /不够具体/, vague);
  }
  assert.match((readOutcome('不予公开9') as { error: string }).error, /没有第 9 项/);
  for (const unknown of ['已处理', '办结', '同意', '公开了一部分']) {
    assert.match((readOutcome(unknown) as { error: string }).error, /无法识别/, unknown);
  }
});

test('the template’s list of results covers every outcome and reads back to itself', () => {
  const choices = outcomeChoices();
  const reached = new Set<string>();
  for (const c of choices) {
    assert.deepEqual(readOutcome(c.label), c.ending, c.label);
    reached.add(c.ending.kind === 'reply' ? c.ending.outcome : c.ending.kind);
  }
  for (const key of OUTCOME_KEYS) {
    const k = key === 'other.noCorrection' ? 'abandon' : key === 'other.feeNotPaid' ? 'unpaid' : key;
    assert.ok(reached.has(k), key);
  }
});

test('docs/ledger-template.md lists every column with its variants and every result', () => {
  const doc = readFileSync(new URL('../../../docs/ledger-template.md', import.meta.url), 'utf8');
  for (const f of LEDGER_FIELDS) assert.ok(doc.includes(`| ${f.header} | ${f.required ? '是' : ''} | ${f.help} | ${f.variants.join('、')} |`), `column ${f.header}`);
  for (const c of outcomeChoices()) assert.ok(doc.includes(`| ${c.label} |`), `result ${c.label}`);
});
