// cells.non-negative — counts and amounts are never negative.
import { numericCells } from './numeric-cells.ts';
import type { Rule } from './rule.ts';

export const cellsNonNegative: Rule = {
  id: 'cells.non-negative',
  severity: 'error',
  title: '数值不得为负',
  description: '所有件数、数量和金额都不得为负数。唯一例外是 2019 格式表二的“本年增/减”，可以为负。',
  source: 'domain-reference §B.7 第6条（由表格含义推出）；国办公开办函〔2019〕60号 表二“本年增/减”',
  check(report) {
    return numericCells(report)
      .filter((c) => c.kind !== 'signedCount' && c.value < 0)
      .map((c) => ({
        cells: [c.name],
        message: `${c.locator}为 ${c.value}，不得为负数`,
        values: { [c.name]: c.value },
      }));
  },
};
