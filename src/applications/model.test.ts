// 条例第二十九条第二款: the application form says every problem in one round, the ones that depend
// on the applicant's kind and chosen delivery included, even while other fields are still wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationInputSchema, fieldErrors } from './model.ts';

const problems = (input: Record<string, unknown>) => {
  const r = applicationInputSchema.safeParse(input);
  return r.success ? [] : Object.keys(fieldErrors(r.error)).sort();
};

test('第二十九条: a natural person’s missing name and ID are reported with the missing choices, not after them', () => {
  // Nothing chosen for 获取形式 and 获取方式 (the radios start empty), phone invalid, name missing.
  assert.deepEqual(problems({ applicantKind: 'natural', phone: '123', infoTitle: '2025年土地供应计划' }), ['delivery', 'formWanted', 'idNumber', 'idType', 'name', 'phone']);
  assert.deepEqual(problems({ applicantKind: 'natural', name: '张三', idType: '居民身份证', idNumber: '110105194912310021', phone: '13912345678', infoTitle: '土地' }), ['delivery', 'formWanted', 'idNumber']);
});

test('第二十九条: without a chosen kind, the group the applicant filled in is checked; neither filled, only the kind is asked', () => {
  assert.deepEqual(problems({ name: '张三', phone: '13912345678', infoTitle: '土地', formWanted: 'electronic', delivery: 'online' }), ['applicantKind', 'idNumber', 'idType']);
  assert.deepEqual(problems({ orgName: '青山律师事务所', phone: '13912345678', infoTitle: '土地', formWanted: 'electronic', delivery: 'online' }), ['applicantKind', 'contactPerson', 'creditCode', 'legalRepresentative', 'orgColumn']);
  assert.deepEqual(problems({ phone: '13912345678', infoTitle: '土地', formWanted: 'electronic', delivery: 'online' }), ['applicantKind']);
});

test('第二十九条第二款第（三）项: the delivery chosen needs its address, checked even when the phone is wrong', () => {
  const base = { applicantKind: 'natural', name: '张三', idType: '护照', idNumber: 'E12345678', phone: 'x', infoTitle: '土地', formWanted: 'paper' };
  assert.deepEqual(problems({ ...base, delivery: 'post' }), ['address', 'phone']);
  assert.deepEqual(problems({ ...base, delivery: 'email' }), ['delivery', 'email', 'phone']);
  // A value of the wrong type never breaks the checks: it is reported, the rest still are.
  assert.deepEqual(problems({ ...base, name: 5, delivery: 'collect' }), ['name', 'phone']);
});
