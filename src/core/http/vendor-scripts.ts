// Browser scripts that come from npm packages, served by this server: no CDN (intranet
// deployments have no Internet, and the CSP allows scripts from 'self' only), and the version is
// the one package-lock.json pins. Each file is read once, when its route is registered.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/**
 * Serves `files` (URL name → package file, e.g. `{ 'squire.js': 'squire-rte/dist/squire.js' }`)
 * under `prefix` of `app`. The source-map comment goes: the maps are not served.
 */
export function serveVendorScripts(app: FastifyInstance, prefix: string, files: Record<string, string>): void {
  for (const [name, specifier] of Object.entries(files)) {
    const content = readFileSync(require.resolve(specifier), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    app.get(`${prefix}/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'private, max-age=3600').type('text/javascript; charset=utf-8').send(content),
    );
  }
}
