// Test and benchmark aid: random annual reports whose numbers obey every rule
// of the validator (row totals, 勾稽, table-4 totals) and whose narrative states
// the same figures, from a seed (the same seed gives the same report).
import {
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  formatForYear,
  table2Layout,
  table3OutcomeRows,
  table3Rows,
  type ReportFormat,
} from '../../report/model/layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport } from '../../report/model/report.ts';
import type { ReportDocument } from '../../report/render/document.ts';

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['安澜市', '清河县', '青石市', '云岭县', '东湖区', '白水县', '长宁市', '西山区', '南江县', '北川镇'];
const OFFICES = ['自然资源局', '生态环境局', '市场监督管理局', '教育局', '卫生健康委员会', '人民政府办公室', '交通运输局', '住房和城乡建设局', '水务局', '民政局'];

export interface RandomReportOptions {
  year?: number;
  format?: ReportFormat;
}

export function randomReport(seed: number, options: RandomReportOptions = {}): ReportDocument {
  const r = randomSource(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const sparse = (max: number) => (r() < 0.55 ? 0 : int(max));
  const year = options.year ?? 2019 + int(6);
  const format = options.format ?? formatForYear(year);
  const agency = `${PLACES[int(PLACES.length - 1)]}${OFFICES[int(OFFICES.length - 1)]}`;

  const table2: Record<string, Record<string, number | string>> = {};
  for (const section of table2Layout(format)) {
    for (const row of section.rows) {
      table2[row.key] = Object.fromEntries(
        section.columns.map((c) => {
          if (c.kind === 'amountWanYuan') return [c.key, r() < 0.6 ? 0 : Math.round(r() * 5000) / 100];
          if (c.kind === 'signedCount') return [c.key, int(20) - 10];
          if (c.kind === 'text') return [c.key, `${int(900) * 1000}元`];
          return [c.key, sparse(120)];
        }),
      );
    }
  }

  const rows = table3Rows(format);
  const outcomes = table3OutcomeRows(format);
  const table3: Record<string, number[]> = Object.fromEntries(rows.map((x) => [x.key, new Array<number>(TABLE3_COLUMNS.length).fill(0)]));
  for (let c = 0; c < 6; c++) {
    let total = 0;
    for (const o of outcomes) {
      const v = o.key === 'granted' ? sparse(40) : sparse(c === 0 ? 8 : 3);
      table3[o.key]![c] = v;
      total += v;
    }
    const forward = sparse(6);
    const over = int(Math.min(6, total + forward));
    table3['total']![c] = total;
    table3['carriedForward']![c] = forward;
    table3['carriedOver']![c] = over;
    table3['newReceived']![c] = total + forward - over;
  }
  for (const row of Object.values(table3)) row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);

  const table4 = Object.fromEntries(
    TABLE4_GROUPS.map((g) => {
      const parts = TABLE4_COLUMNS.slice(0, 4).map(() => sparse(3));
      return [g.key, [...parts, parts.reduce((a, b) => a + b, 0)]];
    }),
  );

  return reportDocumentOf({ format, agency, year, table2, table3, table4 }, int, 900);
}

/**
 * The document of generated tables: the report, with a narrative whose section 一 states the tables'
 * figures and a count of published items up to `published`, and whose 六 a fee — both drawn from
 * `int`, the fee first, so that a seed keeps its numbers (bench/corpus builds on this too).
 */
export function reportDocumentOf(
  t: { format: ReportFormat; agency: string; year: number; table2: unknown; table3: Record<string, number[]>; table4: Record<string, number[]> },
  int: (max: number) => number,
  published: number,
): ReportDocument {
  const report = { schema: REPORT_SCHEMA_ID, ...t } as unknown as AnnualReport;
  const received = t.table3['newReceived']![6]!;
  const review = t.table4['review']![4]!;
  const lawsuits = t.table4['litigationDirect']![4]! + t.table4['litigationAfterReview']![4]!;
  const fee = int(3) === 0 ? int(500) : 0;
  return {
    report,
    narrative: {
      一: `本年度，${t.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${int(published)}条。\n全年共收到政府信息公开申请${received}件，均已依法答复；发生行政复议${review}件、行政诉讼${lawsuits}件。`,
      二: '该部分以表格形式报告。表格如下：',
      五: '一是公开内容还不够全面；\n二是政策解读形式较为单一。',
      六: fee > 0 ? `本年度收取信息处理费${fee}元。` : '本年度未收取信息处理费。',
    },
  };
}
