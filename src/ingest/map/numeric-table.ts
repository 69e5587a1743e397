// Tables 3 and 4 from their found rows to numbers, without silent guesses:
// - a row whose cells are at known positions (grid) is read where printed;
// - a row that lost cells in a stream (fewer cells than columns, positions
//   unknown) is laid under the first or the last columns, whichever breaks
//   fewer parts of the table's arithmetic; with no clear winner only the cells
//   both placements agree on are kept;
// - cells still missing (or unreadable) are derived where the table's
//   arithmetic, which holds everywhere it can be checked, leaves one value;
// - a cell printed blank (tables 3 and 4) is 0 only where the arithmetic fixes
//   it to 0; otherwise it is derived like a lost cell, or null;
// - everything else stays null, with a finding.
import type { Table2CellKind } from '../../report/model/layout.ts';
import type { Finding } from '../../report/rules/rule.ts';
import type { SourceCell } from '../read/document.ts';
import { readCell } from '../normalize/cell-value.ts';
import type { CellProvenance, Confidence } from '../provenance.ts';
import { ingestFinding } from '../findings.ts';
import { blankZeros, confirmedZeros, derive, feasible, fullyKnown, holds, type Equation, type Var } from './arithmetic.ts';
import { digitCuts, isDigitRun, rowAcceptor, solveGlued, type GluedRow } from './glued.ts';

export interface TableEquation extends Equation {
  /** Kind of rule; a kind is used to derive cells only if it holds wherever it can be checked. */
  kind: string;
}

/** Equations checked together: one row's total, one column's 勾稽, one group of table 4. */
export interface EquationUnit {
  /** Chinese, for notes: 本行合计（总计 = 六类申请人之和） */
  name: string;
  equations: TableEquation[];
}

export interface NumericTableSpec {
  lines: readonly { key: string; width: number }[];
  units: readonly EquationUnit[];
  /** Machine name of a cell: table3.granted[0] (also the variable of the equations). */
  cellName(line: string, pos: number): string;
  /** Chinese locator of a cell / a line: 表三第3行“（一）予以公开”“自然人”列. */
  locator(line: string, pos: number): string;
  lineLocator(line: string): string;
  columnLabel(line: string, pos: number): string;
  /** What a cell holds (table 2 has signed counts, amounts and text); counts by default. */
  kindOf?(line: string, pos: number): Table2CellKind;
  /**
   * Whether a cell printed blank (no text at all) reads as 0. Tables 3 and 4 say no: a blank
   * is unknown until the table's arithmetic fixes it (a wrapped label's second line, a total
   * row cut by a page break are blank too). `/`, `-`, `无` still read as 0.
   */
  blankIsZero?: boolean;
}

export interface LineInput {
  /** Cells at known positions (HTML, Word, PDF); a hole is a cell not printed at all. */
  positioned?: (SourceCell | undefined)[];
  /** A hole is a cell printed blank (a PDF shows no text there), not a lost cell. */
  blankHoles?: boolean;
  /** Cells in order without positions (text where each cell is a line). */
  sequence?: SourceCell[];
  /**
   * The row's cells could not be placed with certainty (Chinese: why); its cells are null
   * unless the table's arithmetic derives them, and the mapper reports the row itself.
   */
  rejected?: string;
}

export interface NumericResult {
  values: Map<string, (number | string | null)[]>;
  provenance: CellProvenance[];
  findings: Finding[];
}

interface Slot {
  value: number | string | null;
  raw: string | null;
  cell: SourceCell | null;
  confidence: Confidence;
  note?: string;
  /** null because nothing was printed there (as opposed to unreadable text) */
  lost: boolean;
  /** null because the cell was printed blank (it may be 0, or a value lost to the layout) */
  blank?: boolean;
}

const isBlank = (c: SourceCell) => !c.text.trim() || /^(?:&nbsp;|\s|\u00a0|\u3000)*$/.test(c.text);

const lostSlot = (note: string): Slot => ({ value: null, raw: null, cell: null, confidence: 'uncertain', note, lost: true });
const BLANK_NOTE = '印为空白，不能确定是 0 还是缺失的数';
const blankSlot = (cell: SourceCell | null): Slot => ({ value: null, raw: cell ? cell.text : '', cell, confidence: 'uncertain', note: BLANK_NOTE, lost: true, blank: true });

function readSlot(cell: SourceCell, kind: Table2CellKind, blankIsZero = true): Slot {
  if (!blankIsZero && kind !== 'text' && isBlank(cell)) return blankSlot(cell);
  const r = readCell(cell.text, kind);
  if (r.status === 'unreadable') {
    return { value: null, raw: cell.text, cell, confidence: 'uncertain', note: `原文“${cell.text}”无法识别为数字`, lost: false };
  }
  const slot: Slot = { value: r.value, raw: cell.text, cell, confidence: r.note ? 'uncertain' : 'exact', lost: false };
  if (r.status === 'empty') slot.note = cell.text.trim() ? `印为“${cell.text.trim()}”，按 0 计` : '印为空白，按 0 计';
  if (r.note) slot.note = r.note;
  if (cell.copy) slot.note = '合并单元格，取合并格中印的数';
  return slot;
}

/** A printed count, or null for a cell not printed, printed blank or unreadable (to check a reading's arithmetic). */
export function printedCount(c: SourceCell | undefined): number | null {
  if (!c || isBlank(c)) return null;
  const v = readCell(c.text).value;
  return typeof v === 'number' ? v : null;
}

type Side = 'start' | 'end';
const SIDE_NAMES: Record<Side, string> = { start: '前', end: '后' };

export function resolveNumericTable(spec: NumericTableSpec, inputs: ReadonlyMap<string, LineInput>): NumericResult {
  const findings: Finding[] = [];
  const slots = new Map<string, Slot[]>();
  const blankIsZero = spec.blankIsZero !== false;
  const read = (line: string, pos: number, cell: SourceCell) => readSlot(cell, spec.kindOf?.(line, pos) ?? 'count', blankIsZero);
  const short = new Map<string, SourceCell[]>();
  const equations = spec.units.flatMap((u) => u.equations);
  // rows printed as one digit run (801000081): their candidate cuts, decided over the whole table below
  const glued = new Map<string, { cell: SourceCell; cuts: number[][] | null }>();

  for (const { key, width } of spec.lines) {
    const input = inputs.get(key);
    if (!input) {
      slots.set(key, Array.from({ length: width }, () => lostSlot('文档的表格中没有这一行')));
      continue;
    }
    if (input.rejected !== undefined) {
      slots.set(key, Array.from({ length: width }, () => lostSlot(input.rejected!)));
      continue;
    }
    if (input.positioned) {
      const row = Array.from({ length: width }, (_, pos) => {
        const cell = input.positioned![pos];
        if (cell) return read(key, pos, cell);
        if (input.blankHoles && !blankIsZero) return blankSlot(null);
        if (input.blankHoles) {
          const zero = spec.kindOf?.(key, pos) === 'text' ? '0' : 0;
          return { value: zero, raw: '', cell: null, confidence: 'exact' as const, note: 'PDF 中这一格没有文字（印为空白），按 0 计', lost: false };
        }
        return lostSlot('原文这一格缺失（该行单元格不足）');
      });
      slots.set(key, row);
      continue;
    }
    let seq = [...(input.sequence ?? [])];
    // a scraper pads every row with empty cells to the same count: trailing empties are padding
    while (seq.length > 0 && isBlank(seq[seq.length - 1]!)) seq.pop();
    while (seq.length > width && isBlank(seq[0]!)) seq.shift();
    if (seq.length === width) {
      slots.set(key, seq.map((cell, pos) => read(key, pos, cell)));
    } else if (seq.length > width) {
      slots.set(key, Array.from({ length: width }, () => lostSlot(`原文这一行有 ${seq.length} 格，多于 ${width} 列，无法对应`)));
      findings.push(
        ingestFinding('ingest.row-extra-cells', {
          cells: Array.from({ length: width }, (_, i) => spec.cellName(key, i)),
          message: `${spec.lineLocator(key)}有 ${seq.length} 格数字（${seq.map((c) => c.text.trim() || '空').join('、')}），多于 ${width} 列，无法确定各格对应哪一列，记为 null`,
        }),
      );
    } else {
      const cuts = seq.length === 1 && width > 1 ? gluedCuts(spec, key, width, seq[0]!, equations) : undefined;
      if (cuts !== undefined) glued.set(key, { cell: seq[0]!, cuts });
      else short.set(key, seq);
      slots.set(key, Array.from({ length: width }, () => lostSlot('')));
    }
  }
  const knownOf = (s: Map<string, Slot[]>) => {
    const m = new Map<Var, number | null>();
    for (const [line, row] of s) {
      row.forEach((slot, pos) => m.set(spec.cellName(line, pos), typeof slot.value === 'number' ? slot.value : null));
    }
    return m;
  };
  const place = (side: Side): Map<string, Slot[]> => {
    const s = new Map([...slots].map(([k, row]) => [k, [...row]]));
    for (const [key, seq] of short) {
      const width = s.get(key)!.length;
      const offset = side === 'start' ? 0 : width - seq.length;
      const row = s.get(key)!;
      seq.forEach((cell, i) => (row[offset + i] = read(key, offset + i, cell)));
    }
    return s;
  };
  if (glued.size > 0) findings.push(...readGlued(spec, glued, slots, short, equations, knownOf));

  const broken = (s: Map<string, Slot[]>) => {
    const known = knownOf(s);
    return spec.units.filter((u) => !feasible(u.equations, known)).length;
  };

  if (short.size > 0) {
    const bySide = { start: place('start'), end: place('end') };
    const score = { start: broken(bySide.start), end: broken(bySide.end) };
    const chosen: Side | null = score.start < score.end ? 'start' : score.end < score.start ? 'end' : null;
    const shortGroups = new Map<string, { keys: string[]; printed: string[]; count: number; width: number; decision: string }>();
    for (const [key, seq] of short) {
      const width = slots.get(key)!.length;
      const missing = width - seq.length;
      const printed = seq.map((c) => c.text.trim() || '空').join('、');
      let decision: string;
      if (chosen) {
        const clean = score[chosen] === 0;
        const confidence: Confidence = clean ? 'derived' : 'uncertain';
        const placed = bySide[chosen].get(key)!;
        const offset = chosen === 'start' ? 0 : missing;
        const why = clean
          ? `按${SIDE_NAMES[chosen]} ${seq.length} 列排列时表内勾稽、合计关系全部成立，按另一种排列有 ${score[chosen === 'start' ? 'end' : 'start']} 处不成立`
          : `按${SIDE_NAMES[chosen]} ${seq.length} 列排列时表内有 ${score[chosen]} 处勾稽、合计关系不成立，少于另一种排列的 ${score[chosen === 'start' ? 'end' : 'start']} 处；本表自身数字不一致，排列仍不确定`;
        const row = placed.map((slot, pos) => {
          if (pos >= offset && pos < offset + seq.length) return { ...slot, confidence: slot.value === null ? slot.confidence : confidence, note: `本行只印出 ${seq.length} 格（应为 ${width} 格），${why}` };
          return lostSlot(`本行只印出 ${seq.length} 格（应为 ${width} 格），这一格缺失`);
        });
        slots.set(key, row);
        const lostCols = row.flatMap((s, pos) => (s.lost && !s.blank ? [spec.columnLabel(key, pos)] : []));
        decision = `${why}，视为“${lostCols.join('”“')}”缺失`;
      } else {
        const a = bySide.start.get(key)!;
        const b = bySide.end.get(key)!;
        const row = a.map((sa, pos) => {
          const sb = b[pos]!;
          if (sa.value !== null && sb.value !== null && sa.value === sb.value) {
            return { ...sa, confidence: 'uncertain' as const, note: `本行只印出 ${seq.length} 格（应为 ${width} 格），无论按前 ${seq.length} 列还是后 ${seq.length} 列排列，这一格都是 ${sa.value}` };
          }
          return lostSlot(`本行只印出 ${seq.length} 格（应为 ${width} 格），按前、后 ${seq.length} 列排列这一格不同，表内关系也无法判断`);
        });
        slots.set(key, row);
        decision = `按前 ${seq.length} 列或后 ${seq.length} 列排列，表内勾稽、合计关系不成立的处数相同（${score.start} 处），无法判断缺的是哪几格，只保留两种排列相同的格`;
      }
      const group = shortGroups.get(`${seq.length}/${width}:${decision}`) ?? { keys: [], printed: [], count: seq.length, width, decision };
      group.keys.push(key);
      group.printed.push(printed);
      shortGroups.set(`${seq.length}/${width}:${decision}`, group);
    }
    // one finding for the rows that lost the same number of cells and were read the same way
    for (const g of shortGroups.values()) {
      const rows = g.keys.length === 1 ? `${spec.lineLocator(g.keys[0]!)}只有 ${g.count} 格（${g.printed[0]}）` : `${spec.lineLocator(g.keys[0]!)}等 ${g.keys.length} 行各只有 ${g.count} 格`;
      findings.push(
        ingestFinding('ingest.row-short', {
          cells: g.keys.flatMap((key) => Array.from({ length: g.width }, (_, i) => spec.cellName(key, i))),
          message: `${rows}，应为 ${g.width} 格；${g.decision}`,
        }),
      );
    }
  }

  // A cell printed blank is 0, as real reports print 0 (Shanghai 2019 left its zeros blank), except
  // where 0 would break a part of the table's arithmetic (a total row cut off by a page break, a
  // row total the agency left blank); those stay unknown, and are derived below where the rest
  // of the table fixes them, or else confirmed 0 only where a part of the arithmetic fixes 0.
  const blanks = [...slots].flatMap(([line, row]) => row.flatMap((s, pos) => (s.blank && s.value === null ? [{ line, pos }] : [])));
  if (blanks.length > 0) {
    const groups = spec.units.map((u) => u.equations);
    const names = blanks.map((b) => spec.cellName(b.line, b.pos));
    const usual = blankZeros(groups, knownOf(slots), names);
    const known = knownOf(slots);
    for (const v of usual) known.set(v, 0);
    const forced = confirmedZeros(groups, known, names.filter((v) => !usual.has(v)));
    for (const { line, pos } of blanks) {
      const name = spec.cellName(line, pos);
      if (!usual.has(name) && !forced.has(name)) continue;
      const row = slots.get(line)!;
      const slot = row[pos]!;
      const note = usual.has(name) ? '印为空白，按 0 计（表内合计、勾稽关系按 0 成立）' : '印为空白，表内合计、勾稽关系确定为 0，按 0 计';
      row[pos] = { ...slot, value: 0, blank: false, lost: false, confidence: short.has(line) ? slot.confidence : 'exact', note };
    }
  }

  // Derive what the table's own arithmetic fixes, using only kinds of equations
  // that hold wherever the printed table lets them be checked.
  const known = knownOf(slots);
  const kinds = new Map<string, { checked: number; broken: number }>();
  for (const e of equations) {
    if (!fullyKnown(e, known)) continue;
    const k = kinds.get(e.kind) ?? { checked: 0, broken: 0 };
    k.checked++;
    if (!holds(e, known)) k.broken++;
    kinds.set(e.kind, k);
  }
  const trusted = equations.filter((e) => {
    const k = kinds.get(e.kind);
    return k !== undefined && k.checked > 0 && k.broken === 0;
  });
  const derived = [...known.values()].some((v) => v === null) ? derive(trusted, known) : new Map<Var, number>();
  for (const [line, row] of slots) {
    row.forEach((slot, pos) => {
      const name = spec.cellName(line, pos);
      const value = derived.get(name);
      if (value === undefined) return;
      const units = spec.units.filter((u) => u.equations.some((e) => trusted.includes(e) && [...e.left, ...e.right].includes(name)));
      const before = slot.blank ? '原文印为空白' : slot.lost ? '原文缺失' : `原文“${slot.raw}”无法识别`;
      row[pos] = { ...slot, value, confidence: 'derived', note: `${before}，由${units.map((u) => u.name).join('、')}推出为 ${value}`, lost: false };
      findings.push(
        ingestFinding('ingest.cell-derived', {
          cells: [name],
          message: `${spec.locator(line, pos)}${before}，由${units.map((u) => u.name).join('、')}推出为 ${value}`,
          values: { [name]: value },
        }),
      );
    });
  }

  for (const [line, row] of slots) {
    const unreadable = row.flatMap((s, pos) => (s.value === null && !s.lost ? [pos] : []));
    for (const pos of unreadable) {
      findings.push(
        ingestFinding('ingest.cell-unreadable', {
          cells: [spec.cellName(line, pos)],
          message: `${spec.locator(line, pos)}印为“${row[pos]!.raw}”，无法识别为数字，表内关系也无法确定，记为 null`,
        }),
      );
    }
    const blank = row.flatMap((s, pos) => (s.value === null && s.blank ? [pos] : []));
    const rejected = inputs.get(line)?.rejected !== undefined;
    if (blank.length > 0 && !short.has(line) && !rejected) {
      findings.push(
        ingestFinding('ingest.cell-blank', {
          cells: blank.map((pos) => spec.cellName(line, pos)),
          message: `${spec.lineLocator(line)}“${blank.map((pos) => spec.columnLabel(line, pos)).join('”“')}”${blank.length > 1 ? '等格' : ''}印为空白，不能确定是 0 还是缺失的数，表内关系也无法确定，记为 null`,
        }),
      );
    }
    const lost = row.flatMap((s, pos) => (s.value === null && s.lost && !s.blank ? [pos] : []));
    if (lost.length > 0 && !short.has(line) && !rejected && !glued.has(line)) {
      const absent = !inputs.get(line);
      findings.push(
        ingestFinding(absent ? 'ingest.row-missing' : 'ingest.cell-lost', {
          cells: lost.map((pos) => spec.cellName(line, pos)),
          message: absent
            ? `文档的表格中没有${spec.lineLocator(line)}，该行各格记为 null`
            : `${spec.lineLocator(line)}“${lost.map((pos) => spec.columnLabel(line, pos)).join('”“')}”${lost.length > 1 ? '等格' : ''}缺失，表内关系也无法确定，记为 null`,
        }),
      );
    }
  }

  const values = new Map<string, (number | string | null)[]>();
  const provenance: CellProvenance[] = [];
  for (const { key } of spec.lines) {
    const row = slots.get(key)!;
    values.set(key, row.map((s) => s.value));
    row.forEach((s, pos) => {
      const p: CellProvenance = { cell: spec.cellName(key, pos), value: s.value, confidence: s.confidence, raw: s.raw, where: s.cell?.where ?? null };
      if (s.note) p.note = s.note;
      provenance.push(p);
    });
  }
  return { values, provenance, findings };
}

/**
 * The cuts of a row printed as one digit run into `width` numbers that satisfy the row's own
 * equations; null when there are too many to list; undefined when the cell is no such run
 * (or no cut fits, so it is read as a row that lost cells).
 */
function gluedCuts(spec: NumericTableSpec, key: string, width: number, cell: SourceCell, equations: readonly Equation[]): number[][] | null | undefined {
  const digits = cell.text.trim();
  if (!isDigitRun(digits) || digits.length < width) return undefined;
  if (spec.kindOf && Array.from({ length: width }, (_, pos) => spec.kindOf!(key, pos)).some((k) => k !== 'count')) return undefined;
  const names = new Map(Array.from({ length: width }, (_, pos) => [spec.cellName(key, pos), pos]));
  const cuts = digitCuts(digits, width, rowAcceptor(equations, (v) => names.get(v) ?? -1));
  return cuts && cuts.length === 0 ? undefined : cuts;
}

/** Decides the glued rows over the whole table (glued.ts) and fills their slots; returns the findings. */
function readGlued(
  spec: NumericTableSpec,
  glued: ReadonlyMap<string, { cell: SourceCell; cuts: number[][] | null }>,
  slots: Map<string, Slot[]>,
  short: ReadonlyMap<string, SourceCell[]>,
  equations: readonly Equation[],
  knownOf: (s: Map<string, Slot[]>) => Map<Var, number | null>,
): Finding[] {
  const findings: Finding[] = [];
  const rows: GluedRow[] = [...glued].flatMap(([key, g]) => (g.cuts ? [{ key, candidates: g.cuts }] : []));
  // rows that lost cells are placed later: unknown here
  const known = knownOf(new Map([...slots].filter(([key]) => !short.has(key))));
  const solution = solveGlued(rows, equations, known, spec.cellName);
  const tableWide = solution.capped
    ? solution.readings === 0
      ? '切法组合过多，超出检查上限，未找到使全表关系成立的读法'
      : '切法组合过多，超出检查上限，只取本行各种切法都相同的格'
    : solution.readings === 0
      ? '全表任何切法都不能使表内合计、勾稽关系成立（原表数字本身不一致）'
      : `结合全表勾稽关系共有 ${solution.readings} 种读法`;
  for (const [key, g] of glued) {
    const run = g.cell.text.trim();
    const width = slots.get(key)!.length;
    const values = solution.agreed.get(key);
    const own = !g.cuts
      ? '切法过多，无法逐一检查'
      : solution.free.has(key)
        ? `共有 ${g.cuts.length} 种切法，本行没有可核对的合计关系`
        : `满足本行自身关系的切法有 ${g.cuts.length} 种，${tableWide}`;
    const note = `原文“${run}”是连写在一起的 ${width} 个数（分隔已丢失），${own}`;
    slots.set(
      key,
      Array.from({ length: width }, (_, pos) => {
        const v = values?.[pos];
        if (v === undefined || v === null) return { ...lostSlot(`${note}，这一格在各种读法中不同`), raw: run, cell: g.cell };
        return { value: v, raw: run, cell: g.cell, confidence: 'derived' as const, note: `${note}，这一格在各种读法中都是 ${v}`, lost: false };
      }),
    );
    const open = Array.from({ length: width }, (_, pos) => pos).filter((pos) => values?.[pos] === undefined || values[pos] === null);
    findings.push(
      ingestFinding(open.length > 0 ? 'ingest.digits-ambiguous' : 'ingest.digits-cut', {
        cells: (open.length > 0 ? open : Array.from({ length: width }, (_, pos) => pos)).map((pos) => spec.cellName(key, pos)),
        message:
          open.length > 0
            ? `${spec.lineLocator(key)}${note}，“${open.map((pos) => spec.columnLabel(key, pos)).join('”“')}”${open.length > 1 ? '等格' : ''}无法确定，记为 null`
            : `${spec.lineLocator(key)}${note}，各格按唯一的读法切分`,
      }),
    );
  }
  return findings;
}
