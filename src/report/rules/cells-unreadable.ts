// cells.unreadable — cells that could not be read from the published report.
import {
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Rows,
  table3RowFullLabel,
  table3Rows,
} from '../model/layout.ts';
import {
  table2CellName,
  table2Locator,
  table2Value,
  table3CellName,
  table3Line,
  table3RowLocator,
  table4CellName,
  table4GroupLocator,
} from '../model/cells.ts';
import { table2Shape, table3Shape } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';

const SKIPPED = '涉及这些单元格的检查已跳过，请对照原文补录';

export const cellsUnreadable: Rule = {
  id: 'cells.unreadable',
  severity: 'warning',
  title: '单元格无法读取',
  description:
    '单元格的值为 null（原文内容无法读作数字，或抓取时丢失）。报告仍按原样导入，但涉及这些单元格的合计、勾稽和跨年度检查无法进行。每一行报告一次。',
  source: 'spec/annual-report-json.md“Cell values”；domain-reference §B.7 第11条（空白按0计，无法读取为 null）',
  check(report) {
    const hits: Hit[] = [];
    const t2 = report.table2;
    if (t2) {
      const f = table2Shape(t2);
      for (const { section, row } of table2Rows(f)) {
        for (const c of section.columns) {
          if (table2Value(t2, row.key, c.key) === null) {
            hits.push({
              cells: [table2CellName(row.key, c.key)],
              message: `${table2Locator(f, row.key, c.key)}无法读取（null），${SKIPPED}`,
            });
          }
        }
      }
    }
    const t3 = report.table3;
    if (t3) {
      // Consecutive rows missing the same columns are reported together
      // (a scraped table typically loses the same columns in many rows).
      const f = table3Shape(t3);
      const rows = table3Rows(f);
      let run: { first: number; last: number; missing: number[] } | null = null;
      const flush = () => {
        if (!run) return;
        const { first, last, missing } = run;
        const firstRow = rows[first]!;
        const lastRow = rows[last]!;
        const where =
          first === last
            ? table3RowLocator(f, firstRow.key)
            : `${table3RowLocator(f, firstRow.key)}至第${last + 1}行“${table3RowFullLabel(lastRow)}”（共 ${last - first + 1} 行）`;
        hits.push({
          cells: rows.slice(first, last + 1).flatMap((r) => missing.map((i) => table3CellName(r.key, i))),
          message: `${where}的${missing.map((i) => `“${TABLE3_COLUMNS[i]}”`).join('、')}列无法读取（null），${SKIPPED}`,
        });
        run = null;
      };
      rows.forEach((r, index) => {
        const line = table3Line(t3, r.key) ?? [];
        const missing = line.flatMap((v, i) => (v === null ? [i] : []));
        if (run && run.last === index - 1 && run.missing.join() === missing.join()) {
          run.last = index;
          return;
        }
        flush();
        if (missing.length) run = { first: index, last: index, missing };
      });
      flush();
    }
    const t4 = report.table4;
    if (t4) {
      for (const g of TABLE4_GROUPS) {
        const missing = t4[g.key].flatMap((v, i) => (v === null ? [i] : []));
        if (missing.length === 0) continue;
        hits.push({
          cells: missing.map((i) => table4CellName(g.key, i)),
          message: `${table4GroupLocator(g.key)}${missing.map((i) => `“${TABLE4_COLUMNS[i]}”`).join('、')}列无法读取（null），${SKIPPED}`,
        });
      }
    }
    return hits;
  },
};
