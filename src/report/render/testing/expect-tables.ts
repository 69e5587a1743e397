// Test aid: checks that a rendered table, read back into a positional matrix
// (matrix[row][column] = what covers that position, merged cells repeated),
// shows every value of the report under the right labels. The expected
// positions follow the national template (domain-reference §B.3–§B.6) and
// are derived here from model/layout.ts, not from grid.ts, so the renderers
// are checked against the layout rather than against themselves.
import assert from 'node:assert/strict';
import {
  TABLE2_CONTENT_HEADER,
  TABLE3_COLUMNS,
  TABLE3_HEADER,
  TABLE3_SECTIONS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  table3Rows,
  type Table3Row,
} from '../../model/layout.ts';
import { table2Shape, table3Shape, type Table2, type Table3, type Table4 } from '../../model/report.ts';

export type Matrix = unknown[][];
/** Does the rendered content equal the report's value? (text for HTML/DOCX, typed for XLSX) */
export type Same = (rendered: unknown, value: number | string | null) => boolean;
/** Does the rendered content equal a label? */
export type IsLabel = (rendered: unknown, label: string) => boolean;

export const sameText: Same = (rendered, value) => String(rendered ?? '') === (value === null ? '' : String(value));
export const isText: IsLabel = (rendered, label) => String(rendered ?? '').replace(/\s+/g, '') === label;

function rowsWhere(m: Matrix, test: (row: unknown[]) => boolean): number[] {
  return m.flatMap((row, r) => (test(row) ? [r] : []));
}

export function checkTable2(m: Matrix, t: Table2, same: Same = sameText, is: IsLabel = isText): number {
  const values = t as unknown as Record<string, Record<string, number | string | null>>;
  let checked = 0;
  for (const section of table2Layout(table2Shape(t))) {
    for (const row of section.rows) {
      const found = rowsWhere(m, (cells) => is(cells[0], row.label));
      assert.equal(found.length, 1, `表二“${row.label}”应恰好出现一行，实际 ${found.length} 行`);
      const r = found[0]!;
      let header = r - 1;
      while (header >= 0 && !is(m[header]![0], TABLE2_CONTENT_HEADER)) header--;
      assert.ok(header > 0, `表二“${row.label}”上方应有“${TABLE2_CONTENT_HEADER}”表头`);
      for (let c = 0; c < 4; c++) assert.ok(is(m[header - 1]![c], section.caption), `表二“${section.caption}”应横跨 4 列`);
      section.columns.forEach((col, i) => {
        assert.ok(is(m[header]![1 + i], col.label), `表二表头第 ${2 + i} 列应为“${col.label}”`);
        const v = values[row.key]![col.key]!;
        assert.ok(same(m[r]![1 + i], v), `表二“${row.label}”“${col.label}”应为 ${v}，实际 ${String(m[r]![1 + i])}`);
        checked++;
      });
      // the last value cell spans the rest of the 4 columns (§B.3)
      for (let c = section.columns.length; c < 4; c++) {
        assert.ok(same(m[r]![c], values[row.key]![section.columns.at(-1)!.key]!), `表二“${row.label}”末格应延伸到第 ${c + 1} 列`);
      }
    }
  }
  return checked;
}

function table3Labels(r: Table3Row): [string, string, string] {
  if (r.part !== 'outcome' && r.part !== 'total') return [r.label, r.label, r.label];
  return [TABLE3_SECTIONS.outcomes, r.group ? r.group.label : r.label, r.label];
}

export function checkTable3(m: Matrix, t: Table3, same: Same = sameText, is: IsLabel = isText): number {
  const values = t as unknown as Record<string, (number | null)[]>;
  // header (§B.4): corner 3×3, 申请人情况 over 7 columns, 自然人/总计 down rows 2–3, 法人或其他组织 over 5
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) assert.ok(is(m[r]![c], TABLE3_HEADER.corner), `表三左上角格应覆盖 (${r},${c})`);
  for (let c = 3; c < 10; c++) assert.ok(is(m[0]![c], TABLE3_HEADER.applicants));
  assert.ok(is(m[1]![3], TABLE3_HEADER.naturalPerson) && is(m[2]![3], TABLE3_HEADER.naturalPerson));
  assert.ok(is(m[1]![9], TABLE3_HEADER.total) && is(m[2]![9], TABLE3_HEADER.total));
  TABLE3_HEADER.legalPersonColumns.forEach((label, i) => {
    assert.ok(is(m[1]![4 + i], TABLE3_HEADER.legalPersons));
    assert.ok(is(m[2]![4 + i], label), `表三表头“${label}”`);
  });
  let checked = 0;
  for (const row of table3Rows(table3Shape(t))) {
    const labels = table3Labels(row);
    const found = rowsWhere(m, (cells) => labels.every((l, c) => is(cells[c], l)));
    assert.equal(found.length, 1, `表三“${labels.join(' / ')}”应恰好出现一行，实际 ${found.length} 行`);
    TABLE3_COLUMNS.forEach((col, j) => {
      const v = values[row.key]![j]!;
      const got = m[found[0]!]![3 + j];
      assert.ok(same(got, v), `表三“${row.label}”“${col}”应为 ${v}，实际 ${String(got)}`);
      checked++;
    });
  }
  return checked;
}

export function checkTable4(m: Matrix, t: Table4, same: Same = sameText, is: IsLabel = isText): number {
  const dataRow = 3;
  let checked = 0;
  TABLE4_GROUPS.forEach((g, gi) => {
    TABLE4_COLUMNS.forEach((col, i) => {
      const c = gi * TABLE4_COLUMNS.length + i;
      assert.ok(is(m[0]![c], g.parent), `表四第 ${c + 1} 列第一行表头应为“${g.parent}”`);
      if (g.label === g.parent) assert.ok(is(m[1]![c], col) && is(m[2]![c], col), `表四“${col}”应跨第二、三行`);
      else assert.ok(is(m[1]![c], g.label) && is(m[2]![c], col), `表四“${g.label}·${col}”`);
      const v = t[g.key][i]!;
      assert.ok(same(m[dataRow]![c], v), `表四“${g.label}·${col}”应为 ${v}，实际 ${String(m[dataRow]![c])}`);
      checked++;
    });
  });
  return checked;
}
