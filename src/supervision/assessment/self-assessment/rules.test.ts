import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEditable, officeAbove, selfAssessmentTransition, visibleToOffice, type SelfAssessmentState } from './rules.ts';

const error = (r: ReturnType<typeof selfAssessmentTransition>) => ('error' in r ? r.error : '');

test('the agency redrafts, saves and submits a draft, and again after a return', () => {
  for (const from of ['draft', 'returned'] as const) {
    assert.deepEqual(selfAssessmentTransition(from, 'redraft', 'agency'), { to: from });
    assert.deepEqual(selfAssessmentTransition(from, 'save', 'agency'), { to: from });
    assert.deepEqual(selfAssessmentTransition(from, 'submit', 'agency'), { to: 'submitted' });
  }
});

test('a submitted or accepted self-assessment is not edited, redrafted or submitted again', () => {
  for (const action of ['redraft', 'save', 'submit'] as const) {
    assert.match(error(selfAssessmentTransition('submitted', action, 'agency')), /等待政府办公室审核/);
    assert.match(error(selfAssessmentTransition('accepted', action, 'agency')), /已通过/);
  }
});

test('the office returns or accepts a submitted one, nothing else', () => {
  assert.deepEqual(selfAssessmentTransition('submitted', 'accept', 'office'), { to: 'accepted' });
  assert.deepEqual(selfAssessmentTransition('submitted', 'return', 'office'), { to: 'returned' });
  for (const from of ['draft', 'returned'] as const) {
    assert.match(error(selfAssessmentTransition(from, 'accept', 'office')), /尚未报送/);
    assert.match(error(selfAssessmentTransition(from, 'return', 'office')), /尚未报送/);
  }
  assert.match(error(selfAssessmentTransition('accepted', 'return', 'office')), /已通过/);
});

test('the wrong side is refused: the office does not edit, the agency does not judge itself', () => {
  for (const action of ['redraft', 'save', 'submit'] as const) assert.match(error(selfAssessmentTransition('draft', action, 'office')), /政府办公室不能修改/);
  for (const action of ['accept', 'return'] as const) assert.match(error(selfAssessmentTransition('submitted', action, 'agency')), /只有政府办公室/);
});

test('editable only as a draft or returned; the office sees everything but an unsubmitted draft', () => {
  const all: SelfAssessmentState[] = ['draft', 'submitted', 'returned', 'accepted'];
  assert.deepEqual(all.filter(isEditable), ['draft', 'returned']);
  assert.deepEqual(all.filter(visibleToOffice), ['submitted', 'returned', 'accepted']);
});

test('the office above is the nearest 人民政府（办公室） among the ancestors', () => {
  const province = { id: 1, kind: 'province' as const };
  const gov = { id: 2, kind: 'government' as const };
  const county = { id: 3, kind: 'county' as const };
  const countyOffice = { id: 4, kind: 'government' as const };
  const department = { id: 5, kind: 'department' as const };
  assert.equal(officeAbove([province, gov, county, countyOffice])?.id, 4, 'a department of the county');
  assert.equal(officeAbove([province, gov, county, countyOffice, department])?.id, 4, 'a unit within a department');
  assert.equal(officeAbove([province, county]), null);
  assert.equal(officeAbove([]), null);
});
