// Domain errors carry a stable code (all codes in this file) and a Chinese message for the clerk.

export const ERROR_CODES = {
  VALIDATION: { status: 400, message: '提交的内容有误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您无权执行此操作' },
  CSRF: { status: 403, message: '页面已过期或来源不明，请刷新页面后重试' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录须先修改密码' },
  INVALID_DATE: { status: 400, message: '日期无效，请使用 YYYY-MM-DD 格式' },
  CLOCK_INPUT: { status: 400, message: '办理时限无法计算' },
  NOT_FOUND: { status: 404, message: '未找到该内容' },
  CONFLICT: { status: 409, message: '内容与现有记录冲突' },
  TOO_LARGE: { status: 413, message: '上传的内容过大' },
  CALENDAR_NOT_COVERED: { status: 422, message: '工作日历未包含该年度的节假日安排' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已暂时锁定' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后再试或联系管理员' },
  RENDER_FAILED: { status: 500, message: '文件生成失败' },
  BUSY: { status: 503, message: '系统正忙，请稍后再试' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

export const notFound = (what = '该内容') => new DomainError('NOT_FOUND', `未找到${what}`);
export const forbidden = (message?: string) => new DomainError('FORBIDDEN', message);
export const invalid = (message: string, details?: unknown) => new DomainError('VALIDATION', message, details);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const busy = (message?: string) => new DomainError('BUSY', message);

/**
 * Makes a file for download (a PDF, a Word document); when that fails, the clerk or citizen reads
 * what failed and what to do, and the cause goes to the log with the request (errorHandler).
 */
export async function renderingFile<T>(what: string, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (cause) {
    if (cause instanceof DomainError) throw cause;
    const e = new DomainError('RENDER_FAILED', `${what}生成失败，请稍后再试，或先下载其他格式。故障原因已记入系统日志，请将下方的错误编号告知系统管理员。`);
    e.cause = cause;
    throw e;
  }
}
