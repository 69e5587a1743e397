// The JSON API (/api/v1): the same session as the console, CSRF header on writes,
// one zod schema per route (published at /api/docs).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import { requireStaff } from '../orgs/staff/auth.ts';
import { protectFromCsrf } from '../core/http/csrf.ts';
import { auditApiRoutes } from '../orgs/audit-routes.ts';
import { orgApiRoutes } from '../orgs/api.ts';
import { staffApiRoutes } from '../orgs/staff/api.ts';
import { applicationApiRoutes } from '../applications/api.ts';
import { ledgerApiRoutes } from '../applications/ledger/api.ts';
import { reportApiRoutes } from '../report/api.ts';
import { importDocumentApiRoutes } from '../ingest/import/api.ts';
import { catalogueApiRoutes } from '../catalogue/api.ts';
import { appealApiRoutes } from '../appeals/api.ts';
import { assessmentApiRoutes } from '../supervision/assessment/api.ts';
import { scoringApiRoutes } from '../supervision/assessment/scoring/api.ts';
import { ASSESSMENT_FACT_SOURCES } from './assessment-sources.ts';
import { article20ApiRoutes } from '../article20/api.ts';
import { APPEAL_HOOKS } from './appeal-hooks.ts';
import { consultationApiRoutes } from '../consultations/api.ts';
import { CONSULTATION_HOOKS } from './consultation-hooks.ts';
import { interactionApiRoutes } from '../interaction/api.ts';
import { interactionHooks } from './interaction-hooks.ts';
import { STAFFING_CHECKS } from './staffing-checks.ts';

export function apiPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    requireStaff(app, deps.db, deps.config, (_request, reply) =>
      reply.status(401).send({ error: { code: 'UNAUTHENTICATED', message: '请先登录（POST /console/login），再以会话 Cookie 调用 API' } }),
    );
    protectFromCsrf(app);
    await app.register(orgApiRoutes(deps));
    await app.register(staffApiRoutes(deps, STAFFING_CHECKS));
    await app.register(auditApiRoutes(deps));
    await app.register(applicationApiRoutes(deps));
    await app.register(ledgerApiRoutes(deps));
    await app.register(reportApiRoutes(deps));
    await app.register(importDocumentApiRoutes(deps));
    await app.register(catalogueApiRoutes(deps));
    await app.register(appealApiRoutes(deps, APPEAL_HOOKS));
    await app.register(article20ApiRoutes(deps));
    await app.register(consultationApiRoutes(deps, CONSULTATION_HOOKS));
    await app.register(interactionApiRoutes(deps, interactionHooks(deps.db)));
    await app.register(assessmentApiRoutes(deps));
    await app.register(scoringApiRoutes(deps, ASSESSMENT_FACT_SOURCES));
  };
}
