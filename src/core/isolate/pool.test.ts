// The isolate kit: plain data in and out of a worker process; a job that loops is killed at its
// timeout, one that allocates at its memory limit, each rejecting with IsolateError; the queue
// refuses what it cannot hold; a killed worker is replaced and the next job succeeds.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { IsolateError } from './errors.ts';
import { DEFAULT_ISOLATE_LIMITS, type IsolateLimits } from './limits.ts';
import { residentMb } from './memory.ts';
import { siblingModule } from './module-url.ts';
import { createIsolatePool, type IsolatePool } from './pool.ts';
import { workerFlags } from './flags.ts';
import type * as Misbehaving from './testing/misbehaving.ts';

const JOBS = siblingModule(import.meta.url, './testing/misbehaving');
const pools: IsolatePool[] = [];
after(() => pools.forEach((p) => p.close()));

function pool(limits: Partial<IsolateLimits> = {}): IsolatePool {
  const p = createIsolatePool({ ...DEFAULT_ISOLATE_LIMITS, ...limits });
  pools.push(p);
  return p;
}

async function failure(promise: Promise<unknown>): Promise<IsolateError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof IsolateError, `an IsolateError, not ${String(e)}`);
    return e;
  }
  assert.fail('the job should have failed');
}

test('isolate: bytes go in and plain data comes out, and a worker is reused for the next job', async () => {
  const p = pool();
  const bytes = new Uint8Array([1, 2, 3, 250]);
  assert.equal(await p.run<typeof Misbehaving.byteLength>(JOBS, 'byteLength', [bytes]), 4);
  const value = { kind: 'report', list: [1, null, '二'], nested: { at: new Date(0) } };
  assert.deepEqual(await p.run<typeof Misbehaving.echo>(JOBS, 'echo', [value]), value);
  const first = await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []);
  assert.notEqual(first, process.pid, 'in another process');
  assert.equal(await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []), first, 'the same worker');
  assert.equal(p.stats().started, 1);
});

test('isolate: a job that loops for ever is killed at its timeout; the next job gets a new worker and succeeds', async () => {
  const p = pool({ timeoutMs: 500 });
  const before = await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []);
  const e = await failure(p.run<typeof Misbehaving.loopForever>(JOBS, 'loopForever', []));
  assert.equal(e.kind, 'timeout');
  assert.equal(e.message, '超时：超过 0.5 秒');
  assert.throws(() => process.kill(before, 0), 'the looping worker is gone');
  const after = await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []);
  assert.notEqual(after, before);
  assert.deepEqual([p.stats().timeouts, p.stats().started], [1, 2]);
});

test('isolate: a job that allocates without bound is killed at its memory limit', async () => {
  const p = pool({ maxMemoryMb: 160, timeoutMs: 60_000 });
  const objects = await failure(p.run<typeof Misbehaving.allocateObjects>(JOBS, 'allocateObjects', []));
  assert.equal(objects.kind, 'memory');
  assert.equal(objects.message, '过大：超过 160 MB 内存');
  assert.equal(await p.run<typeof Misbehaving.echo>(JOBS, 'echo', ['still here']), 'still here');
});

test('isolate: buffers outside the V8 heap count too (resident memory, where /proc tells it)', async (t) => {
  if (residentMb(process.pid) === null) return t.skip('no /proc on this system: only the heap cap applies');
  const p = pool({ maxMemoryMb: 200, timeoutMs: 60_000 });
  const buffers = await failure(p.run<typeof Misbehaving.allocateBuffers>(JOBS, 'allocateBuffers', []));
  assert.equal(buffers.kind, 'memory');
  assert.ok(p.stats().peakWorkerMb > 200, `peak ${p.stats().peakWorkerMb} MB`);
});

test('isolate: with the worker busy and the queue full, one more job is refused at once', async () => {
  const p = pool({ concurrency: 1, queueLength: 1 });
  const running = p.run<typeof Misbehaving.sleep>(JOBS, 'sleep', [300]);
  const queued = p.run<typeof Misbehaving.echo>(JOBS, 'echo', ['queued']);
  assert.deepEqual([p.stats().running, p.stats().queued], [1, 1]);
  const refused = await failure(p.run<typeof Misbehaving.echo>(JOBS, 'echo', ['refused']));
  assert.equal(refused.kind, 'busy');
  assert.match(refused.message, /系统正忙/);
  assert.deepEqual(await Promise.all([running, queued]), ['slept', 'queued']);
  assert.equal(p.stats().refused, 1);
});

test('isolate: concurrency bounds the workers; the jobs beyond it wait their turn', async () => {
  const p = pool({ concurrency: 2, queueLength: 4 });
  const jobs = Array.from({ length: 6 }, (_, i) => p.run<typeof Misbehaving.echo>(JOBS, 'echo', [i]));
  assert.deepEqual([p.stats().running, p.stats().queued], [2, 4]);
  assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3, 4, 5]);
  assert.ok(p.stats().started <= 2);
});

test('isolate: a job that throws rejects with its message and keeps its worker; a crash is replaced', async () => {
  const p = pool();
  const worker = await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []);
  const thrown = await failure(p.run<typeof Misbehaving.throwError>(JOBS, 'throwError', ['坏了']));
  assert.deepEqual([thrown.kind, thrown.detail], ['failed', 'Error: 坏了']);
  assert.equal(await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []), worker);
  const crash = await failure(p.run<typeof Misbehaving.exitProcess>(JOBS, 'exitProcess', [7]));
  assert.deepEqual([crash.kind, crash.detail], ['crashed', '退出码 7']);
  assert.notEqual(await p.run<typeof Misbehaving.pid>(JOBS, 'pid', []), worker);
  const missing = await failure(p.run(JOBS, 'noSuchFunction', []));
  assert.match(missing.detail, /no exported function noSuchFunction/);
});

test('isolate: a worker keeps the loader flags of its parent, not a script to evaluate, a debugger or a heap cap', () => {
  assert.deepEqual(workerFlags(['--import', 'tsx'], 512), ['--import', 'tsx', '--max-old-space-size=512']);
  assert.deepEqual(workerFlags(['--max-old-space-size=100', '-e', 'main()', '--inspect=9229', '--no-warnings', '--test-reporter', 'spec'], 256), ['--no-warnings', '--max-old-space-size=256']);
});
