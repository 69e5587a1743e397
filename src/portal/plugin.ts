// The public portal: no login, server-rendered, works without JavaScript.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import { portalHomeRoutes } from './home.ts';

export function portalPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    await app.register(portalHomeRoutes(deps));
  };
}
