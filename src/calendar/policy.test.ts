// Who may change the working-day calendar (src/calendar/policy.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role, Staff } from '../orgs/staff/model.ts';
import { calendarPolicy } from './policy.ts';

const staff = (homePath: string, roles: Role[]): Staff => ({
  userId: 1, username: 'u', displayName: 'u', roles, homeOrgId: Number(homePath.split('/').at(-2)), homePath, orgId: 1, mustChangePassword: false,
});
const province = { path: '/1/' };
const county = { path: '/1/2/3/' };
const sibling = { path: '/1/2/9/' };

test('national days and years: only an administrator of a root organization', () => {
  assert.equal(calendarPolicy.editNational(staff('/1/', ['admin'])), true);
  assert.equal(calendarPolicy.editNational(staff('/1/2/3/', ['admin', 'supervisor'])), false);
  assert.equal(calendarPolicy.editNational(staff('/1/', ['supervisor', 'editor', 'head'])), false);
});

test('local days: an administrator of that organization or above; read: administrators', () => {
  assert.equal(calendarPolicy.editLocal(staff('/1/', ['admin']), county), true);
  assert.equal(calendarPolicy.editLocal(staff('/1/2/3/', ['admin']), county), true);
  assert.equal(calendarPolicy.editLocal(staff('/1/2/3/', ['admin']), sibling), false);
  assert.equal(calendarPolicy.editLocal(staff('/1/2/3/', ['admin']), province), false);
  assert.equal(calendarPolicy.editLocal(staff('/1/2/3/', ['supervisor', 'editor']), county), false);
  assert.equal(calendarPolicy.read(staff('/1/2/3/', ['admin'])), true);
  assert.equal(calendarPolicy.read(staff('/1/2/3/', ['editor', 'supervisor'])), false);
});
