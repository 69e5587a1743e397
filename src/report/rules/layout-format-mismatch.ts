// layout.format-mismatch — the declared format, the report year and the shape
// of the tables must agree (国办公开办函〔2019〕60号 for 2019–2020,
// 国办公开办函〔2021〕30号 for 2021 onward).
import { FORMAT_SOURCES, formatForYear, type ReportFormat } from '../model/layout.ts';
import { table2Shape, table3Shape } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';

const TABLE2_SIGNS: Record<ReportFormat, string> = {
  '2019': '“本年新制作数量”等列、“政府集中采购”行',
  '2021': '“本年制发件数”等列、“本年收费金额（单位：万元）”',
};
const TABLE3_SIGNS: Record<ReportFormat, string> = {
  '2019': '“（六）其他处理”只有一行',
  '2021': '“（六）其他处理”分 3 行',
};

const formatName = (f: ReportFormat) => `${f} 格式（${FORMAT_SOURCES[f]}）`;

export const layoutFormatMismatch: Rule = {
  id: 'layout.format-mismatch',
  severity: 'error',
  title: '报告格式与年度、表格不符',
  description:
    '2019、2020 年度的报告应使用 2019 格式（国办公开办函〔2019〕60号），2021 年度起应使用 2021 格式（国办公开办函〔2021〕30号）；表二、表三的结构也必须与声明的格式一致（例如 2021 格式的表三“（六）其他处理”分 3 行，2019 格式只有一行）。',
  source: '国办公开办函〔2019〕60号；国办公开办函〔2021〕30号；domain-reference §B.1、§B.6',
  check(report) {
    const hits: Hit[] = [];
    const due = formatForYear(report.year);
    if (due !== report.format) {
      hits.push({
        cells: ['format', 'year'],
        message: `报告年度为 ${report.year} 年，应使用${formatName(due)}，但 format 声明为 “${report.format}”`,
        values: { year: report.year },
      });
    }
    if (report.table2 && table2Shape(report.table2) !== report.format) {
      const shape = table2Shape(report.table2);
      hits.push({
        cells: ['table2'],
        message: `表二是 ${shape} 格式的结构（${TABLE2_SIGNS[shape]}），但报告声明为${formatName(report.format)}`,
      });
    }
    if (report.table3 && table3Shape(report.table3) !== report.format) {
      const shape = table3Shape(report.table3);
      hits.push({
        cells: ['table3'],
        message: `表三是 ${shape} 格式的结构（${TABLE3_SIGNS[shape]}），但报告声明为${formatName(report.format)}（${TABLE3_SIGNS[report.format]}）`,
      });
    }
    return hits;
  },
};
