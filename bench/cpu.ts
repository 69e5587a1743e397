// CPU time of processes from /proc (Linux; clock ticks of 10 ms): a figure per request that the
// machine's varying speed, which moves requests per second from run to run, moves much less.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10;

/** User + system CPU time (ms) of these processes, or null when one cannot be read (not Linux, ended). */
export function cpuMs(pids: readonly number[]): number | null {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return null;
    }
  }
  return ticks * TICK_MS;
}

/** PostgreSQL's processes when the server runs on this machine (none when it is elsewhere). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // the process has ended
    }
  }
  return pids;
}

/** CPU µs per request between two readings, or null when either is missing. */
export const cpuPerRequest = (before: number | null, after: number | null, requests: number) =>
  before === null || after === null || !requests ? null : ((after - before) * 1000) / requests;
