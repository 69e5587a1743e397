// The facts a self-assessment is drafted from, read from the records: the agency's tasks of the year
// from the office's breakdown with their progress and evidence, the rectification items the office sent
// it (of the year, and older ones still open), and its annual report of the year before (status, date,
// on time, key figures; as the region's report table reads them, ../../region-reports.ts).
import { todayInChina } from '../../../core/date.ts';
import type { Queryable } from '../../../core/db/database.ts';
import type { Organization } from '../../../orgs/model.ts';
import { annualReportDeadline } from '../../../orgs/rules.ts';
import { publishedOnTime, reportFigures, reportStanding } from '../../rules/report-standing.ts';
import { regionReportRecords } from '../../store.ts';
import { listAgencyTasks, listRectifications } from '../store.ts';
import type { IndicatorFact, ReportFact, SelfAssessmentFacts } from './draft.ts';

type Org = Pick<Organization, 'id' | 'path' | 'kind' | 'fullName' | 'shortName' | 'reportDeadline'>;

async function reportFact(db: Queryable, agency: Org, year: number, today: string): Promise<ReportFact> {
  const deadline = annualReportDeadline(agency, year);
  const record = (await regionReportRecords(db, agency.path, year)).find((r) => r.orgId === agency.id);
  const exists = !!record && record.reportId !== null;
  const figures = exists ? reportFigures(record.cells) : null;
  const totals = exists ? record.cells.appeals.map(([, total]) => total) : [];
  return {
    year,
    status: reportStanding({ exists, published: !!record?.published, imported: !!record?.imported }),
    deadline,
    publishedOn: record?.firstPublishedOn ?? null,
    onTime: publishedOnTime(record?.firstPublishedOn ?? null, deadline, today),
    errors: record?.errors ?? 0,
    received: figures?.received ?? null,
    handled: exists ? record.cells.handled : null,
    disclosureShare: figures?.disclosureShare ?? null,
    appealsTotal: exists && totals.every((x) => x !== null) ? totals.reduce<number>((s, x) => s + x!, 0) : null,
    correctionRate: figures?.correctionRate ?? null,
    feesWanYuan: figures?.feesWanYuan ?? null,
  };
}

/**
 * The facts of `agency`'s self-assessment of `year` to `office`. `indicators` are the office's scoring
 * scheme's indicators with their data, given from outside (the scoring scheme fills them; [] until then).
 */
export async function selfAssessmentFacts(
  db: Queryable, agency: Org, office: Pick<Organization, 'id' | 'fullName' | 'shortName'>, year: number, today: string, indicators: IndicatorFact[] = [],
): Promise<SelfAssessmentFacts> {
  const tasks = (await listAgencyTasks(db, agency.id, year)).filter(({ task }) => task.orgId === office.id);
  const rectifications = (await listRectifications(db, agency.id, 'agency'))
    .map((r) => ({ r, sentOn: todayInChina(r.createdAt) }))
    .filter(({ r, sentOn }) => r.officeOrgId === office.id && Number(sentOn.slice(0, 4)) <= year && (Number(sentOn.slice(0, 4)) === year || r.state !== 'confirmed'))
    .sort((a, b) => (a.sentOn === b.sentOn ? a.r.id - b.r.id : a.sentOn < b.sentOn ? -1 : 1));
  return {
    year,
    today,
    agency: { fullName: agency.fullName },
    office: { fullName: office.fullName, shortName: office.shortName },
    tasks: tasks.map(({ task, mine }) => ({
      title: task.title, lead: mine.lead, deadline: task.deadline, state: mine.state, evidenceLinks: mine.evidenceLinks.length, documents: mine.document ? 1 : 0,
    })),
    rectifications: rectifications.map(({ r, sentOn }) => ({ finding: r.finding, sentOn, deadline: r.deadline, state: r.state })),
    report: await reportFact(db, agency, year - 1, today),
    nextReportDeadline: annualReportDeadline(agency, year),
    indicators,
  };
}
