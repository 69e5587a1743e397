// An app on a fresh test database with the demo data, and a signed-in client for app.inject.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { buildApp } from '../../src/app/server.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { testDatabase, type TestDatabase } from './db.ts';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
}

export async function testApp(overrides: Partial<Config> = {}, logStream?: NodeJS.WritableStream): Promise<TestApp> {
  const t = await testDatabase();
  await seedDemo(t.db);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), cookieSecret: 'test-cookie-secret-0123456789abcdef', ...overrides };
  const app = await buildApp({ db: t.db, config, logStream });
  return {
    ...t,
    app,
    config,
    async close() {
      await app.close();
      await t.close();
    },
  };
}

/** Keeps cookies between requests like a browser. */
export class Client {
  private cookies = new Map<string, string>();
  /** remoteAddress: the client address the server sees (default 127.0.0.1). */
  constructor(
    private app: FastifyInstance,
    private remoteAddress?: string,
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: string, url: string, opts: { form?: Record<string, string | string[]>; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { accept: 'text/html', ...opts.headers };
    let payload: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.form)) for (const x of [v].flat()) params.append(k, x);
      payload = params.toString();
    } else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      headers.accept = 'application/json';
      payload = JSON.stringify(opts.json);
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: { ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    this.remember(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, { headers });

  private apiToken: string | null = null;

  /** A JSON API call with the session's CSRF token (fetched once from /api/v1/me); a body of {} when none is given. */
  async api(method: string, url: string, json?: unknown) {
    this.apiToken ??= (await this.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken as string;
    return this.request(method, url, { json: json ?? (method === 'GET' ? undefined : {}), headers: { 'x-csrf-token': this.apiToken, accept: 'application/json' } });
  }

  /** The CSRF token of a console page's forms. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!m) throw new Error(`no CSRF token on ${url} (status ${res.statusCode})`);
    return m[1]!;
  }

  async post(url: string, form: Record<string, string | string[]>, csrfPage = '/console') {
    return this.request('POST', url, { form: { _csrf: await this.csrfFrom(csrfPage), ...form } });
  }

  async login(username: string, password = DEMO_PASSWORD) {
    const _csrf = await this.csrfFrom('/console/login');
    return this.request('POST', '/console/login', { form: { _csrf, username, password } });
  }

  /** Logs in a demo user and replaces the initial password, as the first login requires. */
  async loginReady(username: string, password = DEMO_PASSWORD, newPassword = 'Changed-pass-2026') {
    const res = await this.login(username, password);
    if (res.statusCode !== 303) throw new Error(`login of ${username} failed: ${res.statusCode}`);
    if (res.headers.location === '/console/password') {
      const r = await this.post('/console/password', { current: password, next: newPassword, repeat: newPassword }, '/console/password');
      if (r.statusCode !== 303) throw new Error(`password change failed: ${r.statusCode} ${r.body.slice(0, 200)}`);
    }
    return this;
  }
}
