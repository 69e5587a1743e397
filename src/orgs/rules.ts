// Pure rules about organizations: where a kind may sit in the tree, the annual-report
// deadline, and the 索引号 template.
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
