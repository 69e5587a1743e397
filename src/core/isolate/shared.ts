// One pool per set of limits in a process: the document importer and the attachment reader share
// the configured workers (so `concurrency` bounds them together), and a test app configured with
// other limits gets a pool of its own. Idle workers do not keep a process alive.
import type { IsolateLimits } from './limits.ts';
import { createIsolatePool, type IsolatePool } from './pool.ts';

const pools = new Map<string, IsolatePool>();

export function sharedIsolatePool(limits: IsolateLimits): IsolatePool {
  const { timeoutMs, maxMemoryMb, concurrency, queueLength } = limits;
  const key = JSON.stringify([timeoutMs, maxMemoryMb, concurrency, queueLength]);
  let pool = pools.get(key);
  if (!pool) {
    pool = createIsolatePool({ timeoutMs, maxMemoryMb, concurrency, queueLength });
    pools.set(key, pool);
  }
  return pool;
}
