// The Node flags a worker process takes from its parent: loaders and options (tsx's `--import` in
// tests and benchmarks) yes; what would make it another program or fight its limits no — a script
// to evaluate, a debugger port, the test runner, a heap cap of the parent's.
const DROPPED = /^--(inspect|debug|test|watch|max-old-space-size|cpu-prof|heap-prof|prof)|^-(i|c)$|^--(interactive|check)$/;
/** Flags whose value is the next argument, dropped with it. */
const DROPPED_WITH_VALUE = new Set(['-e', '--eval', '-p', '--print', '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--test-concurrency', '--inspect-port', '--watch-path']);

export function workerFlags(execArgv: readonly string[], maxMemoryMb: number): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (DROPPED_WITH_VALUE.has(flag)) i++;
    else if (!DROPPED.test(flag)) kept.push(flag);
  }
  return [...kept, `--max-old-space-size=${maxMemoryMb}`];
}
