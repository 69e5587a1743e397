// A section of the region dashboard (issue 17 §1) that a module contributes, as TodoSource does for the
// console home: the supervision page lays the sections out; each module knows its own records across the
// agencies of the region (applications, catalogue health…); `app` passes the list in.
import type { SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import type { Organization } from '../model.ts';

export interface RegionContext {
  /** The organization whose area is shown (the current organization of the supervisor). */
  region: Organization;
  /** The agencies below it that report (kinds government, department, subunit), in tree order. */
  agencies: Organization[];
  year: number;
  today: string;
}

export interface RegionSection {
  /** An id for the heading anchor, e.g. "applications". */
  id: string;
  /** The section heading, in Chinese. */
  title: string;
  render(deps: AppDeps, context: RegionContext): Promise<SafeHtml>;
}
