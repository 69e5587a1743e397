// narrative.appeals-count — the numbers of 行政复议 / 行政诉讼 the text gives match the 总计 cells of
// table 4, and so do the outcomes it states in the same clause ("其中结果维持1件、结果纠正0件…").
import { TABLE4_COLUMNS, TABLE4_TOTAL_COLUMN } from '../model/layout.ts';
import type { Table4Line } from '../model/report.ts';
import { table4CellName } from '../model/cells.ts';
import type { Hit, Rule } from './rule.ts';
import { firstFigureWithClause, sectionHeading } from './narrative-text.ts';

// e.g. 政府信息复议0件、行政诉讼0件 (not 复议后起诉)
const REVIEW = /复议\s*(\d+)\s*(?:件|起|宗|例|次)/;
const LITIGATION = /行政诉讼\s*(\d+)\s*(?:件|起|宗|例|次)/;

export const narrativeAppealsCount: Rule = {
  id: 'narrative.appeals-count',
  severity: 'warning',
  title: '正文所述复议、诉讼数与表四一致',
  description:
    '正文（一、总体情况，四、六两部分）写出的“复议 N 件”应等于表四行政复议“总计”，“行政诉讼 N 件”应等于表四未经复议直接起诉与复议后起诉两组“总计”之和；同一分句中写出的“结果维持”“结果纠正”“其他结果”“尚未审结”件数应等于表四相应列（诉讼为两组之和）。只在提供了报告正文、且正文中用阿拉伯数字写出这些数时检查。',
  source: 'domain-reference §B.7 第9条（正文中的数字应与表格一致）',
  check(report, context) {
    const t = report.table4;
    if (!context.narrative || !t) return [];
    const hits: Hit[] = [];
    const reviewCell = table4CellName('review', TABLE4_TOTAL_COLUMN);
    const directCell = table4CellName('litigationDirect', TABLE4_TOTAL_COLUMN);
    const afterCell = table4CellName('litigationAfterReview', TABLE4_TOTAL_COLUMN);
    const review = t.review[TABLE4_TOTAL_COLUMN];
    const direct = t.litigationDirect[TABLE4_TOTAL_COLUMN];
    const after = t.litigationAfterReview[TABLE4_TOTAL_COLUMN];
    const sections = ['一', '四', '六'] as const;

    const saidReview = firstFigureWithClause(context.narrative, sections, REVIEW);
    if (saidReview && review != null && saidReview.value !== review) {
      hits.push({
        cells: [reviewCell, `narrative.${saidReview.section}`],
        message: `“${sectionHeading(saidReview.section)}”中写“${saidReview.quote}”，但表四“行政复议”“总计”为 ${review}`,
        values: { [reviewCell]: review, narrative: saidReview.value },
      });
    }
    if (saidReview) hits.push(...outcomeHits(saidReview, [t.review], ['review'], '行政复议'));
    const saidLitigation = firstFigureWithClause(context.narrative, sections, LITIGATION);
    if (saidLitigation) hits.push(...outcomeHits(saidLitigation, [t.litigationDirect, t.litigationAfterReview], ['litigationDirect', 'litigationAfterReview'], '行政诉讼（两组之和）'));
    if (saidLitigation && direct != null && after != null && saidLitigation.value !== direct + after) {
      hits.push({
        cells: [directCell, afterCell, `narrative.${saidLitigation.section}`],
        message: `“${sectionHeading(saidLitigation.section)}”中写“${saidLitigation.quote}”，但表四行政诉讼“未经复议直接起诉”总计 ${direct} 与“复议后起诉”总计 ${after} 之和为 ${direct + after}`,
        values: { [directCell]: direct, [afterCell]: after, narrative: saidLitigation.value },
      });
    }
    return hits;
  },
};

/** The outcome columns a clause states ("结果维持1件"), each against the column of the group(s). */
function outcomeHits(
  said: { clause: string; section: '一' | '二' | '三' | '四' | '五' | '六' },
  lines: Table4Line[],
  groups: ('review' | 'litigationDirect' | 'litigationAfterReview')[],
  what: string,
): Hit[] {
  const hits: Hit[] = [];
  TABLE4_COLUMNS.slice(0, TABLE4_TOTAL_COLUMN).forEach((label, column) => {
    const m = new RegExp(`${label}\\s*(\\d+)\\s*(?:件|起|宗|例)`).exec(said.clause);
    if (!m) return;
    const cells = lines.map((l) => l[column]);
    if (cells.some((c) => c == null)) return;
    const table = cells.reduce<number>((s, c) => s + c!, 0);
    if (Number(m[1]) === table) return;
    const names = groups.map((g) => table4CellName(g, column));
    hits.push({
      cells: [...names, `narrative.${said.section}`],
      message: `“${sectionHeading(said.section)}”中写“${m[0]}”，但表四${what}“${label}”为 ${table}`,
      values: { ...Object.fromEntries(names.map((name, i) => [name, cells[i]!])), narrative: Number(m[1]) },
    });
  });
  return hits;
}
