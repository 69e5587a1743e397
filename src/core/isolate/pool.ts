// Runs exported functions of modules in worker processes, so that a document that takes a minute
// or a gigabyte to read costs a worker, not the server: a wall-clock timeout and a memory limit per
// job (the worker is killed past either and the job rejects with IsolateError), at most
// `concurrency` workers, at most `queueLength` jobs waiting (one more is refused at once, 'busy').
// Workers are child processes rather than worker threads: a thread does not inherit tsx's loader
// on Node 20, its resourceLimits leave buffers and typed arrays uncounted, and a process that runs
// out of memory takes nothing else with it. A worker is reused for further jobs until it fails,
// grows large, has run MAX_JOBS_PER_WORKER jobs, or has been idle for IDLE_MS: starting one costs
// some 200 ms from dist/ (0.6 s under tsx) and a reader's modules then load once (pdfjs: 0.1 s),
// while a job in a running worker costs under a millisecond more than in this process.
import { IsolateError } from './errors.ts';
import type { IsolateLimits } from './limits.ts';
import { IsolateWorker, type JobRequest } from './worker.ts';

const MAX_JOBS_PER_WORKER = 200;
const IDLE_MS = 60_000;
/** A worker holding more than this share of maxMemoryMb after a job is not given another. */
const KEEP_BELOW = 0.75;

export interface IsolateStats {
  running: number;
  queued: number;
  /** Worker processes alive now, and started since the pool was made. */
  workers: number;
  started: number;
  /** Jobs ended by each limit, and workers that ended by themselves. */
  timeouts: number;
  memoryKills: number;
  crashes: number;
  refused: number;
  /** The largest resident memory of one worker seen, in MB (0 where it cannot be read). */
  peakWorkerMb: number;
}

export interface IsolatePool {
  readonly limits: IsolateLimits;
  /** Calls `fn` of `module` (a file URL: siblingModule) in a worker with `args` (plain data). */
  run<F extends (...args: never[]) => unknown>(module: string, fn: string, args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
  stats(): IsolateStats;
  /** Ends every worker; jobs still waiting are refused. */
  close(): void;
}

interface Waiting {
  job: JobRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface IsolatePoolOptions {
  /** Node flags of the workers instead of this process's (a benchmark runs compiled code without tsx). */
  execArgv?: readonly string[];
}

export function createIsolatePool(limits: IsolateLimits, options: IsolatePoolOptions = {}): IsolatePool {
  const idle: { worker: IsolateWorker; timer: NodeJS.Timeout }[] = [];
  const waiting: Waiting[] = [];
  const workers = new Set<IsolateWorker>();
  let running = 0;
  let closed = false;
  const counts = { started: 0, timeouts: 0, memoryKills: 0, crashes: 0, refused: 0, peakWorkerMb: 0 };

  function retire(worker: IsolateWorker) {
    worker.kill();
    workers.delete(worker);
  }

  async function workerForJob(): Promise<IsolateWorker> {
    const kept = idle.pop();
    if (kept) {
      clearTimeout(kept.timer);
      if (kept.worker.alive) return kept.worker;
      workers.delete(kept.worker);
    }
    counts.started++;
    const worker = await IsolateWorker.start(limits, options.execArgv);
    workers.add(worker);
    return worker;
  }

  /**
   * After a job: keep the worker for the next one unless it is spent, or holds so much memory (a
   * heap does not shrink at once) that the next job could be blamed for what this one left.
   */
  function release(worker: IsolateWorker) {
    const mb = worker.memoryMb();
    if (closed || !worker.alive || worker.jobs >= MAX_JOBS_PER_WORKER || (mb !== null && mb > limits.maxMemoryMb * KEEP_BELOW)) {
      retire(worker);
      return;
    }
    const timer = setTimeout(() => {
      const at = idle.findIndex((i) => i.worker === worker);
      if (at >= 0) idle.splice(at, 1);
      retire(worker);
    }, IDLE_MS);
    timer.unref();
    idle.push({ worker, timer });
  }

  async function start(w: Waiting) {
    running++;
    let worker: IsolateWorker | null = null;
    try {
      worker = await workerForJob();
      w.resolve(await worker.run(w.job));
    } catch (e) {
      if (e instanceof IsolateError) {
        if (e.kind === 'timeout') counts.timeouts++;
        if (e.kind === 'memory') counts.memoryKills++;
        if (e.kind === 'crashed') counts.crashes++;
      }
      w.reject(e);
    } finally {
      running--;
      if (worker) {
        counts.peakWorkerMb = Math.max(counts.peakWorkerMb, worker.peakMb);
        release(worker);
      }
      const next = waiting.shift();
      if (next) void start(next);
    }
  }

  return {
    limits,
    run(module, fn, args) {
      return new Promise((resolve, reject) => {
        const w: Waiting = { job: { module, fn, args }, resolve: resolve as (v: unknown) => void, reject };
        if (closed) reject(new IsolateError('crashed', limits, '已关闭'));
        else if (running < limits.concurrency) void start(w);
        else if (waiting.length < limits.queueLength) waiting.push(w);
        else {
          counts.refused++;
          reject(new IsolateError('busy', limits));
        }
      });
    },
    stats: () => ({ running, queued: waiting.length, workers: workers.size, ...counts }),
    close() {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new IsolateError('crashed', limits, '已关闭'));
      for (const i of idle.splice(0)) clearTimeout(i.timer);
      for (const worker of workers) retire(worker);
    },
  };
}
