// cross-year.carried-over — this year's 上年结转 = last year's 结转下年度继续办理, per column.
import { TABLE3_COLUMNS, TABLE3_SECTIONS } from '../model/layout.ts';
import { table3CellName } from '../model/cells.ts';
import type { Hit, Rule } from './rule.ts';
import { comparablePrevious } from './cross-year-previous.ts';

export const crossYearCarriedOver: Rule = {
  id: 'cross-year.carried-over',
  severity: 'error',
  title: '上年结转与上一年度结转下年度一致',
  description:
    '本年度表三“二、上年结转政府信息公开申请数量”每一列应等于同一机关上一年度报告表三“四、结转下年度继续办理”的同一列。只在提供了可比的上一年度报告时检查；单元格无法读取时跳过。',
  source: 'domain-reference §B.7 第7条（第三方校验工具的通行做法；由两行的含义推出）',
  check(report, context) {
    const prev = comparablePrevious(report, context);
    const t = report.table3;
    const p = prev?.table3;
    if (!prev || !t || !p) return [];
    const hits: Hit[] = [];
    TABLE3_COLUMNS.forEach((column, c) => {
      const now = t.carriedOver[c];
      const before = p.carriedForward[c];
      if (now == null || before == null || now === before) return;
      const cells = [table3CellName('carriedOver', c), `previous.${table3CellName('carriedForward', c)}`];
      hits.push({
        cells,
        message: `表三“${column}”列：本年度“${TABLE3_SECTIONS.carriedOver}”为 ${now}，但 ${prev.year} 年度报告“${TABLE3_SECTIONS.carriedForward}”为 ${before}，两者应相等`,
        values: { [cells[0]!]: now, [cells[1]!]: before },
      });
    });
    return hits;
  },
};
