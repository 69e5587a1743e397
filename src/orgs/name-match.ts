// Matching the agency named in a published report to an organization, by normalized name
// (traditional → simplified, spaces and punctuation ignored). No silent guesses: a shorter
// name matches only when exactly one organization's full name ends with it.
import type { Organization } from './model.ts';
import { normalizeForMatch } from '../core/text/normalize.ts';

export const normalizeAgencyName = (name: string) => normalizeForMatch(name).replace(/[\s\p{P}]/gu, '');

export type AgencyMatch =
  | { kind: 'exact'; org: Organization }
  | { kind: 'suffix'; org: Organization }
  | { kind: 'ambiguous'; candidates: Organization[] }
  | { kind: 'none' };

export function matchAgency(name: string, orgs: readonly Organization[]): AgencyMatch {
  const wanted = normalizeAgencyName(name);
  if (!wanted) return { kind: 'none' };
  const exact = orgs.find((o) => normalizeAgencyName(o.fullName) === wanted);
  if (exact) return { kind: 'exact', org: exact };
  const bySuffix = orgs.filter((o) => {
    const full = normalizeAgencyName(o.fullName);
    return full.endsWith(wanted) || wanted.endsWith(full);
  });
  // Both directions: “新荣区自然资源局” ⊂ “大同市新荣区自然资源局”, and the reverse when the
  // report prints the longer name. Short names (e.g. “自然资源局”) match many: ambiguous.
  if (bySuffix.length === 1) return { kind: 'suffix', org: bySuffix[0]! };
  if (bySuffix.length > 1) return { kind: 'ambiguous', candidates: bySuffix };
  return { kind: 'none' };
}

/**
 * The agency printed in a report is clearly another than the organization it is imported into:
 * both names known and neither a shorter form of the other (新荣区自然资源局 fits 大同市新荣区自然资源局).
 */
export function agencyDiffers(printed: string | null, org: Pick<Organization, 'fullName' | 'shortName'>): boolean {
  const wanted = printed ? normalizeAgencyName(printed) : '';
  if (!wanted) return false;
  return ![org.fullName, org.shortName].some((n) => {
    const name = normalizeAgencyName(n);
    return name !== '' && (name.endsWith(wanted) || wanted.endsWith(name));
  });
}
