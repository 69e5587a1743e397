// Builds what every console page needs: current organization, switcher list, CSRF token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../core/http/deps.ts';
import { currentOrg } from '../staff/auth.ts';
import { listOrgs } from '../store.ts';
import { hasRole, REGION_ROLES } from '../staff/scope.ts';
import type { ConsoleView } from './console-layout.ts';
import { csrfToken } from '../../core/http/csrf.ts';

export async function consoleView(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, section: string): Promise<ConsoleView> {
  const staff = request.staff!;
  const org = await currentOrg(deps.db, staff);
  const orgs = hasRole(staff, ...REGION_ROLES) ? await listOrgs(deps.db, staff.homePath) : [org];
  const csrf = csrfToken(reply);
  return { staff, org, orgs, csrf, section };
}
