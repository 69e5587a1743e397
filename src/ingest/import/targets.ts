// Where a report read from an upload goes (issue 21 item 9): the console's preview proposes a
// target per file and the user confirms or changes it. An importer works within its region, so
// only the region's organizations are offered, or a new one under the importer's own organization.
// Nothing is guessed: a name several organizations fit, one outside the region, or no name at all
// leaves the choice to the user.
import type { Organization } from '../../orgs/model.ts';
import { matchAgency } from '../../orgs/name-match.ts';

export type TargetSuggestion =
  /** The printed agency is one organization of the region: preselected. */
  | { kind: 'matched'; org: Organization }
  /** Several organizations of the region fit the printed name. */
  | { kind: 'ambiguous'; candidates: Organization[] }
  /** The printed agency fits organizations outside the region only (they are not imported into). */
  | { kind: 'elsewhere'; orgs: Organization[] }
  /** No organization has the printed name: a new one is preselected. */
  | { kind: 'new' }
  /** The report names no agency. */
  | { kind: 'unnamed' };

export function suggestTarget(agency: string | null, region: readonly Organization[], everyOrg: readonly Organization[]): TargetSuggestion {
  if (!agency?.trim()) return { kind: 'unnamed' };
  const inRegion = matchAgency(agency, region);
  if (inRegion.kind === 'exact' || inRegion.kind === 'suffix') return { kind: 'matched', org: inRegion.org };
  if (inRegion.kind === 'ambiguous') return { kind: 'ambiguous', candidates: inRegion.candidates };
  const outside = matchAgency(agency, everyOrg);
  if (outside.kind === 'exact' || outside.kind === 'suffix') return { kind: 'elsewhere', orgs: [outside.org] };
  if (outside.kind === 'ambiguous') return { kind: 'elsewhere', orgs: outside.candidates };
  return { kind: 'new' };
}

/** What the user picks per file: an organization of the region, or a new one by name under their own. */
export type TargetChoice = { kind: 'org'; code: string } | { kind: 'new'; name: string };

/** The preselected choice (its value in the list): only an unambiguous one, a match in the region or a name nobody has. */
export function defaultChoice(s: TargetSuggestion): string | null {
  return s.kind === 'matched' ? choiceValue({ kind: 'org', code: s.org.code }) : s.kind === 'new' ? choiceValue({ kind: 'new' }) : null;
}

/** An organization's full name as created (the limit of the organization form). */
export const newOrgName = (name: string) => name.trim().slice(0, 100);

/** The name proposed for a new organization: the printed agency, unless an organization has it already. */
export function proposedName(agency: string | null, everyOrg: readonly Pick<Organization, 'fullName'>[]): string {
  const name = newOrgName(agency ?? '');
  return everyOrg.some((o) => o.fullName === name) ? '' : name;
}

/** The form fields of file `index` in the preview: one list of choices, and the name of a new organization. */
export const choiceFields = (index: number) => ({ target: `target-${index}`, name: `name-${index}` });

/** The value of a choice in the list. */
export const choiceValue = (c: { kind: 'org'; code: string } | { kind: 'new' }) => (c.kind === 'org' ? `org:${c.code}` : 'new');

/** The user's choice for file `index` read from the confirmation form, or what is missing (Chinese). */
export function readChoice(form: Readonly<Record<string, unknown>>, index: number, file: string): TargetChoice | { problem: string } {
  const f = choiceFields(index);
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const value = text(f.target);
  if (value.startsWith('org:') && value.length > 4) return { kind: 'org', code: value.slice(4).trim() };
  if (value === 'new') {
    const name = newOrgName(text(f.name));
    return name.length >= 2 ? { kind: 'new', name } : { problem: `请填写文件“${file}”要新建的机构名称（至少 2 个字）` };
  }
  return { problem: `请为文件“${file}”选择导入到哪个机构：本区域的机构，或新建机构` };
}
