// The tables' own arithmetic as linear equations over cells (Σ left = Σ right,
// every count ≥ 0), and bound propagation over them: which cells a set of
// equations fixes to one value, and whether a set of equations can hold at all
// given the cells that are known. Used to place the cells of rows that lost
// some (which placement breaks fewer parts of the table) and to derive lost
// cells where the arithmetic leaves exactly one possible value.

/** A cell, named like the validator names it: table3.granted[0]. */
export type Var = string;

export interface Equation {
  left: Var[];
  right: Var[];
}

type Bounds = Map<Var, [number, number]>;

const EPS = 1e-9;

function boundsOf(vars: Iterable<Var>, known: ReadonlyMap<Var, number | null>): Bounds {
  const b: Bounds = new Map();
  for (const v of vars) {
    const k = known.get(v);
    b.set(v, k === null || k === undefined ? [0, Infinity] : [k, k]);
  }
  return b;
}

function sum(vars: Var[], b: Bounds, end: 0 | 1): number {
  let s = 0;
  for (const v of vars) s += b.get(v)![end];
  return s;
}

/**
 * Tightens the bounds of the unknown cells until nothing changes. Returns null
 * when the equations cannot all hold (some cell would need lo > hi).
 */
export function propagate(equations: readonly Equation[], known: ReadonlyMap<Var, number | null>): Bounds | null {
  const vars = new Set<Var>();
  for (const e of equations) for (const v of [...e.left, ...e.right]) vars.add(v);
  const b = boundsOf(vars, known);
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const e of equations) {
      for (const [same, other] of [
        [e.left, e.right],
        [e.right, e.left],
      ] as const) {
        const otherLo = sum(other, b, 0);
        const otherHi = sum(other, b, 1);
        const sameLo = sum(same, b, 0);
        const sameHi = sum(same, b, 1);
        if (sameLo > otherHi + EPS || otherLo > sameHi + EPS) return null;
        for (const v of same) {
          const [lo, hi] = b.get(v)!;
          // v = Σother − Σ(same without v); summed again, as ∞ − ∞ is not 0
          const rest = same.filter((x) => x !== v);
          const restLo = sum(rest, b, 0);
          const restHi = sum(rest, b, 1);
          const newLo = Math.max(lo, otherLo - restHi);
          const newHi = Math.min(hi, otherHi - restLo);
          if (newLo > newHi + EPS) return null;
          if (newLo > lo + EPS || newHi < hi - EPS) {
            b.set(v, [newLo, Math.max(newLo, newHi)]);
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
  return b;
}

/** Whether the equations can all hold with the known cells and unknown cells ≥ 0. */
export function feasible(equations: readonly Equation[], known: ReadonlyMap<Var, number | null>): boolean {
  return propagate(equations, known) !== null;
}

/** Whether every cell of the equation is known (the equation can be checked as printed). */
export function fullyKnown(e: Equation, known: ReadonlyMap<Var, number | null>): boolean {
  return [...e.left, ...e.right].every((v) => typeof known.get(v) === 'number');
}

/** Whether a fully known equation holds. */
export function holds(e: Equation, known: ReadonlyMap<Var, number | null>): boolean {
  const s = (vs: Var[]) => vs.reduce((a, v) => a + (known.get(v) as number), 0);
  return Math.abs(s(e.left) - s(e.right)) < EPS;
}

/**
 * The unknown cells the equations fix to exactly one value (bounds collapse),
 * with that value. Empty when the equations contradict the known cells.
 */
export function derive(equations: readonly Equation[], known: ReadonlyMap<Var, number | null>): Map<Var, number> {
  const b = propagate(equations, known);
  const out = new Map<Var, number>();
  if (!b) return out;
  for (const [v, [lo, hi]] of b) {
    if (typeof known.get(v) === 'number') continue;
    if (Number.isFinite(hi) && hi - lo < EPS) out.set(v, Math.round(lo * 1e6) / 1e6);
  }
  return out;
}

/** Whether `values[total]` is printed and equals the sum of `values[parts]`, all printed. */
export function totalHolds(values: readonly (number | null | undefined)[], total: number, parts: readonly number[]): boolean {
  const t = values[total];
  if (typeof t !== 'number') return false;
  let s = 0;
  for (const p of parts) {
    const v = values[p];
    if (typeof v !== 'number') return false;
    s += v;
  }
  return Math.abs(s - t) < EPS;
}

/**
 * Two readings of the same printed cells that differ (the values straight after
 * the row label, and the values under the columns the table's geometry gives):
 * keep one only when it satisfies the arithmetic and the other does not; when
 * both or neither do, the arithmetic cannot decide (null).
 */
export function chooseReading(straightOk: boolean, positionedOk: boolean): 'straight' | 'positioned' | null {
  if (straightOk && !positionedOk) return 'straight';
  if (positionedOk && !straightOk) return 'positioned';
  return null;
}

/**
 * Which of the `candidates` (cells printed blank, unknown in `known`) read as 0:
 * those that some group of equations, able to hold, fixes to exactly 0 (a row
 * total equal to the sum of the other printed cells), where no other group
 * able to hold would be broken by a 0. A group already broken by the printed
 * cells decides nothing; a group with too many unknowns does not confirm a 0.
 * Decided one cell after the other, in order; a 0 kept counts for the next.
 */
export function confirmedZeros(groups: readonly (readonly Equation[])[], known: ReadonlyMap<Var, number | null>, candidates: readonly Var[]): Set<Var> {
  const k = new Map(known);
  const zeros = new Set<Var>();
  for (const v of candidates) {
    const mine = groups.filter((g) => g.some((e) => e.left.includes(v) || e.right.includes(v)) && feasible(g, k));
    const fixed = mine.some((g) => {
      const b = propagate(g, k)!.get(v);
      return b !== undefined && b[1] < EPS;
    });
    if (!fixed) continue;
    k.set(v, 0);
    if (mine.every((g) => feasible(g, k))) zeros.add(v);
    else k.set(v, null);
  }
  return zeros;
}

/**
 * Which of the `blanks` (cells printed blank, unknown in `known`) read as 0 the way a blank
 * usually means: all of them, except those in a group of equations that 0 would break. A group
 * broken with every blank as 0 gives up its blanks (they become unknown) and the check runs
 * again, until every group left holds: a total row cut off by a page break, or a row total the
 * agency left blank, is then unknown (and derived where the rest fixes it), never a wrong 0.
 */
export function blankZeros(groups: readonly (readonly Equation[])[], known: ReadonlyMap<Var, number | null>, blanks: readonly Var[]): Set<Var> {
  const zeros = new Set(blanks);
  const varsOf = groups.map((g) => new Set(g.flatMap((e) => [...e.left, ...e.right])));
  for (;;) {
    const k = new Map(known);
    for (const v of zeros) k.set(v, 0);
    const giving = groups.flatMap((g, i) => (feasible(g, k) ? [] : [...varsOf[i]!].filter((v) => zeros.has(v))));
    if (giving.length === 0) return zeros;
    for (const v of giving) zeros.delete(v);
  }
}
