// Staff authentication for the console and the API: the session cookie → request.staff,
// organization scope from route params, CSRF on every state-changing request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../core/config.ts';
import type { Database } from '../../core/db/database.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { canEnterOrg } from './scope.ts';
import { staffFromSession, hashToken } from './commands.ts';
import type { Staff } from './model.ts';
import { findOrgById } from '../store.ts';
import type { Organization } from '../model.ts';
import { paramScopeResolver, routeParams } from '../../core/http/scope.ts';
import { wantsHtml } from '../../core/http/errors.ts';
import { SESSION_COOKIE } from '../../core/http/csrf.ts';

/** The session cookie's name lives with the CSRF kit, which binds tokens to it. */
export { SESSION_COOKIE };

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
    /** The organization the route's parameters point at (after the scope check). */
    scopedOrg: Organization | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a signed-in staff member (login page). */
    anonymous?: boolean;
    /** Reachable while the initial password is still to be changed. */
    allowPendingPassword?: boolean;
  }
}

export function sessionTokenHash(request: FastifyRequest): string {
  return hashToken(request.cookies[SESSION_COOKIE] ?? '');
}

/** Adds authentication to every route of this plugin (console or API). */
export function requireStaff(app: FastifyInstance, db: Database, config: Config, onMissing: (req: FastifyRequest, reply: FastifyReply) => unknown): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('scopedOrg', null);

  app.addHook('onRoute', (route) => {
    for (const p of routeParams(route.url)) {
      if (!paramScopeResolver(p)) throw new Error(`route ${route.method} ${route.url}: parameter :${p} has no organization-scope resolver`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.staff = token ? await staffFromSession(db, token, config.sessionIdleMinutes) : null;
    const routeConfig = request.routeOptions.config;
    if (routeConfig.anonymous) return;
    if (!request.staff) return onMissing(request, reply);
    if (request.staff.mustChangePassword && !routeConfig.allowPendingPassword) {
      if (request.method === 'GET' && wantsHtml(request)) return reply.redirect('/console/password');
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
  });

  // Scope before validation: another organization's resource answers 404 whatever the body says.
  app.addHook('preValidation', async (request) => {
    const staff = request.staff;
    if (!staff) return;
    const params = (request.params ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(params)) {
      const resolve = paramScopeResolver(name);
      if (!resolve) continue;
      const orgId = await resolve(db, value);
      const org = orgId === null ? undefined : await findOrgById(db, orgId);
      if (!org || !canEnterOrg(staff, org)) throw notFound();
      request.scopedOrg = org;
    }
  });
}

/** The organization currently worked on: the session's, re-checked against the staff scope. */
export async function currentOrg(db: Database, staff: Staff): Promise<Organization> {
  const org = await findOrgById(db, staff.orgId);
  if (org && canEnterOrg(staff, org)) return org;
  return (await findOrgById(db, staff.homeOrgId))!;
}
