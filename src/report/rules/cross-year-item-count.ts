// cross-year.item-count — 2019 format: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
import { table2Layout } from '../model/layout.ts';
import { table2CellName, table2Locator, table2Value } from '../model/cells.ts';
import { isTable2_2021 } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';
import { comparablePrevious } from './cross-year-previous.ts';

export const crossYearItemCount: Rule = {
  id: 'cross-year.item-count',
  severity: 'warning',
  title: '上一年项目数量跨年度衔接',
  description:
    '2019 格式表二中，行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费各行本年度的“上一年项目数量”，应等于上一年度报告同一行的“上一年项目数量”加“本年增/减”。两份报告的表二都是 2019 格式时才检查。',
  source: '国办公开办函〔2019〕60号 表二第二十条第（五）（六）（八）项（由列的含义推出）',
  check(report, context) {
    const prev = comparablePrevious(report, context);
    const t = report.table2;
    const p = prev?.table2;
    if (!prev || !t || !p || isTable2_2021(t) || isTable2_2021(p)) return [];
    const hits: Hit[] = [];
    for (const section of table2Layout('2019')) {
      if (!section.columns.some((c) => c.key === 'change')) continue;
      for (const r of section.rows) {
        const now = table2Value(t, r.key, 'previousCount');
        const before = table2Value(p, r.key, 'previousCount');
        const change = table2Value(p, r.key, 'change');
        if (typeof now !== 'number' || typeof before !== 'number' || typeof change !== 'number') continue;
        const expected = before + change;
        if (expected === now) continue;
        const cell = table2CellName(r.key, 'previousCount');
        hits.push({
          cells: [cell, `previous.${cell}`, `previous.${table2CellName(r.key, 'change')}`],
          message: `${table2Locator('2019', r.key, 'previousCount')}为 ${now}，但 ${prev.year} 年度报告同一行上一年项目数量 ${before}、本年增/减 ${change}，应为 ${expected}`,
          values: { [cell]: now, [`previous.${cell}`]: before, [`previous.${table2CellName(r.key, 'change')}`]: change, expected },
        });
      }
    }
    return hits;
  },
};
