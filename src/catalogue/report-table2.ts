// 年度报告表二 第二十条第（一）项 from the catalogue, and storing it into the organization's
// report draft for the year through the report module's own commands (a new report version,
// audited as report.edit; only the two rows of （一） change, the other rows stay as they were).
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { invalid } from '../core/errors.ts';
import { blankReport } from '../report/model/blank-report.ts';
import { formatForYear } from '../report/model/layout.ts';
import { isTable2_2021, type AnnualReport } from '../report/model/report.ts';
import { createReport, saveReportVersion } from '../report/commands.ts';
import { findReportByOrgYear, findVersion } from '../report/store.ts';
import { table2Section1, type Table2Section1 } from './rules/table2.ts';
import { policyDocumentFacts } from './store.ts';

export async function computeTable2Section1(db: Queryable, orgId: number, year: number): Promise<Table2Section1> {
  return table2Section1(await policyDocumentFacts(db, orgId), year);
}

/** Writes the computed counts into the year's report (created as a draft when there is none). */
export async function storeTable2Section1(db: Database, ctx: CommandContext, orgId: number, year: number): Promise<{ reportId: number; version: number; counts: Table2Section1 }> {
  if (formatForYear(year) !== '2021') throw invalid(`${year} 年度报告使用 2019 年格式，其表二第二十条第（一）项的栏目不同，请手工填写`);
  const counts = await computeTable2Section1(db, orgId, year);
  let stored = await findReportByOrgYear(db, orgId, year);
  if (!stored) stored = (await createReport(db, ctx, { orgId, year })).report;
  const current = (await findVersion(db, stored.id, stored.currentVersion))!;
  const base: AnnualReport = current.report;
  const table2 = base.table2 && isTable2_2021(base.table2) ? base.table2 : blankReport('2021', year).table2!;
  const report = { ...base, table2: { ...table2, regulations: counts.regulations, normativeDocuments: counts.normativeDocuments } };
  const saved = await saveReportVersion(db, ctx, stored.id, {
    report,
    sources: { table2: 'computed' },
    note: '表二第二十条第（一）项由主动公开目录计算（规章、行政规范性文件的制发、废止和现行有效件数）',
    baseVersion: stored.currentVersion,
  });
  return { reportId: stored.id, version: saved.version.version, counts };
}
