import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastifyTrustProxy, parseTrustProxy, TrustProxyError, trustProxyWarning } from './trust-proxy.ts';

test('TRUST_PROXY: off, a number of hops, addresses and CIDRs; nonsense is refused in Chinese', () => {
  assert.equal(parseTrustProxy(undefined), false);
  assert.equal(parseTrustProxy('0'), false);
  assert.equal(parseTrustProxy('false'), false);
  assert.equal(parseTrustProxy('1'), 1);
  assert.equal(parseTrustProxy('2'), 2);
  assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1'), ['127.0.0.1', '10.0.0.0/8', '::1']);
  assert.deepEqual(parseTrustProxy('loopback'), ['loopback']);
  assert.equal(parseTrustProxy('true'), true);
  assert.throws(() => parseTrustProxy('yes please'), (e) => e instanceof TrustProxyError && /TRUST_PROXY 无法识别：yes please/.test(e.message));
});

test('trusting every hop is warned about; a hop count is not', () => {
  assert.match(trustProxyWarning(true)!, /绕过按地址的限制/);
  assert.equal(trustProxyWarning(1), null);
  assert.equal(trustProxyWarning(false), null);
});

test('a hop count trusts the socket’s peer and the hops behind it, no further', () => {
  const trust = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
  assert.deepEqual([0, 1, 2].map((hop) => trust('10.0.0.1', hop)), [true, true, false]);
  assert.deepEqual(fastifyTrustProxy(['10.0.0.0/8']), ['10.0.0.0/8']);
});
