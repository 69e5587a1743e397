// The resident memory of a worker process, read by the parent from /proc (Linux): it works while
// the worker is stuck in a loop that would never answer a question, and counts what V8's heap
// limit does not (typed arrays, buffers). Elsewhere null: only the heap cap applies there.
import { readFileSync } from 'node:fs';

export function residentMb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
