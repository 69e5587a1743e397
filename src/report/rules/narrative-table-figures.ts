// narrative.table-figures — the other numbers the text states about applications, published items and
// fees (办结、予以公开及部分公开、结转, 行政规范性文件, 行政许可/处罚/强制决定, 行政事业性收费) match the
// table cells they describe. Each statement is data: the words, the sections read, and the cells.
import { TABLE3_TOTAL_COLUMN } from '../model/layout.ts';
import { table2CellName, table3CellName, table3Line } from '../model/cells.ts';
import { isTable2_2021, type AnnualReport, type Cell } from '../model/report.ts';
import type { Hit, Rule } from './rule.ts';
import { firstFigure, sectionHeading } from './narrative-text.ts';

interface Statement {
  /** What the text states, in the message. */
  label: string;
  /** Group 1 is the number. */
  pattern: RegExp;
  /** The cells the number is, and their values (summed); null when the report has no such cells. */
  cells(report: AnnualReport): { name: string; value: Cell }[] | null;
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const COUNT = `${NUMBER}\\s*(?:件|例|宗)`;
const table3Total = (key: string) => (r: AnnualReport) =>
  r.table3 ? [{ name: table3CellName(key, TABLE3_TOTAL_COLUMN), value: table3Line(r.table3, key)?.[TABLE3_TOTAL_COLUMN] ?? null }] : null;
const table3Totals = (keys: string[]) => (r: AnnualReport) => (r.table3 ? keys.flatMap((k) => table3Total(k)(r)!) : null);
const table2Cell = (row: string, column: string, only2021 = false) => (r: AnnualReport) => {
  const t = r.table2;
  if (!t || (only2021 && !isTable2_2021(t))) return null;
  const value = (t as unknown as Record<string, Record<string, Cell>>)[row]?.[column];
  return value === undefined ? null : [{ name: table2CellName(row, column), value }];
};

export const STATEMENTS: readonly Statement[] = [
  { label: '办结', pattern: new RegExp(`办结${COUNT}`), cells: table3Total('total') },
  { label: '予以公开及部分公开', pattern: new RegExp(`予以公开(?:及|和|、)部分公开${COUNT}`), cells: table3Totals(['granted', 'partiallyGranted']) },
  { label: '上年结转', pattern: new RegExp(`上年(?:度)?结转${COUNT}`), cells: table3Total('carriedOver') },
  { label: '结转下年度', pattern: new RegExp(`结转下(?:一)?年度(?:继续办理)?${COUNT}`), cells: table3Total('carriedForward') },
  { label: '制发行政规范性文件', pattern: new RegExp(`制发(?:行政)?规范性文件${COUNT}`), cells: table2Cell('normativeDocuments', 'issued', true) },
  { label: '行政许可决定', pattern: new RegExp(`行政许可决定${COUNT}`), cells: table2Cell('licensing', 'decisions') },
  { label: '行政处罚决定', pattern: new RegExp(`行政处罚决定${COUNT}`), cells: table2Cell('penalty', 'decisions') },
  { label: '行政强制决定', pattern: new RegExp(`行政强制决定${COUNT}`), cells: table2Cell('coercion', 'decisions') },
  { label: '行政事业性收费', pattern: new RegExp(`行政事业性收费${NUMBER}\\s*万元`), cells: table2Cell('fees', 'amountWanYuan', true) },
];

/** Sums of decimals as printed (万元 to six places) without floating-point drift. */
const same = (a: number, b: number) => Math.round(a * 1e6) === Math.round(b * 1e6);

export const narrativeTableFigures: Rule = {
  id: 'narrative.table-figures',
  severity: 'warning',
  title: '正文所述办理、公开和收费数字与表格一致',
  description:
    '正文（一、总体情况，三、六两部分）第一次写出的“办结 N 件”“予以公开及部分公开 N 件”“上年结转 N 件”“结转下年度 N 件”应等于表三相应行的“总计”；“制发行政规范性文件 N 件”“行政许可决定 N 件”“行政处罚决定 N 件”“行政强制决定 N 件”“行政事业性收费 N 万元”应等于表二相应单元格。只在提供了报告正文、且正文中用阿拉伯数字写出这些数时检查。',
  source: 'domain-reference §B.7 第9条（正文中的数字应与表格一致）；issue 16 §4（正文由表格数字生成，不得相互矛盾）',
  check(report, context) {
    if (!context.narrative) return [];
    const hits: Hit[] = [];
    for (const s of STATEMENTS) {
      const cells = s.cells(report);
      if (!cells || cells.some((c) => c.value === null)) continue;
      const said = firstFigure(context.narrative, ['一', '三', '六'], s.pattern);
      if (!said) continue;
      const table = cells.reduce((sum, c) => sum + c.value!, 0);
      if (same(said.value, table)) continue;
      hits.push({
        cells: [...cells.map((c) => c.name), `narrative.${said.section}`],
        message: `“${sectionHeading(said.section)}”中写“${said.quote}”，但表格中${s.label}为 ${table}${cells.length > 1 ? `（${cells.map((c) => `${c.name} = ${c.value}`).join('，')}）` : ''}`,
        values: { ...Object.fromEntries(cells.map((c) => [c.name, c.value])), narrative: said.value },
      });
    }
    return hits;
  },
};
