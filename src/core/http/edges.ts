// Input no route can use, refused at the edge with a 400 a clerk understands, before any route
// sees it: a NUL character (PostgreSQL text cannot hold it) or an address whose %-escapes are not
// UTF-8. And the one check for a same-site path a redirect may go to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../errors.ts';

const NUL = '\u0000';

/** Whether a parsed body holds a NUL in any text (files are bytes and are not looked at). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Uint8Array) return false;
  return Object.entries(value).some(([k, v]) => k.includes(NUL) || holdsNul(v, depth + 1));
}

export function refuseUnusableInput(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    let address: string;
    try {
      address = decodeURIComponent(request.raw.url ?? '');
    } catch {
      throw invalid('网址中含有无法识别的字符，请检查后重试');
    }
    if (address.includes(NUL)) throw invalid('网址中含有不允许的字符（空字符），请检查后重试');
  });
  const checkBody = async (request: FastifyRequest) => {
    if (holdsNul(request.body)) throw invalid('提交的内容中含有不允许的字符（空字符），请删除后重试');
  };
  // Before any other check of a form or JSON body, and again once multipart forms are read
  // (in the preValidation hooks of the routes that take them).
  app.addHook('preValidation', checkBody);
  app.addHook('preHandler', checkBody);
}

/**
 * The value as a path on this site for a redirect, or null: one leading "/", then printable ASCII
 * only (an address is sent %-encoded), never "//" or "/\" at the start nor a backslash anywhere,
 * which browsers would take for another site ("/\t/evil.example" is "//evil.example" to them).
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && !value.includes('\\') ? value : null;
}
