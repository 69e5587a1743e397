// Why an isolated job did not give its result. The worker of a job past its time or memory limit
// is killed; the caller turns the kind into its own words for the user (an unreadable file, a busy
// server), so the message here is only a fallback in Chinese.
import { secondsText, type IsolateLimits } from './limits.ts';

export type IsolateFailure =
  /** ran longer than timeoutMs: the worker was killed */
  | 'timeout'
  /** its worker went past maxMemoryMb (or ran out of heap): the worker was killed */
  | 'memory'
  /** concurrency workers busy and queueLength jobs waiting: refused without running */
  | 'busy'
  /** the worker process ended by itself (a crash) or could not start */
  | 'crashed'
  /** the job's function threw; the worker lives on */
  | 'failed';

export class IsolateError extends Error {
  constructor(
    readonly kind: IsolateFailure,
    readonly limits: IsolateLimits,
    /** What went wrong, for logs: the job's error message, the exit code or signal of a crash. */
    readonly detail = '',
  ) {
    super(describe(kind, limits, detail));
    this.name = 'IsolateError';
  }
}

function describe(kind: IsolateFailure, limits: IsolateLimits, detail: string): string {
  switch (kind) {
    case 'timeout':
      return `超时：超过 ${secondsText(limits.timeoutMs)}`;
    case 'memory':
      return `过大：超过 ${limits.maxMemoryMb} MB 内存`;
    case 'busy':
      return `系统正忙：已有 ${limits.queueLength} 项任务在排队，请稍后再试`;
    case 'crashed':
      return `处理进程意外退出${detail ? `（${detail}）` : ''}`;
    case 'failed':
      return `处理出错${detail ? `：${detail}` : ''}`;
  }
}

/** Why a file whose reading passed a limit is unreadable, as shown per file (Chinese). */
export function unreadableReason(e: IsolateError): string {
  switch (e.kind) {
    case 'timeout':
      return `读取超时（超过 ${secondsText(e.limits.timeoutMs)}），文件可能已损坏或结构异常`;
    case 'memory':
      return `读取所需内存过大（超过 ${e.limits.maxMemoryMb} MB），文件可能已损坏或结构异常`;
    default:
      return `读取时出现内部错误（${e.message}），请报告此文件`;
  }
}
