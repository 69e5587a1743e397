// CSRF protection for every state-changing request of a plugin (forms send _csrf,
// scripts send the x-csrf-token header). Runs before validation and scope checks.
import type { FastifyInstance } from 'fastify';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function protectFromCsrf(app: FastifyInstance): void {
  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}
