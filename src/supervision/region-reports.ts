// The region's report table: the records of the year and of the year before, made into rows by the
// pure rules (deadline per organization, standing, figures).
import type { Queryable } from '../core/db/database.ts';
import { annualReportDeadline } from '../orgs/rules.ts';
import type { OrgKind } from '../orgs/model.ts';
import type { AgencyReportRow } from './model.ts';
import { publishedOnTime, reportFigures, reportStanding } from './rules/report-standing.ts';
import { regionReportRecords } from './store.ts';

export async function regionReportRows(db: Queryable, regionPath: string, year: number, today: string): Promise<AgencyReportRow[]> {
  const [now, before] = await Promise.all([regionReportRecords(db, regionPath, year), regionReportRecords(db, regionPath, year - 1)]);
  const previous = new Map(before.filter((r) => r.reportId !== null).map((r) => [r.orgId, reportFigures(r.cells)]));
  return now.map((r) => {
    const deadline = annualReportDeadline({ kind: r.kind as OrgKind, reportDeadline: r.reportDeadline }, year);
    const exists = r.reportId !== null;
    return {
      orgId: r.orgId,
      code: r.code,
      name: r.name,
      reportId: r.reportId,
      status: reportStanding({ exists, published: r.published, imported: r.imported }),
      publishedOn: r.firstPublishedOn,
      deadline,
      onTime: publishedOnTime(r.firstPublishedOn, deadline, today),
      errors: r.errors,
      warnings: r.warnings,
      rules: r.rules,
      imported: r.imported,
      figures: exists ? reportFigures(r.cells) : { received: null, disclosureShare: null, correctionRate: null, feesWanYuan: null },
      previous: previous.get(r.orgId) ?? null,
    };
  });
}
