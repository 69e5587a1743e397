// The catalogue's console pages (主动公开): items and review, columns and settings, health and table 2, 内容检查.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../core/http/deps.ts';
import type { FindingAction } from '../orgs/shell/finding-action.ts';
import { columnConsoleRoutes } from './console/columns.ts';
import { healthConsoleRoutes } from './console/health.ts';
import { inspectionConsoleRoutes } from './console/inspection.ts';
import type { UnansweredMessagesCount } from './inspection/unanswered.ts';
import { itemConsoleRoutes } from './console/items.ts';
import { reviewConsoleRoutes } from './console/review.ts';

/**
 * findingAction: offered beside each inspection finding to a supervisor above (app: send it as a 整改 item);
 * unansweredMessages: the messages module's §D.4 count for the inspection (app: src/app/interaction-hooks.ts).
 */
export function catalogueConsoleRoutes(deps: AppDeps, findingAction: FindingAction | undefined, unansweredMessages: UnansweredMessagesCount) {
  return async (app: FastifyInstance) => {
    await app.register(itemConsoleRoutes(deps));
    await app.register(reviewConsoleRoutes(deps));
    await app.register(columnConsoleRoutes(deps));
    await app.register(healthConsoleRoutes(deps));
    await app.register(inspectionConsoleRoutes(deps, findingAction, unansweredMessages));
  };
}
