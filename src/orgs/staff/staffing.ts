// An extension point: what an organization can no longer do after a change of its people. Each
// module to the right of orgs knows which roles its work needs (the catalogue: a person for every
// review stage); orgs cannot import them, so the app passes their checks to the user pages, API
// and CLI, which show the warnings after a role change or a user is disabled.
// They warn and never refuse: someone who left or whose account is misused must be disabled at
// once, and appointments change whatever a configuration says. What the change breaks is shown
// (here, on the module's own settings page and on the head's and administrators' 工作台), work
// that cannot be completed is refused where it starts (the catalogue refuses a submission), and
// what is already stuck can always be returned by the head or an administrator.
import type { Queryable } from '../../core/db/database.ts';

/** Warnings in Chinese for one organization, [] when its people can do its work. */
export type StaffingCheck = (db: Queryable, orgId: number) => Promise<string[]>;

export async function staffingWarnings(db: Queryable, checks: readonly StaffingCheck[], orgId: number): Promise<string[]> {
  return (await Promise.all(checks.map((check) => check(db, orgId)))).flat();
}
