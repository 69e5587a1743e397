// cells.integer — counts are whole numbers; only the fee amount in 万元 may be decimal.
import { numericCells } from './numeric-cells.ts';
import type { Rule } from './rule.ts';

export const cellsInteger: Rule = {
  id: 'cells.integer',
  severity: 'error',
  title: '件数应为整数',
  description:
    '件数、数量（含表三、表四全部单元格）应为整数。只有 2021 格式表二“本年收费金额（单位：万元）”可以有小数。',
  source: 'domain-reference §B.7 第6条；国办公开办函〔2021〕30号 表二“本年收费金额（单位：万元）”',
  check(report) {
    return numericCells(report)
      .filter((c) => c.kind !== 'amountWanYuan' && !Number.isInteger(c.value))
      .map((c) => ({
        cells: [c.name],
        message: `${c.locator}为 ${c.value}，件数应为整数`,
        values: { [c.name]: c.value },
      }));
  },
};
