// Random CONSISTENT annual reports for the import-accuracy corpus: every
// arithmetic rule of the validator holds (table 3 row totals, （七）总计 = the
// result rows, 一+二 = 三+四 per column, table 4 group totals), the narrative
// states the same figures, and the same seed always gives the same report.
// Magnitudes vary by profile: all zero, small, or large (thousands).
import {
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  formatForYear,
  table2Layout,
  table3OutcomeRows,
  table3Rows,
  type ReportFormat,
} from '../../src/report/model/layout.ts';
import type { ReportDocument } from '../../src/report/render/document.ts';
import { randomSource, reportDocumentOf } from '../../src/ingest/testing/random-report.ts';

/** The seeded source of the tests' random reports (mulberry32), so both draw the same numbers for a seed. */
export const rng = randomSource;

/** Helpers over one random source. */
export function dice(r: () => number) {
  const int = (max: number) => Math.floor(r() * (max + 1));
  return {
    r,
    int,
    between: (min: number, max: number) => min + int(max - min),
    chance: (p: number) => r() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!,
  };
}
export type Dice = ReturnType<typeof dice>;

const PROVINCES = ['浙江省', '江苏省', '广东省', '四川省', '湖南省', '河北省', '云南省', '山东省', ''];
const PLACES = ['安澜市', '清河县', '青石市', '云岭县', '东湖区', '白水县', '长宁市', '西山区', '南江县', '北川镇', '临江市', '宁远县', '金台区', '望城街道'];
const OFFICES = [
  '自然资源局', '生态环境局', '市场监督管理局', '教育局', '卫生健康委员会', '人民政府办公室', '交通运输局',
  '住房和城乡建设局', '水务局', '民政局', '人民政府', '公安局', '财政局', '人力资源和社会保障局', '农业农村局',
  '应急管理局', '文化广电旅游体育局', '发展和改革委员会', '司法局', '统计局', '林业局', '退役军人事务局',
];

export type Magnitude = 'zero' | 'small' | 'large';

export interface GenerateOptions {
  year?: number;
  format?: ReportFormat;
  magnitude?: Magnitude;
  /** 2021 layout: make the three （六）其他处理 sub-rows 0 in every column (true) or non-zero somewhere (false). */
  otherZero?: boolean;
}

export interface Generated {
  doc: ReportDocument;
  magnitude: Magnitude;
}

/** A random report whose numbers obey every rule of the validator. */
export function generateReport(seed: number, options: GenerateOptions = {}): Generated {
  const d = dice(rng(seed));
  const { int, chance, pick } = d;
  const year = options.year ?? 2019 + int(6);
  const format = options.format ?? formatForYear(year);
  const magnitude: Magnitude = options.magnitude ?? (chance(0.12) ? 'zero' : chance(0.6) ? 'small' : 'large');
  const agency = `${chance(0.4) ? pick(PROVINCES) : ''}${pick(PLACES)}${pick(OFFICES)}`;
  const zero = magnitude === 'zero';
  const big = magnitude === 'large';
  // a count: often 0, else up to max (large reports reach the thousands)
  const count = (max: number, pZero = 0.5) => (zero || chance(pZero) ? 0 : int(big ? max * 40 : max));

  const table2: Record<string, Record<string, number | string>> = {};
  for (const section of table2Layout(format)) {
    for (const row of section.rows) {
      table2[row.key] = Object.fromEntries(
        section.columns.map((c) => {
          if (c.kind === 'amountWanYuan') {
            if (zero || chance(0.5)) return [c.key, 0];
            const cents = int(big ? 2_000_000 : 5_000); // 万元 with up to 2 decimals
            return [c.key, cents / 100];
          }
          if (c.kind === 'signedCount') return [c.key, zero ? 0 : int(big ? 400 : 20) - (big ? 200 : 10)];
          if (c.kind === 'text') return [c.key, zero ? '0' : chance(0.5) ? `${int(900) * 1000}元` : `${(int(90000) / 100).toFixed(2)}万元`];
          return [c.key, count(c.key === 'inForce' || c.key === 'totalPublished' ? 300 : 60, 0.35)];
        }),
      );
    }
  }

  const rows = table3Rows(format);
  const outcomes = table3OutcomeRows(format);
  const otherKeys = new Set(['other.noCorrection', 'other.feeNotPaid', 'other.other']);
  const table3: Record<string, number[]> = Object.fromEntries(rows.map((x) => [x.key, new Array<number>(TABLE3_COLUMNS.length).fill(0)]));
  for (let c = 0; c < 6; c++) {
    const weight = c === 0 ? 1 : c === 1 ? 0.6 : 0.25; // 自然人 most, 商业企业 some, others few
    let total = 0;
    for (const o of outcomes) {
      let v = o.key === 'granted' ? count(Math.ceil(60 * weight), 0.3) : count(Math.ceil(8 * weight), 0.6);
      if (otherKeys.has(o.key) && options.otherZero === true) v = 0;
      table3[o.key]![c] = v;
      total += v;
    }
    const forward = count(Math.ceil(6 * weight), 0.6);
    const over = zero ? 0 : int(Math.min(big ? 200 : 6, total + forward));
    table3['total']![c] = total;
    table3['carriedForward']![c] = forward;
    table3['carriedOver']![c] = over;
    table3['newReceived']![c] = total + forward - over;
  }
  if (options.otherZero === false && format === '2021') {
    // at least one non-zero cell in the three sub-rows: add it to a result row and to the totals
    const key = pick([...otherKeys]);
    const c = int(5);
    const v = 1 + int(big ? 300 : 5);
    table3[key]![c]! += v;
    table3['total']![c]! += v;
    table3['newReceived']![c]! += v;
  }
  for (const row of Object.values(table3)) row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);

  const table4 = Object.fromEntries(
    TABLE4_GROUPS.map((g) => {
      const parts = TABLE4_COLUMNS.slice(0, 4).map(() => count(g.key === 'review' ? 6 : 3, 0.55));
      return [g.key, [...parts, parts.reduce((a, b) => a + b, 0)]];
    }),
  );

  const doc = reportDocumentOf({ format, agency, year, table2, table3, table4 }, int, big ? 90000 : 900);
  return { doc, magnitude };
}
