import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STAGES, type ReviewStage } from '../model.ts';
import type { ReviewState } from './review.ts';
import { completionProblem, staffingProblem, staffingShortfall, strandingProblem, submissionProblem, type Candidate } from './review-staffing.ts';

const editor: Candidate = { userId: 1, name: '发布员', roles: ['editor'] };
const both: Candidate = { userId: 2, name: '审核人甲', roles: ['reviewer', 'confidentiality'] };
const reviewerB: Candidate = { userId: 3, name: '审核人乙', roles: ['reviewer'] };
const head: Candidate = { userId: 4, name: '负责人', roles: ['head'] };
const secrecy: Candidate = { userId: 5, name: '保密员', roles: ['confidentiality'] };
const s = (name: string, role: ReviewStage['role']): ReviewStage => ({ name, role });

test('issue 21: one reviewer who is also the only 保密审查员 cannot staff 初审、复审、终审、保密审查', () => {
  const people = [editor, both, head];
  const shortfall = staffingShortfall(DEFAULT_STAGES, people, true)!;
  assert.deepEqual(shortfall.roles, ['reviewer'], 'the smallest failing set: the two 审核人 stages');
  assert.equal(staffingProblem(DEFAULT_STAGES, people, true), '“初审”“复审”环节须由 2 位不同的审核人签署，本机构只有 1 人：审核人甲（同一人不能签署同一信息的两个环节）');
  // A second reviewer is not enough: the only 保密审查员 is needed for a 审核人 stage too.
  const message = staffingProblem(DEFAULT_STAGES, [...people, reviewerB], true)!;
  assert.match(message, /“初审”“复审”“保密审查”环节须由 3 位不同的人（审核人、保密审查员）签署，本机构只有 2 人：审核人甲（审核人、保密审查员）、审核人乙（审核人）/);
  assert.equal(staffingProblem(DEFAULT_STAGES, [...people, reviewerB, secrecy], true), null);
});

test('without distinct signers each stage only needs someone holding its role', () => {
  assert.equal(staffingProblem(DEFAULT_STAGES, [both, head], false), null);
  assert.equal(staffingProblem(DEFAULT_STAGES, [both], false), '本机构没有在岗的机关负责人，“终审”环节无人可以签署');
  assert.equal(staffingProblem([s('审核', 'reviewer'), s('保密', 'confidentiality')], [], true), '本机构没有在岗的审核人，“审核”环节无人可以签署');
});

test('roles held by one person count once; a person may serve whichever stage is short', () => {
  const stages = [s('审核', 'reviewer'), s('保密审查', 'confidentiality')];
  assert.equal(staffingProblem(stages, [both, reviewerB], true), null, 'B reviews, A does the 保密审查');
  assert.match(staffingProblem(stages, [both], true)!, /2 位不同的人（审核人、保密审查员）.*只有 1 人：审核人甲/);
});

test('the author of a submission cannot sign it when signers must be distinct', () => {
  const writerReviewer: Candidate = { userId: 9, name: '兼审核的发布员', roles: ['editor', 'reviewer'] };
  const people = [writerReviewer, both, head, secrecy];
  assert.equal(submissionProblem(DEFAULT_STAGES, people, 1, true), null, 'someone else wrote it');
  assert.match(submissionProblem(DEFAULT_STAGES, people, 9, true)!, /审核人/);
  assert.equal(submissionProblem(DEFAULT_STAGES, people, 9, false), null);
});

const inReview = (stageIndex: number): ReviewState => ({ state: 'in_review', stages: DEFAULT_STAGES, stageIndex, round: 1, authorId: 1 });

test('a version whose remaining stages nobody may sign is stuck; one that can go on is not', () => {
  const people = [editor, both, reviewerB, head, secrecy];
  assert.equal(completionProblem(inReview(1), [{ userId: 2, stageIndex: 0 }], people, true), null);
  // 保密审查员 disabled after 初审: 复审 by B, 终审 by the head, and the 保密审查 by nobody but A, who signed 初审.
  const stuck = completionProblem(inReview(1), [{ userId: 2, stageIndex: 0 }], [editor, both, reviewerB, head], true);
  assert.match(stuck!, /“保密审查”/);
  assert.equal(completionProblem({ ...inReview(0), state: 'draft', stageIndex: null }, [], people, true), null, 'a draft waits for nobody');
});

test('a signature that would leave the 保密审查 to nobody is refused while another reviewer could sign', () => {
  const people = [editor, both, reviewerB, head];
  const stages = [s('初审', 'reviewer'), s('终审', 'head'), s('保密审查', 'confidentiality')];
  const v: ReviewState = { state: 'in_review', stages, stageIndex: 0, round: 1, authorId: 1 };
  assert.equal(strandingProblem(v, { userId: 2, roles: both.roles }, [], people, true), '您签署“初审”后，后续环节将无法完成：“保密审查”环节没有其他可以签署的保密审查员（撰写人和已签署本轮其他环节的人不能再签署）。请由其他审核人签署本环节');
  assert.equal(strandingProblem(v, { userId: 3, roles: reviewerB.roles }, [], people, true), null, 'B signs, A keeps the 保密审查');
  assert.equal(strandingProblem(v, { userId: 2, roles: both.roles }, [], people, false), null, 'without distinct signers A may sign both');
  const already = [editor, both, head];
  assert.equal(strandingProblem(v, { userId: 2, roles: both.roles }, [], already, true), null, 'already stuck: refusing would not help');
  assert.equal(strandingProblem({ ...v, stageIndex: 2 }, { userId: 2, roles: both.roles }, [], people, true), null, 'the last stage leaves nothing behind');
});
