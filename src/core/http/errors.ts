// One error shape for the whole service: { error: { code, message } } with a Chinese message,
// or the same message on an HTML page for browsers on the portal and console.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, ERROR_CODES, type ErrorCode } from '../errors.ts';
import { describeZodError } from '../validation.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export type ErrorPageRenderer = (request: FastifyRequest, status: number, message: string) => string;

function classify(err: unknown): { status: number; code: ErrorCode; message: string; details?: unknown } {
  if (err instanceof DomainError) return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) return { status: 400, code: 'VALIDATION', message: describeZodError(err) };
  const fe = err as FastifyError & { validation?: unknown; cause?: unknown };
  if (fe.validation) {
    const cause = fe.cause instanceof ZodError ? fe.cause : null;
    return { status: 400, code: 'VALIDATION', message: cause ? describeZodError(cause) : `提交的内容有误：${fe.message}` };
  }
  if (fe.code?.startsWith('FST_CSRF')) return { status: 403, code: 'CSRF', message: ERROR_CODES.CSRF.message };
  if (fe.statusCode === 429) return { status: 429, code: 'RATE_LIMITED', message: ERROR_CODES.RATE_LIMITED.message };
  if (fe.statusCode === 413) return { status: 413, code: 'VALIDATION', message: '上传的内容过大' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION', message: `请求无效：${fe.message}` };
  }
  return { status: 500, code: 'INTERNAL', message: ERROR_CODES.INTERNAL.message };
}

export const wantsHtml = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');

export function errorHandler(renderPage: ErrorPageRenderer) {
  return (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const e = classify(err);
    // with its cause (a failed rendering: the font, the library), under the request id the page shows
    if (e.status >= 500 && e.code !== 'BUSY') request.log.error({ err }, 'request failed');
    reply.status(e.status);
    // a busy server (a full queue of uploads to read) says when to try again
    if (e.code === 'BUSY') reply.header('retry-after', '30');
    if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderPage(request, e.status, e.message));
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
    return reply.send(body);
  };
}

export function notFoundHandler(renderPage: ErrorPageRenderer) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    reply.status(404);
    if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderPage(request, 404, '您访问的页面不存在'));
    return reply.send({ error: { code: 'NOT_FOUND', message: '您访问的地址不存在' } } satisfies ErrorBody);
  };
}
