// The region roll-up of a government office for a year, read from the database: the agencies
// directly under the office, each with its published report of the year (entered, computed or
// imported from its published document, marked 导入), its findings as stored with that version,
// and whether it is summed; then the sum (sum.ts) of the included ones.
//   included  — it has a published report and nobody excluded it (the default)
//   excluded  — an administrator excluded it for the year, with a reason (rollup/commands.ts)
//   missing   — 缺报告: no published report of the year
//   mismatch  — its tables have the other layout's shape (or another year): not summed, with the reason
import type { Queryable } from '../../core/db/database.ts';
import { invalid } from '../../core/errors.ts';
import type { Organization } from '../../orgs/model.ts';
import { listOrgs } from '../../orgs/store.ts';
import { TABLE3_TOTAL_COLUMN, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN, formatForYear, type ReportFormat } from '../model/layout.ts';
import type { AnnualReport, Cell } from '../model/report.ts';
import type { Finding } from '../rules/rule.ts';
import { findReportByOrgYear, findVersion, TABLE_KEYS } from '../store.ts';
import { listRollupInclusions, type RollupInclusion } from './store.ts';
import { exactSum, sumReports, type RollupSum } from './sum.ts';

export type RollupStatus = 'included' | 'excluded' | 'missing' | 'mismatch';
export const ROLLUP_STATUS_LABELS: Record<RollupStatus, string> = {
  included: '计入',
  excluded: '不计入',
  missing: '缺报告',
  mismatch: '格式不符，未计入',
};

export interface RollupAgencyReport {
  reportId: number;
  version: number;
  content: AnnualReport;
  /** A table of the version was imported from a published document. */
  imported: boolean;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

export interface RollupAgency {
  org: Organization;
  status: RollupStatus;
  /** Chinese: why it is not summed (the exclusion's reason, the layout mismatch); null when summed or missing. */
  reason: string | null;
  /** The recorded decision, when there is one (none = included by default). */
  inclusion: RollupInclusion | null;
  /** The published version of its report of the year, or null (缺报告). */
  report: RollupAgencyReport | null;
  /** 表三“一、本年新收”总计 of its published report. */
  newReceivedTotal: Cell;
  /** 表四总计: the 总计 of 行政复议 + 行政诉讼 (both groups). */
  table4Total: Cell;
}

export interface Rollup {
  office: Organization;
  year: number;
  format: ReportFormat;
  agencies: RollupAgency[];
  sum: RollupSum;
}

/** The office must be a government office (人民政府（办公室）): whose departments' reports it sums. */
export function assertRollupOffice(office: Organization): void {
  if (office.kind !== 'government') throw invalid(`${office.fullName}不是人民政府（办公室），没有地区汇总；请切换到人民政府办公室`);
}

/** The agencies whose reports the office sums: the organizations directly under it, in the order they were added. */
export async function rollupAgencies(db: Queryable, office: Organization): Promise<Organization[]> {
  return (await listOrgs(db, office.path)).filter((o) => o.parentId === office.id).sort((a, b) => a.id - b.id);
}

const newReceivedTotal = (r: AnnualReport): Cell => r.table3?.newReceived[TABLE3_TOTAL_COLUMN] ?? null;
function table4Total(r: AnnualReport): Cell {
  if (!r.table4) return null;
  const totals = TABLE4_GROUPS.map((g) => r.table4![g.key][TABLE4_TOTAL_COLUMN]);
  return totals.some((c) => c === null) ? null : exactSum(totals as number[]);
}

export async function loadRollup(db: Queryable, office: Organization, year: number): Promise<Rollup> {
  assertRollupOffice(office);
  const inclusions = await listRollupInclusions(db, office.id, year);
  const agencies: RollupAgency[] = [];
  for (const org of await rollupAgencies(db, office)) {
    const stored = await findReportByOrgYear(db, org.id, year);
    const version = stored?.publishedVersion ? await findVersion(db, stored.id, stored.publishedVersion) : undefined;
    const report: RollupAgencyReport | null = version
      ? {
          reportId: version.reportId,
          version: version.version,
          content: version.report,
          imported: TABLE_KEYS.some((t) => version.sources[t] === 'imported'),
          findings: version.findings,
          errorCount: version.errorCount,
          warningCount: version.warningCount,
        }
      : null;
    const inclusion = inclusions.get(org.id) ?? null;
    const status: RollupStatus = inclusion && !inclusion.included ? 'excluded' : report ? 'included' : 'missing';
    agencies.push({
      org,
      status,
      reason: status === 'excluded' ? inclusion!.reason : null,
      inclusion,
      report,
      newReceivedTotal: report ? newReceivedTotal(report.content) : null,
      table4Total: report ? table4Total(report.content) : null,
    });
  }
  const sum = sumReports(
    agencies.filter((a) => a.status === 'included').map((a) => ({ key: a.org.code, name: a.org.fullName, report: a.report!.content })),
    year,
    office.fullName,
  );
  for (const x of sum.excluded) {
    const a = agencies.find((y) => y.org.code === x.key)!;
    a.status = 'mismatch';
    a.reason = x.reason;
  }
  return { office, year, format: formatForYear(year), agencies, sum };
}

/** The note of the version stored from the roll-up: which agencies were summed (and which not), at most 500 characters. */
export function rollupNote(r: Rollup): string {
  const of = (s: RollupStatus) => r.agencies.filter((a) => a.status === s);
  const summed = of('included').map((a) => `${a.org.shortName}第${a.report!.version}版${a.report!.imported ? '（导入）' : ''}`);
  const parts = [`地区汇总：${summed.length ? summed.join('、') : '无'}（共 ${summed.length} 个机关）已发布的 ${r.year} 年度报告之和`];
  const excluded = [...of('excluded'), ...of('mismatch')];
  if (excluded.length) parts.push(`不计入：${excluded.map((a) => a.org.shortName).join('、')}`);
  if (of('missing').length) parts.push(`缺报告：${of('missing').map((a) => a.org.shortName).join('、')}`);
  if (r.sum.unknown.length) parts.push(`${new Set(r.sum.unknown.map((u) => u.cell)).size} 个单元格因下属报告无法读取而留空`);
  const note = parts.join('；');
  return note.length <= 500 ? note : `${note.slice(0, 498)}……`;
}

const cellText = (c: Cell) => (c === null ? '无法读取' : String(c));

/** The agencies of a roll-up and what is unknown in its sum, one line each, in Chinese (the CLI's stderr). */
export function describeRollup(r: Rollup, formatFinding: (f: Finding) => string): string[] {
  const count = (s: RollupStatus) => r.agencies.filter((a) => a.status === s).length;
  const lines = [
    `${r.office.fullName} ${r.year} 年度地区汇总（${r.format} 格式）：计入 ${count('included')} 个机关，` +
      `不计入 ${count('excluded') + count('mismatch')} 个，缺报告 ${count('missing')} 个。`,
  ];
  for (const a of r.agencies) {
    const head = `${ROLLUP_STATUS_LABELS[a.status]} ${a.org.code} ${a.org.fullName}`;
    const rep = a.report;
    const facts = rep
      ? `第 ${rep.version} 版${rep.imported ? '（导入）' : ''}，表三新收总计 ${cellText(a.newReceivedTotal)}，表四总计 ${cellText(a.table4Total)}，错误 ${rep.errorCount} 条，警告 ${rep.warningCount} 条`
      : '没有已发布的年度报告';
    lines.push(`${head}：${facts}${a.reason ? `；理由：${a.reason}` : ''}`);
    for (const f of rep?.findings ?? []) lines.push(`  ${formatFinding(f)}`);
  }
  for (const u of r.sum.unknown) lines.push(`留空 ${u.locator}（${u.cell}）：${u.name}，${u.reason}`);
  return lines;
}
