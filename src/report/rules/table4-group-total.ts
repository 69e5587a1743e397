// table4.group-total — in each group of table 4, 总计 = 维持 + 纠正 + 其他结果 + 尚未审结.
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN } from '../model/layout.ts';
import { table4CellName, table4GroupLocator } from '../model/cells.ts';
import type { Hit, Rule } from './rule.ts';
import { sumCells, sumExpression } from './sum.ts';

export const table4GroupTotal: Rule = {
  id: 'table4.group-total',
  severity: 'error',
  title: '表四各组“总计”等于四种结果之和',
  description:
    '表四的行政复议、行政诉讼·未经复议直接起诉、行政诉讼·复议后起诉三组，各自的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。该组有无法读取的单元格时跳过。',
  source: 'domain-reference §B.7 第5条（由表头推出）；国办公开办函〔2021〕30号、〔2019〕60号 表四',
  check(report) {
    const t = report.table4;
    if (!t) return [];
    const hits: Hit[] = [];
    for (const g of TABLE4_GROUPS) {
      const line = t[g.key];
      const parts = line.slice(0, TABLE4_TOTAL_COLUMN);
      const sum = sumCells(parts);
      const total = line[TABLE4_TOTAL_COLUMN];
      if (sum === null || total === null || sum === total) continue;
      hits.push({
        cells: line.map((_, i) => table4CellName(g.key, i)),
        message: `${table4GroupLocator(g.key)}：${TABLE4_COLUMNS.slice(0, TABLE4_TOTAL_COLUMN).join('、')}之和为 ${sum}（${sumExpression(parts)}），但“总计”为 ${total}`,
        values: { ...Object.fromEntries(line.map((v, i) => [table4CellName(g.key, i), v])), sum },
      });
    }
    return hits;
  },
};
