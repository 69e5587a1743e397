// table3.outcome-sum — （七）总计 = the sum of all result rows （一）…（六）, per column.
import { TABLE3_COLUMNS, table3OutcomeRows } from '../model/layout.ts';
import { table3CellName, table3Line, table3RowLocator } from '../model/cells.ts';
import { table3Shape } from '../model/report.ts';
import type { Rule, Hit } from './rule.ts';
import { sumCells } from './sum.ts';

export const table3OutcomeSum: Rule = {
  id: 'table3.outcome-sum',
  severity: 'error',
  title: '表三“（七）总计”等于各项办理结果之和',
  description:
    '表三每一列的“（七）总计”应等于（一）予以公开、（二）部分公开、（三）不予公开各项、（四）无法提供各项、（五）不予处理各项、（六）其他处理各项之和：每件办结的申请只计入一种办理结果。该列有无法读取的单元格时跳过。',
  source: 'domain-reference §B.7 第3条（由表格结构推出）；国办公开办函〔2021〕30号 表三“三、本年度办理结果”',
  check(report) {
    const t = report.table3;
    if (!t) return [];
    const format = table3Shape(t);
    const outcomes = table3OutcomeRows(format);
    const hits: Hit[] = [];
    TABLE3_COLUMNS.forEach((column, c) => {
      const total = t.total[c] ?? null;
      const parts = outcomes.map((r) => ({ key: r.key, value: table3Line(t, r.key)?.[c] ?? null }));
      const sum = sumCells(parts.map((p) => p.value));
      if (sum === null || total === null || sum === total) return;
      const nonZero = parts.filter((p) => p.value !== 0);
      const detail = nonZero.length
        ? `，其中非零的有：${nonZero.map((p) => `${table3RowLocator(format, p.key).replace(/^表三/, '')} ${p.value}`).join('；')}`
        : '';
      hits.push({
        cells: [table3CellName('total', c), ...nonZero.map((p) => table3CellName(p.key, c))],
        message: `表三“${column}”列：“（七）总计”为 ${total}，但（一）至（六）各项办理结果之和为 ${sum}${detail}`,
        values: { [table3CellName('total', c)]: total, sum },
      });
    });
    return hits;
  },
};
