import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startQueueWorker } from './queue-worker.ts';

/** A drain the test releases by hand, so that nothing depends on timing. */
function controlledDrain() {
  const calls: Array<() => void> = [];
  let started = 0;
  let startedNotify: (() => void) | null = null;
  return {
    drain: () =>
      new Promise<void>((resolve) => {
        started++;
        calls.push(resolve);
        startedNotify?.();
      }),
    get started() {
      return started;
    },
    /** Resolves once `n` drains have started. */
    startedAtLeast(n: number) {
      return new Promise<void>((resolve) => {
        const check = () => (started >= n ? resolve() : (startedNotify = check));
        check();
      });
    },
    release() {
      calls.shift()?.();
    },
  };
}

test('drains at start; wakes during a drain coalesce into one more; stop waits for the drain under way', async () => {
  const d = controlledDrain();
  const worker = startQueueWorker({ name: 'test', drain: d.drain, pollMs: 3_600_000 });
  await d.startedAtLeast(1); // what a restart finds
  worker.wake();
  worker.wake();
  worker.wake();
  assert.equal(d.started, 1, 'no second drain while one runs');
  d.release();
  await d.startedAtLeast(2); // the three wakes: one more drain
  let stopped = false;
  const stopping = worker.stop().then(() => (stopped = true));
  await Promise.resolve();
  assert.equal(stopped, false, 'stop waits for the running drain');
  d.release();
  await stopping;
  assert.equal(d.started, 2);
  worker.wake();
  assert.equal(d.started, 2, 'nothing after stop');
});

test('a failing drain is logged and the worker goes on', async () => {
  const errors: string[] = [];
  let n = 0;
  let second: () => void = () => {};
  const secondRan = new Promise<void>((r) => (second = r));
  const worker = startQueueWorker({
    name: 'letter jobs',
    pollMs: 3_600_000,
    log: { error: (msg) => errors.push(msg) },
    drain: async () => {
      if (++n === 1) throw new Error('database away');
      second();
    },
  });
  await Promise.resolve();
  await Promise.resolve();
  worker.wake();
  await secondRan;
  await worker.stop();
  assert.deepEqual(errors, ['letter jobs failed']);
});
