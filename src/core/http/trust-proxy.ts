// TRUST_PROXY: which reverse proxies in front of the app may say who the client is (X-Forwarded-For,
// X-Forwarded-Proto). Every per-address limit counts the address this yields, so trusting more than
// the proxies really there lets a client write its own address. `true` (every hop) is accepted for
// old configurations but warned about: nginx appends to X-Forwarded-For, so its left-most entry is
// whatever the client sent.

/** As Fastify's trustProxy takes it: no proxy, a number of hops, or the proxies' addresses / CIDRs. */
export type TrustProxy = false | true | number | string[];

export class TrustProxyError extends Error {}

/**
 * ''/false/0 → false; a whole number n ≥ 1 → n hops (1 = one reverse proxy); true → every hop;
 * otherwise a comma-separated list of addresses and CIDRs (127.0.0.1, 10.0.0.0/8, ::1, loopback…).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(x));
  if (bad.length) throw new TrustProxyError(`TRUST_PROXY 无法识别：${bad.join('、')}。应为代理层数（如 1）或代理的地址、网段（如 127.0.0.1,10.0.0.0/8）`);
  return list;
}

/**
 * The setting as Fastify takes it. Fastify 5 refuses a bare hop count (it cannot tell a proxy from a
 * client that connects directly and writes the header itself), so a count becomes the classic rule:
 * the socket's peer and the next n−1 addresses are proxies. Use a count only where clients can reach
 * the app through the proxy alone (bound to 127.0.0.1 or a private network); otherwise list the
 * proxies' addresses.
 */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** The start-up warning for a setting that lets clients choose their own address, or null. */
export function trustProxyWarning(trust: TrustProxy): string | null {
  return trust === true
    ? 'TRUST_PROXY=true 信任所有代理：客户端可自行填写 X-Forwarded-For 绕过按地址的限制。请改为代理层数（如 TRUST_PROXY=1）或代理地址。'
    : null;
}
