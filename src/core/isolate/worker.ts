// One worker process of a pool: forked from child.ts with the parent's loader flags (tsx in tests)
// and a V8 heap cap, it runs one job at a time under a wall-clock timer and a watch on its resident
// memory; past either limit it is killed at once (SIGKILL: a job stuck in a loop never yields).
// Its stderr is kept only to tell a heap overflow from other crashes.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IsolateError } from './errors.ts';
import { workerFlags } from './flags.ts';
import type { IsolateLimits } from './limits.ts';
import { residentMb } from './memory.ts';
import { siblingModule } from './module-url.ts';

const CHILD = fileURLToPath(siblingModule(import.meta.url, './child'));
/** How often the memory of a busy worker is read (a read of /proc costs some microseconds). */
const MEMORY_POLL_MS = 25;
/** Starting a process (and, in tests, tsx) is not the job's time; this bounds it separately. */
const START_TIMEOUT_MS = 30_000;
/** What V8 and Node print when a heap cap is reached. */
const HEAP_OVERFLOW = /heap out of memory|Reached heap limit|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/i;

export interface JobRequest {
  module: string;
  fn: string;
  args: unknown[];
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | { ready: true };

export class IsolateWorker {
  readonly process: ChildProcess;
  /** Jobs this worker has run. */
  jobs = 0;
  /** The largest resident memory seen, in MB. */
  peakMb = 0;
  private exited = false;
  private stderrTail = '';
  private nextId = 1;
  private readonly ready: Promise<void>;
  /** Modules imported in this worker (a new worker loads them again). */
  private readonly loaded = new Set<string>();

  private constructor(
    private readonly limits: IsolateLimits,
    inheritedArgv: readonly string[],
  ) {
    this.process = fork(CHILD, [], {
      execArgv: workerFlags(inheritedArgv, limits.maxMemoryMb),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.process.stderr!.setEncoding('utf8').on('data', (s: string) => {
      this.stderrTail = (this.stderrTail + s).slice(-4096);
    });
    // the pipe alone must not keep the parent alive (hold() decides that by the IPC channel)
    (this.process.stderr as unknown as { unref?: () => void }).unref?.();
    this.process.once('exit', () => {
      this.exited = true;
    });
    // a failed send or kill is an 'error' event; the job learns of it through 'close' (unhandled, it would end the parent)
    this.process.on('error', () => {});
    this.ready = new Promise<void>((resolve, reject) => {
      const settle = (detail: string | null) => {
        clearTimeout(timer);
        this.process.off('error', onError).off('exit', onExit).off('message', onReady);
        if (detail === null) return resolve();
        this.kill();
        reject(new IsolateError('crashed', limits, detail));
      };
      const timer = setTimeout(() => settle('启动超时'), START_TIMEOUT_MS);
      const onError = (e: Error) => settle(e.message);
      const onExit = (code: number | null, signal: string | null) => settle(`启动时退出：${signal ?? code}`);
      const onReady = () => settle(null);
      this.process.on('error', onError).on('exit', onExit).on('message', onReady);
    });
  }

  /** A started worker, ready for jobs; it runs with the parent's flags (tsx's loader in tests) unless given others. */
  static async start(limits: IsolateLimits, execArgv: readonly string[] = process.execArgv): Promise<IsolateWorker> {
    const w = new IsolateWorker(limits, execArgv);
    w.hold(true);
    await w.ready;
    w.hold(false);
    return w;
  }

  get alive(): boolean {
    return !this.exited && this.process.exitCode === null && this.process.signalCode === null && this.process.connected;
  }

  /** Resident memory now, in MB (null where it cannot be read). */
  memoryMb(): number | null {
    return this.process.pid === undefined ? null : residentMb(this.process.pid);
  }

  /**
   * An idle worker does not keep the parent alive (a CLI command ends when its work is done);
   * a busy one does, or the parent could exit while waiting for the answer.
   */
  hold(busy: boolean): void {
    const channel = this.process.channel as { ref?: () => void; unref?: () => void } | undefined;
    if (busy) {
      this.process.ref();
      channel?.ref?.();
    } else {
      this.process.unref();
      channel?.unref?.();
    }
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /**
   * Runs one job; past a limit the worker is killed and the job rejects with an IsolateError. The
   * job's module is loaded first, with its warmUp() when it exports one (the readers it imports lazily),
   * outside the time limit: the limit is for reading the document, and loading a reader (pdfjs: a second
   * under tsx on a busy machine) must not make every document after a killed worker time out.
   */
  async run(job: JobRequest): Promise<unknown> {
    if (!this.loaded.has(job.module)) {
      await this.load(job.module);
      this.loaded.add(job.module);
    }
    return this.runTimed(job);
  }

  /** Imports a module in the worker, bounded like a start. */
  private load(module: string): Promise<void> {
    const { limits } = this;
    const id = this.nextId++;
    this.hold(true);
    return new Promise<void>((resolve, reject) => {
      const done = (error: IsolateError | null) => {
        clearTimeout(timer);
        this.process.off('message', onMessage).off('exit', onExit);
        this.hold(false);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        this.kill();
        done(new IsolateError('crashed', limits, '加载读取模块超时'));
      }, START_TIMEOUT_MS);
      const onMessage = (raw: unknown) => {
        const reply = raw as Reply;
        if ('id' in reply && reply.id === id) done(reply.ok ? null : new IsolateError('failed', limits, reply.error));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => done(new IsolateError('crashed', limits, `加载时退出：${signal ?? code}`));
      this.process.on('message', onMessage).on('exit', onExit);
      try {
        this.process.send({ id, module, load: true });
      } catch (e) {
        done(new IsolateError('crashed', limits, (e as Error).message));
      }
    });
  }

  private runTimed(job: JobRequest): Promise<unknown> {
    const { limits } = this;
    const id = this.nextId++;
    this.jobs++;
    this.hold(true);
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = (error: IsolateError | null, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        clearTimeout(lateClose);
        this.process.off('message', onMessage).off('exit', onExit).off('close', onClose);
        this.hold(false);
        if (error) reject(error);
        else resolve(value);
      };
      // the job rejects once its worker is gone (onClose): its memory is free before another starts
      let verdict: 'timeout' | 'memory' | null = null;
      const killFor = (kind: 'timeout' | 'memory') => {
        verdict ??= kind;
        clearTimeout(timer);
        clearInterval(watch);
        this.kill();
      };
      const timer = setTimeout(() => killFor('timeout'), limits.timeoutMs);
      const watch = setInterval(() => {
        const mb = this.memoryMb();
        if (mb === null) return;
        this.peakMb = Math.max(this.peakMb, mb);
        if (mb > limits.maxMemoryMb) killFor('memory');
      }, MEMORY_POLL_MS);
      const onMessage = (raw: unknown) => {
        const reply = raw as Reply;
        if (!('id' in reply) || reply.id !== id) return;
        if (reply.ok) finish(null, reply.value);
        else finish(new IsolateError('failed', limits, reply.error));
      };
      // a crash is told from a heap overflow by stderr, read to its end at 'close' (or a second after
      // 'exit', should something else hold the pipe open)
      let lateClose: NodeJS.Timeout | undefined;
      const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
        if (verdict) finish(new IsolateError(verdict, limits));
        else if (HEAP_OVERFLOW.test(this.stderrTail)) finish(new IsolateError('memory', limits));
        else finish(new IsolateError('crashed', limits, `退出码 ${signal ?? code}`));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        lateClose = setTimeout(() => onClose(code, signal), 1000);
      };
      this.process.on('message', onMessage).on('exit', onExit).on('close', onClose);
      try {
        this.process.send({ id, ...job });
      } catch (e) {
        // arguments that cannot be cloned, or a channel that just closed
        finish(new IsolateError(this.alive ? 'failed' : 'crashed', limits, (e as Error).message));
      }
    });
  }
}
