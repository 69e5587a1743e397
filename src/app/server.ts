// Builds the Fastify app: security headers, rate limits, cookies, CSRF, OpenAPI, errors,
// and the three surfaces (public portal, staff console, JSON API). Tests use app.inject.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { csrfUserInfo } from '../core/http/csrf.ts';
import { refuseUnusableInput } from '../core/http/edges.ts';
import { fastifyTrustProxy, trustProxyWarning } from '../core/http/trust-proxy.ts';
import formbody from '@fastify/formbody';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/database.ts';
import { stopPageVersionWatch } from '../core/http/page-versions.ts';
import { sharedSecret } from '../core/secrets.ts';
import { rateLimitStore } from '../core/http/rate-limit-store.ts';
import '../core/validation.ts';
import { errorHandler, notFoundHandler } from '../core/http/errors.ts';
import { invalid } from '../core/errors.ts';
import { framedErrorPage } from './error-page.ts';
import { apiPlugin } from './api.ts';
import { consolePlugin } from './console.ts';
import { portalPlugin } from './portal.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  /** Where request logs go (default stdout); tests read them back. */
  logStream?: NodeJS.WritableStream;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Reachable without signing in (the login page). */
  anonymous: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export async function buildApp({ db, config, logStream }: AppOptions): Promise<FastifyInstance> {
  const handleError = errorHandler(framedErrorPage);
  const app = Fastify({
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // An address the router cannot even read (%-escapes that are not UTF-8) gets the same Chinese 400 as the hooks give.
    frameworkErrors: (error, request, reply) =>
      handleError(error.code === 'FST_ERR_BAD_URL' ? invalid('网址中含有无法识别的字符，请检查后重试') : error, request, reply),
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{8,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID()),
    bodyLimit: 2 * 1024 * 1024,
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Request logs: method, path and status only. No query strings (look-ups carry phone
      // numbers), no IP addresses, cookies, tokens or bodies.
      serializers: {
        req: (req) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') app.registeredRoutes.push({ method, url: r.url, anonymous: Boolean(r.config?.anonymous) });
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(notFoundHandler(framedErrorPage));
  refuseUnusableInput(app);
  const proxyWarning = trustProxyWarning(config.trustProxy);
  if (proxyWarning) app.log.warn(proxyWarning);

  // Security headers (CSP and the rest) as helmet sets them, captured once at start and given to
  // every answer as one object: @fastify/helmet built helmet's middleware anew for each request, a
  // measurable share of a cached portal page (issue 19).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plain-HTTP intranet deployments exist; HSTS is the proxy's decision.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(rateLimit, {
    global: true,
    store: rateLimitStore(db),
    max: 600,
    timeWindow: '1 minute',
    // The counters are told only to a client that went over (429 with Retry-After and the limit), not
    // on every answer: three headers less for each page, and nothing a reader's browser uses.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试` }),
  });
  const cookieSecret = config.cookieSecret ?? (await sharedSecret(db, 'cookie_secret'));
  await app.register(cookie, { secret: cookieSecret });
  await app.register(csrf, {
    cookieKey: 'gk_csrf',
    // Secure behind HTTPS (request.protocol follows X-Forwarded-Proto from a trusted proxy).
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true, secure: 'auto' },
    // Each token is bound to the session it was made for (csrfToken in core/http/csrf.ts).
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: cookieSecret },
  });
  await app.register(formbody);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/assets/', maxAge: '1h' });

  await app.register(swagger, {
    openapi: {
      info: { title: 'gongkai 政府信息公开平台 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await db.query('select 1');
    return { status: 'ok', database: db.kind };
  });

  await app.register(portalPlugin({ db, config }));
  // The portal's caches know page versions through a listener of their own (page-versions.ts): it goes with the app.
  app.addHook('onClose', () => stopPageVersionWatch(db));
  await app.register(consolePlugin({ db, config }), { prefix: '/console' });
  await app.register(apiPlugin({ db, config }), { prefix: '/api/v1' });
  return app;
}

/** The headers helmet's middleware sets (it sets the same ones on every answer for these options). */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
