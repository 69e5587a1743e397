// The limits of reading documents in workers come from the environment, with documented defaults;
// what is not a usable number falls back to the default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';

test('config: document limits default to 10 s, 512 MB, one worker and eight waiting', () => {
  assert.deepEqual(loadConfig({}).documentLimits, { timeoutMs: 10_000, maxMemoryMb: 512, concurrency: 1, queueLength: 8 });
});

test('config: GONGKAI_PARSE_* set the limits (seconds may have decimals, the queue may be 0); nonsense keeps the default', () => {
  const env = { GONGKAI_PARSE_TIMEOUT_SECONDS: '2.5', GONGKAI_PARSE_MEMORY_MB: '1024', GONGKAI_PARSE_CONCURRENCY: '2', GONGKAI_PARSE_QUEUE: '0' };
  assert.deepEqual(loadConfig(env).documentLimits, { timeoutMs: 2500, maxMemoryMb: 1024, concurrency: 2, queueLength: 0 });
  const nonsense = { GONGKAI_PARSE_TIMEOUT_SECONDS: '0', GONGKAI_PARSE_MEMORY_MB: '1.5', GONGKAI_PARSE_CONCURRENCY: '-1', GONGKAI_PARSE_QUEUE: 'many' };
  assert.deepEqual(loadConfig(nonsense).documentLimits, loadConfig({}).documentLimits);
});

test('config: the link checker is off unless GONGKAI_LINK_CHECK=on', () => {
  assert.equal(loadConfig({}).linkCheck, false);
  assert.equal(loadConfig({ GONGKAI_LINK_CHECK: 'on' }).linkCheck, true);
  assert.equal(loadConfig({ GONGKAI_LINK_CHECK: 'ON' }).linkCheck, true);
  assert.equal(loadConfig({ GONGKAI_LINK_CHECK: 'off' }).linkCheck, false);
  assert.equal(loadConfig({ GONGKAI_LINK_CHECK: '' }).linkCheck, false);
});
