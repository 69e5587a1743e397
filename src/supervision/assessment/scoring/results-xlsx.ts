// The result table of an office's year as XLSX: one row per agency with each indicator's score, the
// total, the grade and the rank; and a sheet with the data or the reason behind every score.
import type { AgencyFactSource } from '../../../orgs/shell/agency-facts.ts';
import { GRADE_LABELS } from '../rules/scoring.ts';
import type { ScoringResults } from './results.ts';

export async function resultsSheet({ indicators, rows }: ScoringResults, year: number, sources: readonly AgencyFactSource[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年考核结果`);
  ws.addRow(['机关代码', '机关', ...indicators.map((i) => `${i.title}（${i.points}分）`), '总分', '结果', '排名']);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow([r.agency.code, r.agency.fullName, ...r.scores.map((s) => (s ? (s.veto ? '单项否决' : s.score) : null)), r.result.total, GRADE_LABELS[r.result.grade], r.rank]);
  }
  ws.getColumn(2).width = 28;
  const basis = wb.addWorksheet('评分依据');
  basis.addRow(['机关', '指标', '分值', '得分', '单项否决', '评分方式', '数据或理由', '评分人', '评分时间']);
  basis.getRow(1).font = { bold: true };
  for (const r of rows) {
    indicators.forEach((i, k) => {
      const s = r.scores[k];
      const method = i.source === null ? '人工评分' : `自动计算：${sources.find((x) => x.key === i.source)?.label ?? i.source}`;
      basis.addRow([r.agency.fullName, i.title, i.points, s?.score ?? null, s?.veto ? '是' : '否', method, s?.detail ?? '未评分', s?.scoredByName ?? '', s ? s.scoredAt.toISOString().slice(0, 10) : '']);
    });
  }
  basis.getColumn(7).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
