// Route parameters that name an organization's resource resolve to that organization
// before anything else happens, so every staff route checks organization scope.
// A console/API route with a parameter that has no resolver is refused at start-up.
import type { Queryable } from '../db/database.ts';

/** Returns the id of the organization that owns the resource, or null when there is none. */
export type ParamScopeResolver = (db: Queryable, value: string) => Promise<number | null>;

const resolvers = new Map<string, ParamScopeResolver>();

export function registerParamScope(param: string, resolve: ParamScopeResolver): void {
  resolvers.set(param, resolve);
}

export function paramScopeResolver(param: string): ParamScopeResolver | undefined {
  return resolvers.get(param);
}

/** Route params of a URL pattern like /console/orgs/:orgId/users/:userId. */
export const routeParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
