// Checking links (国办秘函〔2019〕19号 链接可用性, domain-reference §D.4): a list of addresses is asked
// with bounded concurrency (all at once and per host), a timeout per request, redirects followed by
// hand up to a limit (an address seen twice is a loop), HEAD first and GET when HEAD is refused.
// Knows nothing of any domain: which links are internal and checked otherwise is the caller's business.
// The production checker is off unless GONGKAI_LINK_CHECK=on (config.linkCheck); tests use local servers.

export type LinkState = 'ok' | 'broken' | 'timeout' | 'redirect-loop' | 'unreachable' | 'unchecked';

export const LINK_STATE_LABELS: Record<LinkState, string> = {
  ok: '正常',
  broken: '无法访问',
  timeout: '超时',
  'redirect-loop': '重定向循环',
  unreachable: '无法连接',
  unchecked: '未检查',
};

export interface LinkResult {
  url: string;
  state: LinkState;
  /** The last HTTP status received (broken: the error status). */
  status: number | null;
  /** The address finally reached, after redirects. */
  finalUrl: string | null;
  /** In Chinese: 正常、无法访问（HTTP 404）、超时（超过 10 秒）… */
  label: string;
}

export interface LinkCheckOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Requests in flight to one host at once (default 2). */
  perHost?: number;
  /** Per request, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** For tests: another fetch. */
  fetch?: typeof fetch;
  userAgent?: string;
}

const DEFAULTS = { concurrency: 4, perHost: 2, timeoutMs: 10_000, maxRedirects: 5 };

/** A counting semaphore. */
class Slots {
  private waiting: (() => void)[] = [];
  private used = 0;
  constructor(private readonly size: number) {}
  async take(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes on
    else this.used--;
  }
}

function labelOf(state: LinkState, status: number | null, timeoutMs: number, detail?: string): string {
  if (state === 'broken') return `${LINK_STATE_LABELS.broken}（HTTP ${status}）`;
  if (state === 'timeout') return `${LINK_STATE_LABELS.timeout}（超过 ${Math.round(timeoutMs / 100) / 10} 秒无响应）`;
  if (detail) return `${LINK_STATE_LABELS[state]}（${detail}）`;
  return LINK_STATE_LABELS[state];
}

const isTimeout = (e: unknown) => {
  const err = e as { name?: string; cause?: { name?: string; code?: string } };
  return err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.cause?.name === 'TimeoutError' || err?.cause?.code === 'UND_ERR_HEADERS_TIMEOUT';
};

/** The result of one address: follows redirects by hand, one request at a time. */
async function checkOne(url: string, o: Required<Omit<LinkCheckOptions, 'fetch' | 'userAgent'>> & { fetch: typeof fetch; userAgent: string }, hostSlots: (host: string) => Slots): Promise<LinkResult> {
  const result = (state: LinkState, status: number | null, finalUrl: string | null, detail?: string): LinkResult => ({
    url, state, status, finalUrl, label: labelOf(state, status, o.timeoutMs, detail),
  });
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return result('unreachable', null, null, '地址格式不正确');
  }
  if (current.protocol !== 'http:' && current.protocol !== 'https:') return result('unreachable', null, null, '不是 http(s) 地址');
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (seen.has(current.href)) return result('redirect-loop', null, current.href, '地址重复出现');
    if (hop > o.maxRedirects) return result('redirect-loop', null, current.href, `重定向超过 ${o.maxRedirects} 次`);
    seen.add(current.href);
    let status: number;
    let location: string | null;
    const slots = hostSlots(current.host);
    await slots.take();
    try {
      const ask = async (method: 'HEAD' | 'GET') => {
        const res = await o.fetch(current.href, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs),
          headers: { 'user-agent': o.userAgent, accept: '*/*' },
        });
        // Only the status matters: never read a body.
        await res.body?.cancel().catch(() => {});
        return res;
      };
      let res = await ask('HEAD');
      // HEAD refused (405, 501, or any error some servers give HEAD alone): ask with GET.
      if (res.status >= 400) res = await ask('GET');
      status = res.status;
      location = res.headers.get('location');
    } catch (e) {
      return isTimeout(e) ? result('timeout', null, current.href) : result('unreachable', null, current.href, '连接失败');
    } finally {
      slots.give();
    }
    if (status >= 300 && status < 400 && location) {
      try {
        current = new URL(location, current);
      } catch {
        return result('broken', status, current.href);
      }
      continue;
    }
    if (status >= 200 && status < 400) return result('ok', status, current.href);
    return result('broken', status, current.href);
  }
}

/**
 * Checks every address (duplicates once) and answers a result per address, in the order given.
 * Never throws for a bad address: it is reported.
 */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions = {}): Promise<Map<string, LinkResult>> {
  const o = {
    concurrency: Math.max(1, options.concurrency ?? DEFAULTS.concurrency),
    perHost: Math.max(1, options.perHost ?? DEFAULTS.perHost),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    fetch: options.fetch ?? fetch,
    userAgent: options.userAgent ?? 'gongkai-link-check/1.0',
  };
  const unique = [...new Set(urls)];
  const perHost = new Map<string, Slots>();
  const hostSlots = (host: string) => {
    let s = perHost.get(host);
    if (!s) perHost.set(host, (s = new Slots(o.perHost)));
    return s;
  };
  const out = new Map<string, LinkResult>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]!;
      out.set(url, await checkOne(url, o, hostSlots));
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, unique.length) }, worker));
  return new Map(unique.map((u) => [u, out.get(u)!]));
}

/** The result for an address that was not asked (checker off): 未检查, never broken. */
export const uncheckedLink = (url: string): LinkResult => ({ url, state: 'unchecked', status: null, finalUrl: null, label: LINK_STATE_LABELS.unchecked });
