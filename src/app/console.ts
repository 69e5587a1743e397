// The staff console: server-rendered pages behind login, each module adds its own pages.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import { requireStaff } from '../orgs/staff/auth.ts';
import { protectFromCsrf } from '../core/http/csrf.ts';
import { wantsHtml } from '../core/http/errors.ts';
import { auditConsoleRoutes } from '../orgs/audit-routes.ts';
import { AUDIT_ACTION_LABELS } from './audit-labels.ts';
import { orgConsoleRoutes } from '../orgs/console.ts';
import { userConsoleRoutes } from '../orgs/staff/console.ts';
import { applicationConsoleRoutes } from '../applications/console.ts';
import { ledgerConsoleRoutes } from '../applications/ledger/console.ts';
import { reportConsoleRoutes } from '../report/console.ts';
import { generationConsoleRoutes } from '../report/assembly/console.ts';
import { REPORT_PARTS } from './report-parts.ts';
import { rollupConsoleRoutes } from '../report/rollup/console.ts';
import { importConsoleRoutes } from '../ingest/import/console.ts';
import { homeRoutes } from './console-home.ts';
import { sessionRoutes } from '../orgs/staff/session-routes.ts';
import { catalogueConsoleRoutes } from '../catalogue/console.ts';
import { reminderConsoleRoutes } from '../applications/reminders/console.ts';
import { calendarConsoleRoutes } from '../calendar/console.ts';
import { appealConsoleRoutes } from '../appeals/console.ts';
import { article20ConsoleRoutes } from '../article20/console.ts';
import { supervisionConsoleRoutes } from '../supervision/console.ts';
import { assessmentConsoleRoutes } from '../supervision/assessment/console.ts';
import { scoringConsoleRoutes } from '../supervision/assessment/scoring/console.ts';
import { rectifyFindingAction } from '../supervision/assessment/rectify-finding.ts';
import { ASSESSMENT_FACT_SOURCES } from './assessment-sources.ts';
import { applicationsRegionSection } from '../applications/region-section.ts';
import { catalogueRegionSection } from '../catalogue/region-section.ts';
import { inspectionRegionSection } from '../catalogue/inspection/region-section.ts';
import { appealsCasePanel } from '../appeals/case-panel.ts';
import { APPEAL_HOOKS } from './appeal-hooks.ts';
import { consultationConsoleRoutes } from '../consultations/console.ts';
import { CONSULTATION_HOOKS } from './consultation-hooks.ts';
import { interactionConsoleRoutes } from '../interaction/console.ts';
import { hotlineConsoleRoutes } from '../interaction/hotline/hotline-console.ts';
import { interactionHooks, UNANSWERED_MESSAGES } from './interaction-hooks.ts';
import { STAFFING_CHECKS } from './staffing-checks.ts';

/** The region dashboard's sections after its report table, one per module that knows its agencies' records. */
const REGION_SECTIONS = [applicationsRegionSection, catalogueRegionSection, inspectionRegionSection];

export function consolePlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    requireStaff(app, deps.db, deps.config, async (request, reply) => {
      if (wantsHtml(request) && request.method === 'GET') {
        return reply.redirect(`/console/login?next=${encodeURIComponent(request.url.split('?')[0]!)}`);
      }
      return reply.status(401).send({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    });
    protectFromCsrf(app);
    await app.register(sessionRoutes(deps));
    await app.register(homeRoutes(deps));
    await app.register(orgConsoleRoutes(deps));
    await app.register(userConsoleRoutes(deps, STAFFING_CHECKS));
    await app.register(auditConsoleRoutes(deps, AUDIT_ACTION_LABELS));
    await app.register(applicationConsoleRoutes(deps, { casePanels: [appealsCasePanel] }));
    await app.register(ledgerConsoleRoutes(deps));
    await app.register(reportConsoleRoutes(deps));
    await app.register(generationConsoleRoutes(deps, REPORT_PARTS));
    await app.register(rollupConsoleRoutes(deps));
    await app.register(importConsoleRoutes(deps));
    await app.register(catalogueConsoleRoutes(deps, rectifyFindingAction, UNANSWERED_MESSAGES));
    await app.register(reminderConsoleRoutes(deps));
    await app.register(calendarConsoleRoutes(deps));
    await app.register(appealConsoleRoutes(deps, APPEAL_HOOKS));
    await app.register(article20ConsoleRoutes(deps));
    await app.register(consultationConsoleRoutes(deps, CONSULTATION_HOOKS));
    await app.register(interactionConsoleRoutes(deps, interactionHooks(deps.db)));
    await app.register(hotlineConsoleRoutes(deps));
    await app.register(supervisionConsoleRoutes(deps, REGION_SECTIONS));
    await app.register(assessmentConsoleRoutes(deps));
    await app.register(scoringConsoleRoutes(deps, ASSESSMENT_FACT_SOURCES));
  };
}
