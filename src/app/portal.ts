// The public portal: no login, server-rendered, works without JavaScript.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import { guardCachedPages } from '../core/http/page-cache.ts';
import { portalHomeRoutes } from './portal-home.ts';
import { registerVariant } from '../orgs/shell/variant.ts';
import { registerSiteFrame } from '../orgs/shell/site-frame.ts';
import { applicationPortalRoutes } from '../applications/portal.ts';
import { reportPortalRoutes } from '../report/portal.ts';
import { cataloguePortalRoutes } from '../catalogue/portal.ts';
import { consultationPortalRoutes } from '../consultations/portal.ts';
import { interactionPortalRoutes } from '../interaction/portal.ts';

const PORTAL_CSS = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');

export function portalPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    // Before the routes: the site frame, the 繁體 view and the header's switches apply to every portal page.
    // The footer and the reading mode first: the 繁體 view then converts them with the page.
    registerSiteFrame(app, deps.config.site);
    registerVariant(app);
    guardCachedPages(app);
    app.get('/assets/portal.css', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PORTAL_CSS),
    );
    await app.register(portalHomeRoutes(deps));
    await app.register(applicationPortalRoutes(deps));
    await app.register(reportPortalRoutes(deps));
    await app.register(cataloguePortalRoutes(deps));
    await app.register(consultationPortalRoutes(deps));
    await app.register(interactionPortalRoutes(deps));
  };
}
