// The pure rules of messages: reply deadlines per category across the National Day holiday and its 调休,
// per-organization periods, routing and transfer, statistics, §D.4 unanswered, redaction and consent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workingDayCalendar, type SpecialDay } from '../../calendar/rules.ts';
import { DEFAULT_REPLY_WORKING_DAYS, answeredOnTime, dueStatus, replyDueDate, replyWorkingDays } from './deadline.ts';
import { canDo, mergeRefusal, transferRefusal } from './routing.ts';
import { interactionStats, median, type StatsRecord } from './statistics.ts';
import { addMonths, unansweredTooLong, windowStart } from './unanswered.ts';
import { MASK, publication, publicationRefusal, redactText, type PersonalDataScan } from './redaction.ts';
import { hashQueryCode, newQueryCode, normalizeQueryCode } from './query-code.ts';
import { checkAttachments } from './attachments.ts';

// 国办发明电〔2024〕12号: 国庆、中秋 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班
const national2025: SpecialDay[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'holiday' as const, name: '国庆节、中秋节' })),
  { date: '2025-09-28', kind: 'makeup_workday', name: '国庆节调休上班' },
  { date: '2025-10-11', kind: 'makeup_workday', name: '国庆节调休上班' },
];
const cal = workingDayCalendar([2025], national2025);

test('defaults: Guangdong’s 咨询 2, 求助、建议 10, 投诉、举报 15 working days (§E.5 [GD])', () => {
  assert.deepEqual(DEFAULT_REPLY_WORKING_DAYS, { consult: 2, help: 10, suggest: 10, complain: 15 });
  assert.equal(replyWorkingDays('consult'), 2);
  assert.equal(replyWorkingDays('consult', { consult: 5 }), 5, 'an organization’s own period wins');
  assert.equal(replyWorkingDays('complain', { consult: 5 }), 15, 'other categories keep the default');
});

test('deadlines per category across the 2025 National Day holiday and its 调休 workdays', () => {
  // received Tuesday 30 September: 1–8 October off, Thursday 9 and Friday 10 are the 1st and 2nd working days
  assert.equal(replyDueDate(cal, '2025-09-30', replyWorkingDays('consult')), '2025-10-10');
  // 10 working days: 9, 10, 11 (Saturday, 调休上班), 13–17, 20, 21
  assert.equal(replyDueDate(cal, '2025-09-30', replyWorkingDays('suggest')), '2025-10-21');
  assert.equal(replyDueDate(cal, '2025-09-30', replyWorkingDays('help')), '2025-10-21');
  // received Friday 26 September: Sunday 28 (调休上班) counts, the holiday does not
  assert.equal(replyDueDate(cal, '2025-09-26', replyWorkingDays('complain')), '2025-10-23');
  // an organization that gives 咨询 5 working days
  assert.equal(replyDueDate(cal, '2025-09-30', replyWorkingDays('consult', { consult: 5 })), '2025-10-14');
  // a received day on the holiday itself: counted from the next working day
  assert.equal(replyDueDate(cal, '2025-10-03', 2), '2025-10-10');
});

test('a year the calendar does not cover gives no due date (never a guess)', () => {
  assert.equal(replyDueDate(cal, '2025-12-30', 10), null);
  assert.equal(replyDueDate(cal, '2026-01-05', 2), null);
});

test('on time, overdue and due soon', () => {
  assert.equal(answeredOnTime('2025-10-10', '2025-10-10'), true);
  assert.equal(answeredOnTime('2025-10-13', '2025-10-10'), false);
  assert.equal(answeredOnTime('2025-10-13', null), true);
  assert.equal(dueStatus(cal, '2025-10-13', '2025-10-10'), 'overdue');
  // 30 September: the next working day is 9 October, so a due date of 9 October is due soon
  assert.equal(dueStatus(cal, '2025-09-30', '2025-10-09'), 'due_soon');
  assert.equal(dueStatus(cal, '2025-09-30', '2025-10-21'), 'running');
  assert.equal(dueStatus(cal, '2025-09-30', null), 'running');
});

test('routing: what each state allows, transfers and merges', () => {
  assert.ok(canDo('received', 'transfer'));
  assert.ok(!canDo('answered', 'transfer'));
  assert.ok(canDo('reply_drafted', 'sign'));
  assert.ok(!canDo('received', 'sign'), 'nothing to sign before a draft');
  assert.ok(canDo('answered', 'rate') && canDo('closed', 'rate') && !canDo('received', 'rate'));
  const agency = { id: 2, kind: 'department' };
  assert.equal(transferRefusal(1, agency, 'received'), null);
  assert.equal(transferRefusal(2, agency, 'received'), '不能转办给本机关');
  assert.match(transferRefusal(1, { id: 3, kind: 'county' }, 'received')!, /不能转给地区/);
  assert.match(transferRefusal(1, agency, 'reply_drafted')!, /只有办理中/);
  assert.match(transferRefusal(1, null, 'received')!, /未找到/);
  const m = { id: 5, orgId: 1, state: 'received' as const };
  assert.equal(mergeRefusal(m, { id: 6, orgId: 1, state: 'reply_drafted' }), null);
  assert.match(mergeRefusal(m, { id: 5, orgId: 1, state: 'received' })!, /自身/);
  assert.match(mergeRefusal(m, { id: 6, orgId: 2, state: 'received' })!, /本机关/);
  assert.match(mergeRefusal(m, { id: 6, orgId: 1, state: 'answered' })!, /已答复/);
});

test('statistics: received, answered, on time, median working days, published, satisfaction', () => {
  const r = (x: Partial<StatsRecord>): StatsRecord => ({ state: 'received', receivedOn: '2025-09-30', dueOn: '2025-10-10', answeredOn: null, published: false, rating: null, ...x });
  const records = [
    r({ state: 'answered', answeredOn: '2025-10-09', published: true, rating: 'satisfied' }), // 1 working day
    r({ state: 'closed', answeredOn: '2025-10-13', rating: 'unsatisfied' }), // 4 (9, 10, 11, 13): late
    r({ state: 'answered', answeredOn: '2025-10-10', published: true, rating: 'basically' }), // 2
    r({ state: 'converted_petition', answeredOn: '2025-10-09' }), // 1: the writer was told
    r({}), // open
    r({ state: 'merged' }), // a duplicate: not counted
    r({ state: 'invalid' }), // not counted
  ];
  const s = interactionStats(records, cal);
  assert.equal(s.received, 5);
  assert.equal(s.answered, 4);
  assert.equal(s.answeredOnTime, 3);
  assert.equal(s.medianWorkdays, 1.5);
  assert.equal(s.averageWorkdays, 2);
  assert.equal(s.published, 2);
  assert.equal(s.rated, 3);
  assert.equal(s.satisfaction, 0.6667);
  const none = interactionStats([r({})], cal);
  assert.equal(none.medianWorkdays, null);
  assert.equal(none.satisfaction, null);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([]), null);
});

test('§D.4: a valid message of the past year unanswered for more than 3 months', () => {
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(addMonths('2025-06-15', -12), '2024-06-15');
  assert.equal(windowStart('2026-06-30'), '2025-07-01');
  const today = '2026-06-30';
  assert.ok(unansweredTooLong({ state: 'received', receivedOn: '2026-03-01', answeredOn: null }, today), 'still open after 3 months');
  assert.ok(!unansweredTooLong({ state: 'received', receivedOn: '2026-04-01', answeredOn: null }, today), 'open, but not yet 3 months');
  assert.ok(unansweredTooLong({ state: 'answered', receivedOn: '2025-08-01', answeredOn: '2025-12-01' }, today), 'answered after 4 months');
  assert.ok(!unansweredTooLong({ state: 'answered', receivedOn: '2025-08-01', answeredOn: '2025-10-31' }, today), 'answered within 3 months');
  assert.ok(!unansweredTooLong({ state: 'received', receivedOn: '2025-06-30', answeredOn: null }, today), 'before the year looked at');
  assert.ok(!unansweredTooLong({ state: 'merged', receivedOn: '2026-01-01', answeredOn: null }, today), 'a merged duplicate is no valid message');
});

// as the catalogue's detectors would find an identity number (app passes detectFindings in)
const idScan: PersonalDataScan = (text) => [...text.matchAll(/\d{17}[\dX]/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
const contact = { name: '王小明', phone: '139-0571-0001', email: 'wxm@example.com' };

test('redaction: the contact details and personal data found are masked, the rest kept', () => {
  const text = '我是王小明，身份证号110105194912310021，电话13905710001，邮箱wxm@example.com，另一个邮箱a.b@qq.com。';
  const out = redactText(text, idScan, contact);
  for (const secret of ['王小明', '110105194912310021', '13905710001', 'wxm@example.com', 'a.b@qq.com']) assert.ok(!out.includes(secret), `${secret} stays in ${out}`);
  assert.equal(out, `我是${MASK}，身份证号${MASK}，电话${MASK}，邮箱${MASK}，另一个邮箱${MASK}。`);
  // a one-character name would mask that character everywhere: names of 2 or more only
  assert.equal(redactText('王府井', () => [], { name: '王', phone: '', email: '' }), '王府井');
  const p = publication({ subject: '王小明的咨询', content: text, replyText: '王小明您好，已办理。', contact }, idScan);
  assert.equal(p.subject, `${MASK}的咨询`);
  assert.equal(p.reply, `${MASK}您好，已办理。`);
});

test('consent: published only when the writer agreed and the reply is signed', () => {
  assert.match(publicationRefusal({ consentPublish: false, state: 'answered', replyText: '答复' })!, /未同意公开/);
  assert.match(publicationRefusal({ consentPublish: true, state: 'reply_drafted', replyText: '答复' })!, /签发后/);
  assert.equal(publicationRefusal({ consentPublish: true, state: 'answered', replyText: '答复' }), null);
});

test('query codes: 12 random characters, read leniently, stored as a hash', () => {
  const code = newQueryCode();
  assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  assert.notEqual(newQueryCode(), code);
  assert.equal(normalizeQueryCode(' ab2c-d3ef-gh4k '), 'AB2CD3EFGH4K');
  assert.equal(hashQueryCode(code.toLowerCase().replace(/-/g, ' ')), hashQueryCode(code));
  assert.notEqual(hashQueryCode(code), hashQueryCode(newQueryCode()));
});

test('attachments: checked as the application form’s', () => {
  const pdf = { fileName: '照片.pdf', content: Buffer.from('%PDF-1.4 x') };
  assert.equal(checkAttachments([pdf]).attachments.length, 1);
  assert.equal(checkAttachments([{ fileName: 'a.exe', content: Buffer.from('MZ') }]).error, '附件“a.exe”的类型不支持，请上传 PDF、JPG、PNG、DOC 或 DOCX 文件');
  assert.match(checkAttachments([{ fileName: 'a.pdf', content: Buffer.from('not a pdf') }]).error!, /内容与文件类型不符/);
  assert.match(checkAttachments([pdf, pdf, pdf]).error!, /最多上传 2 个/);
  assert.equal(checkAttachments([{ fileName: 'empty.pdf', content: Buffer.alloc(0) }]).attachments.length, 0, 'an empty file input is no attachment');
});
