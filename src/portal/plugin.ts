// The public portal: no login, server-rendered, works without JavaScript.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import { portalHomeRoutes } from './home.ts';
import { applicationPortalRoutes } from '../applications/portal.ts';
import { reportPortalRoutes } from '../report/portal.ts';
import { cataloguePortalRoutes } from '../catalogue/portal.ts';

export function portalPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    await app.register(portalHomeRoutes(deps));
    await app.register(applicationPortalRoutes(deps));
    await app.register(reportPortalRoutes(deps));
    await app.register(cataloguePortalRoutes(deps));
  };
}
