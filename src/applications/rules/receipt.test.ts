import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidDateError } from '../../core/date.ts';
import { ClockInputError } from './clock-input.ts';
import { legalReceiptDate, letterConfirmationLate } from './receipt.ts';

test('（一）in person or orally: the day it is handed in', () => {
  assert.equal(legalReceiptDate({ channel: 'in_person', submittedOn: '2025-09-26' }), '2025-09-26');
  assert.equal(legalReceiptDate({ channel: 'oral', submittedOn: '2025-09-26' }), '2025-09-26');
});

test('（二）post needing a signature: the day the agency signs for it, not the posting day', () => {
  assert.equal(legalReceiptDate({ channel: 'post_signed', submittedOn: '2025-09-22', signedForOn: '2025-09-25' }), '2025-09-25');
  assert.equal(legalReceiptDate({ channel: 'post_signed', submittedOn: '2025-09-22' }), null);
  assert.equal(legalReceiptDate({ channel: 'post_signed', submittedOn: '2025-09-22', signedForOn: null }), null);
});

test('（二）ordinary letter: the day of confirmation with the applicant; not received until confirmed', () => {
  assert.equal(legalReceiptDate({ channel: 'ordinary_letter', submittedOn: '2025-09-20', arrivedOn: '2025-09-24' }), null);
  assert.equal(legalReceiptDate({ channel: 'ordinary_letter', submittedOn: '2025-09-20', arrivedOn: '2025-09-24', confirmedOn: '2025-09-24' }), '2025-09-24');
  assert.equal(legalReceiptDate({ channel: 'ordinary_letter', submittedOn: '2025-09-20', arrivedOn: '2025-09-24', confirmedOn: '2025-09-26' }), '2025-09-26');
});

test('（三）online and fax: the day both sides confirm, however early it was submitted', () => {
  // submitted on a Saturday night, confirmed on Monday
  assert.equal(legalReceiptDate({ channel: 'online', submittedOn: '2025-09-27' }), null);
  assert.equal(legalReceiptDate({ channel: 'online', submittedOn: '2025-09-27', confirmedOn: '2025-09-29' }), '2025-09-29');
  assert.equal(legalReceiptDate({ channel: 'fax', submittedOn: '2025-09-26', confirmedOn: null }), null);
  assert.equal(legalReceiptDate({ channel: 'fax', submittedOn: '2025-09-26', confirmedOn: '2025-09-26' }), '2025-09-26');
  // a signature date means nothing for these channels
  assert.equal(legalReceiptDate({ channel: 'online', submittedOn: '2025-09-26', signedForOn: '2025-09-26' }), null);
});

test('an ordinary letter must be confirmed the day it arrives', () => {
  const letter = { channel: 'ordinary_letter' as const, submittedOn: '2025-09-20', arrivedOn: '2025-09-24' };
  assert.equal(letterConfirmationLate({ ...letter, confirmedOn: '2025-09-24' }, '2025-09-30'), false);
  assert.equal(letterConfirmationLate({ ...letter, confirmedOn: '2025-09-25' }, '2025-09-30'), true);
  assert.equal(letterConfirmationLate(letter, '2025-09-24'), false); // still the day of arrival
  assert.equal(letterConfirmationLate(letter, '2025-09-25'), true); // a day later and still unconfirmed
  assert.equal(letterConfirmationLate({ channel: 'online', submittedOn: '2025-09-20', confirmedOn: '2025-09-29' }, '2025-09-30'), false);
});

test('impossible dates are refused', () => {
  assert.throws(() => legalReceiptDate({ channel: 'online', submittedOn: '2025-09-26', confirmedOn: '2025-09-25' }), (e: unknown) => e instanceof ClockInputError && /确认日期（2025-09-25）早于提交日期（2025-09-26）/.test(e.message));
  assert.throws(() => legalReceiptDate({ channel: 'post_signed', submittedOn: '2025-09-26', signedForOn: '2025-09-20' }), ClockInputError);
  assert.throws(() => legalReceiptDate({ channel: 'ordinary_letter', submittedOn: '2025-09-20', arrivedOn: '2025-09-24', confirmedOn: '2025-09-23' }), ClockInputError);
  assert.throws(() => legalReceiptDate({ channel: 'in_person', submittedOn: '2025-9-26' }), InvalidDateError);
});
