// cross-year.in-force — 现行有效件数 ≈ last year's 现行有效件数 + 本年制发 − 本年废止 (2021 format).
import { table2Locator } from '../model/cells.ts';
import { isTable2_2021, type DocumentCounts2021 } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';
import { comparablePrevious } from './cross-year-previous.ts';

const ROWS = ['regulations', 'normativeDocuments'] as const;

export const crossYearInForce: Rule = {
  id: 'cross-year.in-force',
  severity: 'warning',
  title: '现行有效件数跨年度衔接',
  description:
    '2021 格式表二“规章”“行政规范性文件”的“现行有效件数”，通常等于上一年度的现行有效件数加本年制发件数、减本年废止件数。修订等情况可能使两者合理地不同，因此只作提醒。两份报告的表二都是 2021 格式时才检查。',
  source: 'domain-reference §B.7 第8条（第三方校验工具的通行做法，警告而非错误）；国办公开办函〔2021〕30号 表二第二十条第（一）项',
  check(report, context) {
    const prev = comparablePrevious(report, context);
    const t = report.table2;
    const p = prev?.table2;
    if (!prev || !t || !p || !isTable2_2021(t) || !isTable2_2021(p)) return [];
    const hits: Hit[] = [];
    for (const key of ROWS) {
      const now: DocumentCounts2021 = t[key];
      const before = p[key].inForce;
      if (now.inForce === null || before === null || now.issued === null || now.abolished === null) continue;
      const expected = before + now.issued - now.abolished;
      if (expected === now.inForce) continue;
      const cell = (col: string) => `table2.${key}.${col}`;
      hits.push({
        cells: [cell('inForce'), cell('issued'), cell('abolished'), `previous.${cell('inForce')}`],
        message: `${table2Locator('2021', key, 'inForce')}为 ${now.inForce}，但 ${prev.year} 年度现行有效件数 ${before} + 本年制发 ${now.issued} − 本年废止 ${now.abolished} = ${expected}；如有修订等原因请在报告中说明`,
        values: {
          [cell('inForce')]: now.inForce,
          [cell('issued')]: now.issued,
          [cell('abolished')]: now.abolished,
          [`previous.${cell('inForce')}`]: before,
          expected,
        },
      });
    }
    return hits;
  },
};
