// CSRF protection for every state-changing request of a plugin (forms send _csrf,
// scripts send the x-csrf-token header). Runs before validation and scope checks,
// except for a multipart form that carries its token inside: that is read by the
// upload kit (uploads.ts) in a later hook, so its token is checked before the handler.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The cookie of a signed-in staff session (set at login, src/orgs/staff). */
export const SESSION_COOKIE = 'gk_session';

/**
 * What a CSRF token is bound to: the session it was made for ('-' before login and on the portal).
 * A token made for one session is refused in another, even where someone managed to plant the
 * CSRF cookie (a sibling domain, a proxy).
 */
export const csrfUserInfo = (request: FastifyRequest): string => request.cookies?.[SESSION_COOKIE] || '-';

/** The CSRF token for a form or a script of the request being answered. */
export const csrfToken = (reply: FastifyReply): string => reply.generateCsrf({ userInfo: csrfUserInfo(reply.request) });

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const tokenInsideForm = (request: FastifyRequest) =>
  /^multipart\/form-data/i.test(String(request.headers['content-type'] ?? '')) && !request.headers['x-csrf-token'];

export function protectFromCsrf(app: FastifyInstance): void {
  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE.has(request.method) || tokenInsideForm(request)) return done();
    app.csrfProtection(request, reply, done);
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE.has(request.method) || !tokenInsideForm(request)) return done();
    app.csrfProtection(request, reply, done);
  });
}

/** The text fields of a posted form (urlencoded or multipart), without the CSRF token and files. */
export function formFields(body: unknown): Record<string, string> {
  const { _csrf: _, ...values } = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
