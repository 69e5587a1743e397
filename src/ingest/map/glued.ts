// Digit runs whose cell boundaries an export dropped: a row printed as
// `801000081` for the seven columns 80|1|0|0|0|0|81. The printed digits are
// all there; only the cuts are lost. The table's own arithmetic is the judge:
//   1. a row's candidate readings are the cuts of its run into as many numbers
//      as the row has columns (no number with a leading 0) that satisfy the
//      equations within the row (table 3's row total, table 4's group totals);
//   2. the table's readings are the combinations of row readings that satisfy
//      every equation of the table (the 勾稽 of each column) with the cells read
//      as printed elsewhere;
//   3. a cell is given only when every surviving table reading agrees on it.
// The search is bounded (nodes, readings, time): past a bound, only the cells
// that every candidate of their row agrees on are given, and only when some
// table reading exists at all. No reading at all means the printed arithmetic
// is broken, and nothing of the runs is given.
import type { Equation, Var } from './arithmetic.ts';

/** Limits of the search; generous for a real table, small enough to answer in milliseconds. */
export interface GluedLimits {
  /** Candidate cuts kept per row. */
  cuts: number;
  /** Search nodes (partial cuts of one row, partial table readings). */
  nodes: number;
  /** Table readings counted before the search stops. */
  readings: number;
  /** Wall-clock budget of one table, in ms. */
  ms: number;
}

export const GLUED_LIMITS: GluedLimits = { cuts: 5000, nodes: 400_000, readings: 2000, ms: 300 };

/** Whether a printed cell is a run of digits that may hold several numbers (no sign, no decimal point). */
export const isDigitRun = (text: string): boolean => /^\d+$/.test(text.trim());

/**
 * Every cut of `digits` into `width` numbers without a leading 0, kept when `accept`
 * holds for the numbers so far (called after each number, with the index just
 * placed, so a row total can prune as soon as it is placed). null past the limits.
 */
export function digitCuts(
  digits: string,
  width: number,
  accept: (parts: readonly number[], placed: number) => boolean,
  limits: Pick<GluedLimits, 'cuts' | 'nodes'> = GLUED_LIMITS,
): number[][] | null {
  const out: number[][] = [];
  const parts: number[] = [];
  let nodes = 0;
  let overflow = false;
  const walk = (from: number): void => {
    if (overflow) return;
    if (++nodes > limits.nodes) {
      overflow = true;
      return;
    }
    const left = width - parts.length;
    if (left === 0) {
      if (from === digits.length) {
        if (out.length >= limits.cuts) overflow = true;
        else out.push([...parts]);
      }
      return;
    }
    const rest = digits.length - from;
    if (rest < left) return;
    // a number with a leading 0 is 0 itself
    const longest = digits[from] === '0' ? 1 : rest - (left - 1);
    for (let len = 1; len <= longest; len++) {
      parts.push(Number(digits.slice(from, from + len)));
      if (accept(parts, parts.length - 1)) walk(from + len);
      parts.pop();
      if (overflow) return;
    }
  };
  walk(0);
  return overflow ? null : out;
}

/**
 * An `accept` for digitCuts from the equations within one row: each is checked
 * as soon as its last cell is placed. `position` names a cell of the row by its
 * index, or -1 for a cell outside the row (such equations are not used here).
 */
export function rowAcceptor(equations: readonly Equation[], position: (v: Var) => number): (parts: readonly number[], placed: number) => boolean {
  const own = equations
    .map((e) => ({ left: e.left.map(position), right: e.right.map(position) }))
    .filter((e) => [...e.left, ...e.right].every((p) => p >= 0))
    .map((e) => ({ ...e, last: Math.max(...e.left, ...e.right) }));
  return (parts, placed) => {
    for (const e of own) {
      if (e.last !== placed) continue;
      let s = 0;
      for (const p of e.left) s += parts[p]!;
      for (const p of e.right) s -= parts[p]!;
      if (s !== 0) return false;
    }
    return true;
  };
}

export interface GluedRow {
  key: string;
  /** The row's readings (each a value per column), all satisfying the row's own equations; at least one. */
  candidates: number[][];
}

export interface GluedSolution {
  /** Table readings found (capped at limits.readings). */
  readings: number;
  /** The search stopped at a limit: `readings` is a lower bound. */
  capped: boolean;
  /** Per row, per column: the value every reading agrees on, else null. */
  agreed: Map<string, (number | null)[]>;
  /** Rows that no equation of the table touches: decided by their own candidates alone. */
  free: Set<string>;
}

interface Term {
  /** row index among the glued rows, or -1 for a constant/unknown */
  row: number;
  pos: number;
  /** value of a known cell; null for an unknown cell (≥ 0, no upper bound) */
  value: number | null;
}

/**
 * The table readings: one candidate per glued row such that every equation can
 * still hold with the other cells (`known`: a number read as printed, or null
 * for a cell not known, taken as any count ≥ 0). `cellName(key, pos)` names a
 * glued row's cell as the equations do.
 */
export function solveGlued(
  rows: readonly GluedRow[],
  equations: readonly Equation[],
  known: ReadonlyMap<Var, number | null>,
  cellName: (key: string, pos: number) => Var,
  limits: GluedLimits = GLUED_LIMITS,
): GluedSolution {
  const where = new Map<Var, { row: number; pos: number }>();
  rows.forEach((r, i) => r.candidates[0]?.forEach((_, pos) => where.set(cellName(r.key, pos), { row: i, pos })));
  const term = (v: Var): Term => {
    const w = where.get(v);
    if (w) return { ...w, value: null };
    const k = known.get(v);
    return { row: -1, pos: -1, value: typeof k === 'number' ? k : null };
  };
  const eqs = equations
    .map((e) => ({ left: e.left.map(term), right: e.right.map(term) }))
    .filter((e) => [...e.left, ...e.right].some((t) => t.row >= 0));
  // each equation is checked when a row it touches is chosen
  const touching = rows.map((_, i) => eqs.filter((e) => [...e.left, ...e.right].some((t) => t.row === i)));
  // a row no equation of the table touches (table 2) is decided by its own candidates, outside the
  // search; the others fewest candidates first, so forced rows narrow the rest early
  const free = rows.map((_, i) => touching[i]!.length === 0);
  const order = rows
    .map((_, i) => i)
    .filter((i) => !free[i])
    .sort((a, b) => rows[a]!.candidates.length - rows[b]!.candidates.length);
  // bounds of a row's cells over its candidates, for rows not chosen yet
  const lo = rows.map((r) => r.candidates[0]!.map((_, pos) => Math.min(...r.candidates.map((c) => c[pos]!))));
  const hi = rows.map((r) => r.candidates[0]!.map((_, pos) => Math.max(...r.candidates.map((c) => c[pos]!))));
  const chosen: (number[] | null)[] = rows.map(() => null);

  const range = (side: Term[]): [number, number] => {
    let a = 0;
    let b = 0;
    for (const t of side) {
      if (t.row < 0) {
        if (t.value === null) b = Infinity;
        else {
          a += t.value;
          b += t.value;
        }
        continue;
      }
      const c = chosen[t.row];
      a += c ? c[t.pos]! : lo[t.row]![t.pos]!;
      b += c ? c[t.pos]! : hi[t.row]![t.pos]!;
    }
    return [a, b];
  };
  const possible = (row: number) =>
    touching[row]!.every((e) => {
      const [la, lb] = range(e.left);
      const [ra, rb] = range(e.right);
      return la <= rb && ra <= lb;
    });

  const agreed = new Map<string, (number | null)[]>();
  const differs = rows.map((r) => r.candidates[0]!.map(() => false));
  let readings = 0;
  let nodes = 0;
  let capped = false;
  const started = Date.now();
  const walk = (depth: number): void => {
    if (capped) return;
    if (depth === order.length) {
      readings++;
      rows.forEach((r, i) => {
        if (free[i]) return;
        const now = chosen[i]!;
        const seen = agreed.get(r.key);
        if (!seen) agreed.set(r.key, [...now]);
        else now.forEach((v, pos) => (differs[i]![pos] ||= seen[pos] !== v));
      });
      if (readings >= limits.readings) capped = true;
      return;
    }
    const row = order[depth]!;
    for (const c of rows[row]!.candidates) {
      if (++nodes > limits.nodes || ((nodes & 1023) === 0 && Date.now() - started > limits.ms)) {
        capped = true;
        return;
      }
      chosen[row] = c;
      if (possible(row)) walk(depth + 1);
      chosen[row] = null;
      if (capped) return;
    }
  };
  walk(0);

  for (const [i, r] of rows.entries()) {
    // past a limit the readings are not all known: keep only what every candidate of a row agrees on
    if (!free[i] && !capped) continue;
    differs[i] = r.candidates[0]!.map((v, pos) => r.candidates.some((c) => c[pos] !== v));
    agreed.set(r.key, [...r.candidates[0]!]);
  }
  for (const [i, r] of rows.entries()) {
    const a = agreed.get(r.key);
    if (a) agreed.set(r.key, a.map((v, pos) => (differs[i]![pos] ? null : v)));
  }
  // no reading at all: the printed arithmetic is broken, and no cut can be trusted
  if (readings === 0) agreed.clear();
  return { readings, capped, agreed, free: new Set(rows.filter((_, i) => free[i]).map((r) => r.key)) };
}
