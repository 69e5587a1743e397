// Test aid: jobs that behave as the worst documents do — loop for ever, allocate without bound,
// crash their process — and well-behaved ones, for the tests and the benchmark of the isolate kit.
// Only ever run inside a worker process (src/core/isolate/pool.ts); nothing in production names it.

export function echo(value: unknown): unknown {
  return value;
}

export function byteLength(bytes: Uint8Array): number {
  return bytes.byteLength;
}

/** The worker's process id: tells whether two jobs ran in the same worker. */
export function pid(): number {
  return process.pid;
}

export function loopForever(): never {
  for (;;) {
    // a parser stuck on a cyclic structure never yields to the event loop
  }
}

/** Holds on to ever more JavaScript objects (the heap grows until V8's cap or the memory watch). */
export function allocateObjects(): never {
  const kept: unknown[] = [];
  for (;;) kept.push({ a: Math.random(), b: `${Math.random()}`, c: [1, 2, 3] });
}

/** Holds on to ever more buffers: memory outside V8's heap, which only the resident-memory watch sees. */
export async function allocateBuffers(): Promise<never> {
  const kept: Buffer[] = [];
  for (;;) {
    kept.push(Buffer.alloc(16 * 1024 * 1024, 1));
    await new Promise((r) => setImmediate(r));
  }
}

export function throwError(message: string): never {
  throw new Error(message);
}

export function exitProcess(code: number): never {
  process.exit(code);
}

export function sleep(ms: number): Promise<string> {
  return new Promise((resolve) => setTimeout(() => resolve('slept'), ms));
}
