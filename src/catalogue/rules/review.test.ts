import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { DEFAULT_STAGES, type ReviewStage } from '../model.ts';
import { approve, assertEditable, assertRevisable, currentStage, recall, reject, returnToAuthor, stagesProblem, submit, withdraw, type ReviewState, type RoundSignature, type Signer } from './review.ts';

const draft: ReviewState = { state: 'draft', stages: null, stageIndex: null, round: 0, authorId: 1 };
const reviewerA: Signer = { userId: 2, roles: ['reviewer'] };
const reviewerB: Signer = { userId: 3, roles: ['reviewer'] };
const head: Signer = { userId: 4, roles: ['head'] };
const secrecy: Signer = { userId: 5, roles: ['confidentiality'] };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return 'ok';
};

/** Applies a transition to the state, as the command does. */
const after = (v: ReviewState, t: ReturnType<typeof approve>): ReviewState => ({ ...v, state: t.state, stageIndex: t.stageIndex, round: t.round, stages: t.stages });

test('default stages: 初审 → 复审 → 终审 → 保密审查, each by its role, then published', () => {
  let v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(v.state, 'in_review');
  assert.equal(v.round, 1);
  assert.equal(currentStage(v)!.name, '初审');
  const signed: RoundSignature[] = [];
  for (const [signer, next] of [[reviewerA, '复审'], [reviewerB, '终审'], [head, '保密审查']] as const) {
    const t = approve(v, signer, signed, true, 0);
    assert.equal(t.publish, false);
    signed.push({ userId: signer.userId, stageIndex: v.stageIndex! });
    v = after(v, t);
    assert.equal(currentStage(v)!.name, next);
  }
  const last = approve(v, secrecy, signed, true, 0);
  assert.equal(last.publish, true);
  assert.equal(last.state, 'published');
});

test('a stage needs its role; with distinct signers nobody signs two stages or their own item', () => {
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(code(() => approve(v, head, [], true, 0)), 'FORBIDDEN', '初审 needs a reviewer');
  assert.equal(code(() => approve(v, { userId: 1, roles: ['reviewer'] }, [], true, 0)), 'FORBIDDEN', 'the author');
  const v2 = { ...v, stageIndex: 1 };
  assert.equal(code(() => approve(v2, reviewerA, [{ userId: 2, stageIndex: 0 }], true, 0)), 'FORBIDDEN', 'signed 初审 already');
  assert.equal(code(() => approve(v2, reviewerA, [{ userId: 2, stageIndex: 0 }], false, 0)), 'ok', 'allowed when the organization permits');
  assert.equal(code(() => approve(v, { userId: 1, roles: ['reviewer'] }, [], false, 0)), 'ok');
});

test('open confidentiality findings block submission and approval', () => {
  assert.equal(code(() => submit(draft, DEFAULT_STAGES, 1)), 'CONFLICT');
  assert.match(String((() => { try { submit(draft, DEFAULT_STAGES, 2); } catch (e) { return (e as Error).message; } })()), /2 处/);
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(code(() => approve(v, reviewerA, [], true, 1)), 'CONFLICT');
});

test('reject sends the version back to the author as a draft, with a reason; resubmission starts a new round', () => {
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(code(() => reject(v, reviewerA, ' ', [], true)), 'VALIDATION');
  const back = after(v, reject(v, reviewerA, '文号有误', [], true));
  assert.equal(back.state, 'draft');
  assert.equal(back.stageIndex, null);
  assertEditable(back);
  const again = after(back, submit(back, DEFAULT_STAGES, 0));
  assert.equal(again.round, 2);
  assert.equal(currentStage(again)!.name, '初审');
});

test('only drafts are edited or submitted; in review and published versions are not', () => {
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(code(() => assertEditable(v)), 'CONFLICT');
  assert.equal(code(() => submit(v, DEFAULT_STAGES, 0)), 'CONFLICT');
  assert.equal(code(() => assertEditable({ state: 'published' })), 'CONFLICT');
  assert.equal(code(() => approve(draft, reviewerA, [], true, 0)), 'CONFLICT', 'nothing to approve in a draft');
});

test('withdraw a published item with a reason; revise only the latest published or withdrawn version', () => {
  assert.equal(withdraw({ state: 'published' }, '含有个人信息'), 'withdrawn');
  assert.equal(code(() => withdraw({ state: 'published' }, '')), 'VALIDATION');
  assert.equal(code(() => withdraw({ state: 'draft' }, '理由充分')), 'CONFLICT');
  assert.equal(code(() => assertRevisable({ state: 'published' })), 'ok');
  assert.equal(code(() => assertRevisable({ state: 'withdrawn' })), 'ok');
  assert.equal(code(() => assertRevisable({ state: 'in_review' })), 'CONFLICT');
  assert.equal(code(() => assertRevisable({ state: 'superseded' })), 'CONFLICT');
});

test('configurable stages: names, roles, at most six, a 保密审查 stage required', () => {
  const s = (name: string, role: ReviewStage['role']): ReviewStage => ({ name, role });
  assert.equal(stagesProblem(DEFAULT_STAGES), null);
  assert.equal(stagesProblem([s('审核', 'reviewer'), s('保密审查', 'confidentiality')]), null);
  assert.match(stagesProblem([])!, /至少/);
  assert.match(stagesProblem([s('初审', 'reviewer')])!, /保密审查/);
  assert.match(stagesProblem([s('初审', 'reviewer'), s('初审', 'confidentiality')])!, /重复/);
  assert.match(stagesProblem(Array.from({ length: 7 }, (_, i) => s(`第${i}审`, 'confidentiality')))!, /不能超过 6/);
  assert.match(stagesProblem([s(' ', 'confidentiality')])!, /名称/);
  const two = [s('审核', 'reviewer'), s('保密', 'confidentiality')];
  const v = after(draft, submit(draft, two, 0));
  assert.equal(approve(after(v, approve(v, reviewerA, [], true, 0)), secrecy, [{ userId: 2, stageIndex: 0 }], true, 0).publish, true);
});

test('退回 by the head or an administrator: at any stage, with a reason, back to a draft', () => {
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  const atSecond = after(v, approve(v, reviewerA, [], true, 0));
  assert.equal(code(() => returnToAuthor(atSecond, ' ')), 'VALIDATION');
  const back = after(atSecond, returnToAuthor(atSecond, '复审无人可签，退回调整'));
  assert.equal(back.state, 'draft');
  assert.equal(back.stageIndex, null);
  assertEditable(back);
  assert.equal(code(() => returnToAuthor(back, '再次退回')), 'CONFLICT', 'nothing in review to return');
});

test('撤回 by the editor only until the first signature of the round', () => {
  const v = after(draft, submit(draft, DEFAULT_STAGES, 0));
  assert.equal(after(v, recall(v, [])).state, 'draft');
  assert.equal(code(() => recall(v, [{ userId: 2, stageIndex: 0 }])), 'CONFLICT');
  assert.equal(code(() => recall(draft, [])), 'CONFLICT');
});
