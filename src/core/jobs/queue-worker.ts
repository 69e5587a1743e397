// A worker for a durable queue in the database (one row per job, written in the transaction that
// makes the work): `drain` claims and runs due jobs until none is left. The loop runs it when woken
// (this process just queued work), every `pollMs` (work queued by other processes, jobs whose lease
// ran out, jobs left by a crash) and once at start (what a restart finds). Drains never overlap in
// one process; several processes may drain at once, since claims skip the rows another has locked.

export interface QueueWorkerLog {
  error(msg: string, err: unknown): void;
}

export interface QueueWorker {
  /** Run a drain soon (coalesced with one that is running or already asked for). */
  wake(): void;
  /** Stops the timer and waits for a running drain to finish. */
  stop(): Promise<void>;
}

export function startQueueWorker(opts: { name: string; drain: () => Promise<unknown>; pollMs: number; log?: QueueWorkerLog }): QueueWorker {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const loop = async () => {
    do {
      again = false;
      try {
        await opts.drain();
      } catch (err) {
        // A database that is away for a moment: the next wake or poll tries again.
        opts.log?.error(`${opts.name} failed`, err);
      }
    } while (again && !stopped);
    running = null;
  };
  const wake = () => {
    if (stopped) return;
    if (running) again = true;
    else running = loop();
  };
  const poll = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      wake();
      poll();
    }, opts.pollMs);
    timer.unref();
  };
  wake();
  poll();

  return {
    wake,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running;
    },
  };
}
