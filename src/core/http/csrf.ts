// CSRF protection for every state-changing request of a plugin (forms send _csrf,
// scripts send the x-csrf-token header). Runs before validation and scope checks,
// except for a multipart form that carries its token inside: that is read by the
// upload kit (uploads.ts) in a later hook, so its token is checked before the handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';

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
