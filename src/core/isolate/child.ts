// The entry of a worker process (forked by worker.ts): imports the module a job names, calls the
// function and sends back what it returns, one job at a time. Only plain data crosses (structured
// clone): bytes in, a result out. It ends with its parent (the IPC channel closes).
interface JobMessage {
  id: number;
  module: string;
  /** Only import the module (before its first job, outside the job's time limit). */
  load?: true;
  fn: string;
  args: unknown[];
}

// Under tsx (tests, bench) source maps are on: every module loaded would have its map parsed and
// kept (pdfjs: 2.4 MB of map, about a second and 80 MB). A worker's errors travel as messages only.
process.setSourceMapsEnabled(false);

const send = (message: unknown) => process.send!(message);

process.on('message', async (raw) => {
  const job = raw as JobMessage;
  try {
    const mod = (await import(job.module)) as Record<string, unknown>;
    if (job.load) {
      // A module may export warmUp(): the readers it imports lazily (pdfjs, mammoth) are loaded here,
      // outside any job's time limit, so that a new worker after a killed one starts as fast as the first.
      if (typeof mod['warmUp'] === 'function') await (mod['warmUp'] as () => Promise<void>)();
      return send({ id: job.id, ok: true, value: null });
    }
    const fn = mod[job.fn];
    if (typeof fn !== 'function') throw new Error(`${job.module} has no exported function ${job.fn}`);
    const value = await (fn as (...args: unknown[]) => unknown)(...job.args);
    send({ id: job.id, ok: true, value });
  } catch (e) {
    const err = e as Error;
    send({ id: job.id, ok: false, error: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` });
  }
});
// a library's stray rejection after its job answered must not end a worker that is fine
process.on('unhandledRejection', () => {});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
