import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountChangeProblem, type AccountChange } from './account-changes.ts';

const admin = { id: 1, displayName: '管理员甲', roles: ['admin'] as const, disabled: false };
const editor = { id: 2, displayName: '发布员', roles: ['editor'] as const, disabled: false };
const change = (over: Partial<AccountChange>): AccountChange => ({ actorUserId: 1, target: { ...editor, roles: [...editor.roles] }, next: { roles: ['editor'], disabled: false }, otherAdmins: 0, ...over });

test('an administrator changes another user\'s roles and disables or re-enables them', () => {
  assert.equal(accountChangeProblem(change({ next: { roles: ['editor', 'reviewer'], disabled: false } })), null);
  assert.equal(accountChangeProblem(change({ next: { roles: ['editor'], disabled: true } })), null);
  assert.equal(accountChangeProblem(change({ target: { ...editor, roles: ['editor'], disabled: true }, next: { roles: ['editor'], disabled: false } })), null);
  assert.match(accountChangeProblem(change({ next: { roles: [], disabled: false } }))!, /至少保留一个角色/);
});

test('nobody disables themselves or changes their own roles', () => {
  const self = { actorUserId: 1, target: { ...admin, roles: [...admin.roles] }, otherAdmins: 3 };
  assert.equal(accountChangeProblem(change({ ...self, next: { roles: ['admin'], disabled: true } })), '不能停用自己的账号，请由其他系统管理员停用');
  assert.equal(accountChangeProblem(change({ ...self, next: { roles: ['admin', 'supervisor'], disabled: false } })), '不能修改自己的角色，请由其他系统管理员修改');
  assert.equal(accountChangeProblem(change({ ...self, next: { roles: ['admin'], disabled: false } })), null, 'no change');
});

test('the last active administrator of an organization and those above it is kept', () => {
  const target = { ...admin, id: 5, roles: [...admin.roles] };
  assert.match(accountChangeProblem(change({ target, next: { roles: ['admin'], disabled: true }, otherAdmins: 0 }))!, /管理员甲是本机构及上级机构唯一在岗的系统管理员，停用后/);
  assert.match(accountChangeProblem(change({ target, next: { roles: ['editor'], disabled: false }, otherAdmins: 0 }))!, /取消其“系统管理员”角色后/);
  assert.equal(accountChangeProblem(change({ target, next: { roles: ['admin'], disabled: true }, otherAdmins: 1 })), null);
  assert.equal(accountChangeProblem(change({ actorUserId: null, target, next: { roles: ['editor'], disabled: false }, otherAdmins: 1 })), null, 'the operator too, while another remains');
  assert.equal(accountChangeProblem(change({ target: { ...target, disabled: true }, next: { roles: ['editor'], disabled: true }, otherAdmins: 0 })), null, 'a disabled one manages nothing already');
});
