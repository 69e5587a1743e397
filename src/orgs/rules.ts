// Pure rules about organizations: where a kind may sit in the tree, the government an agency
// answers to, the annual-report deadline, and the 索引号 template.
import type { Organization, OrgKind } from './model.ts';

// A department may stand at the root: agencies known only by name (imported published reports)
// until an administrator places them in their region.
const ALLOWED_PARENTS: Record<OrgKind, ReadonlyArray<OrgKind | null>> = {
  province: [null],
  city: [null, 'province'],
  county: [null, 'province', 'city'],
  government: ['province', 'city', 'county'],
  department: [null, 'province', 'city', 'county', 'government'],
  subunit: ['department', 'subunit'],
};

export function canBeChildOf(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

const REGION_KINDS: readonly OrgKind[] = ['province', 'city', 'county'];

/**
 * The 人民政府 an agency answers to: its 上一级行政机关 (条例第五十一条：投诉、举报) and its
 * 行政复议机关 (行政复议法第二十四条) are the same body. A department of a local government, or a unit
 * within one, answers to that level's 人民政府 — not to the government's office (办公室), which is
 * its parent in the tree; a government, or a region, to the 人民政府 one level up. Named from the
 * regions above the agency: `ancestors` run from the root down to its parent. Null when none is known.
 */
export function superiorGovernmentName(
  org: Pick<Organization, 'kind'>,
  ancestors: readonly Pick<Organization, 'kind' | 'shortName'>[],
): string | null {
  const regions = ancestors.filter((a) => REGION_KINDS.includes(a.kind));
  // A government's own region is among its ancestors; a department's region is its own level.
  const target = org.kind === 'government' ? regions.at(-2) : regions.at(-1);
  return target ? `${target.shortName}人民政府` : null;
}

/**
 * 条例第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年报；
 * 县级以上地方人民政府的政府信息公开工作主管部门每年3月31日前公布本级政府年报.
 * Regions and governments publish the government's report (03-31); departments 01-31.
 * Localities set earlier dates, so an organization's own setting wins.
 */
export function annualReportDeadline(org: Pick<Organization, 'kind' | 'reportDeadline'>, reportYear: number): string {
  const monthDay = org.reportDeadline ?? (['department', 'subunit'].includes(org.kind) ? '01-31' : '03-31');
  return `${reportYear + 1}-${monthDay}`;
}

/**
 * The annual report due next on `today` (条例第四十九条: the report of year Y is published by the
 * deadline in Y+1): last year's until its deadline has passed, then this year's. In December the
 * 工作台 names this year's report, due the coming January, not last January's.
 */
export function nextAnnualReport(org: Pick<Organization, 'kind' | 'reportDeadline'>, today: string): { year: number; deadline: string } {
  const year = Number(today.slice(0, 4));
  const lastYears = annualReportDeadline(org, year - 1);
  return today <= lastYears ? { year: year - 1, deadline: lastYears } : { year, deadline: annualReportDeadline(org, year) };
}

export const DEFAULT_INDEX_TEMPLATE = '{code}/{yyyy}-{seq:05}';

/** Expands a 索引号 template: {code}, {yyyy}, {mm}, {seq} or {seq:N} (zero-padded to N digits). */
export function formatIndexNumber(template: string, values: { code: string; date: string; seq: number }): string {
  const [yyyy, mm] = values.date.split('-');
  return template.replace(/\{(code|yyyy|mm|seq)(?::(\d+))?\}/g, (_, name: string, width?: string) => {
    if (name === 'code') return values.code;
    if (name === 'yyyy') return yyyy ?? '';
    if (name === 'mm') return mm ?? '';
    return String(values.seq).padStart(Number(width ?? 0), '0');
  });
}

/** A template must contain {seq} (or the numbers would repeat) and only known fields. */
export function indexTemplateProblem(template: string): string | null {
  if (!/\{seq(:\d+)?\}/.test(template)) return '索引号模板必须包含流水号 {seq} 或 {seq:N}';
  const unknown = template.match(/\{(?!(code|yyyy|mm|seq)(:\d+)?\})[^}]*\}/);
  if (unknown) return `索引号模板中有无法识别的字段 ${unknown[0]}，可用字段：{code} {yyyy} {mm} {seq:N}`;
  return null;
}
