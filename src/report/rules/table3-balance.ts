// table3.balance — 勾稽关系: 一 + 二 = 三（（七）总计）+ 四, per column.
import { TABLE3_COLUMNS, TABLE3_HEADER } from '../model/layout.ts';
import { table3CellName } from '../model/cells.ts';
import type { Hit, Rule } from './rule.ts';
import { roundAmount } from './sum.ts';

export const table3Balance: Rule = {
  id: 'table3.balance',
  severity: 'error',
  title: '表三勾稽关系',
  description: `表三每一列应满足表头所印的勾稽关系${TABLE3_HEADER.corner}：一、本年新收 + 二、上年结转 = 三、本年度办理结果的“（七）总计” + 四、结转下年度继续办理。该列有无法读取的单元格时跳过。`,
  source: '国办公开办函〔2021〕30号、国办公开办函〔2019〕60号 表三表头；domain-reference §B.7 第1条',
  check(report) {
    const t = report.table3;
    if (!t) return [];
    const hits: Hit[] = [];
    TABLE3_COLUMNS.forEach((column, c) => {
      const [a, b, total, carried] = [t.newReceived[c], t.carriedOver[c], t.total[c], t.carriedForward[c]];
      if (a == null || b == null || total == null || carried == null) return;
      const left = roundAmount(a + b);
      const right = roundAmount(total + carried);
      if (left === right) return;
      const cells = ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => table3CellName(k, c));
      hits.push({
        cells,
        message: `表三“${column}”列勾稽关系不成立：第一项加第二项之和为 ${left}（本年新收 ${a} + 上年结转 ${b}），第三项加第四项之和为 ${right}（“（七）总计” ${total} + 结转下年度 ${carried}）`,
        values: { [cells[0]!]: a, [cells[1]!]: b, [cells[2]!]: total, [cells[3]!]: carried },
      });
    });
    return hits;
  },
};
