// table3.row-total — in every row of table 3, 总计 = the six applicant columns.
import { TABLE3_COLUMNS, TABLE3_TOTAL_COLUMN, table3Rows } from '../model/layout.ts';
import { table3CellName, table3Line, table3RowLocator } from '../model/cells.ts';
import { table3Shape } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';
import { sumCells, sumExpression } from './sum.ts';

export const table3RowTotal: Rule = {
  id: 'table3.row-total',
  severity: 'error',
  title: '表三“总计”列等于六类申请人之和',
  description:
    '表三每一行的“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。该行有无法读取的单元格时跳过。',
  source: 'domain-reference §B.7 第4条（由表头“申请人情况…总计”推出）；国办公开办函〔2021〕30号、〔2019〕60号 表三',
  check(report) {
    const t = report.table3;
    if (!t) return [];
    const format = table3Shape(t);
    const hits: Hit[] = [];
    for (const r of table3Rows(format)) {
      const line = table3Line(t, r.key);
      if (!line) continue;
      const parts = line.slice(0, TABLE3_TOTAL_COLUMN);
      const sum = sumCells(parts);
      const total = line[TABLE3_TOTAL_COLUMN];
      if (sum === null || total === null || total === undefined || sum === total) continue;
      hits.push({
        cells: line.map((_, i) => table3CellName(r.key, i)),
        message: `${table3RowLocator(format, r.key)}：六类申请人之和为 ${sum}（${sumExpression(parts)}），但“${TABLE3_COLUMNS[TABLE3_TOTAL_COLUMN]}”列为 ${total}`,
        values: { ...Object.fromEntries(line.map((v, i) => [table3CellName(r.key, i), v])), sum },
      });
    }
    return hits;
  },
};
