// Every SQL statement of the region roll-up: whether an agency is included in its office's roll-up
// of a year (migration 0025). No row means included (the default once the agency has a report).
import type { Queryable } from '../../core/db/database.ts';

export interface RollupInclusion {
  officeOrgId: number;
  orgId: number;
  year: number;
  included: boolean;
  reason: string;
  changedBy: number | null;
  changedByName: string;
  changedAt: string;
}

interface InclusionRow {
  office_org_id: number;
  org_id: number;
  year: number;
  included: boolean;
  reason: string;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: Date;
}

const toInclusion = (r: InclusionRow): RollupInclusion => ({
  officeOrgId: Number(r.office_org_id),
  orgId: Number(r.org_id),
  year: r.year,
  included: r.included,
  reason: r.reason,
  changedBy: r.changed_by === null ? null : Number(r.changed_by),
  changedByName: r.changed_by_name,
  changedAt: new Date(r.changed_at).toISOString(),
});

/** The decisions recorded for an office's roll-up of a year, by agency id. */
export async function listRollupInclusions(db: Queryable, officeOrgId: number, year: number): Promise<Map<number, RollupInclusion>> {
  const rows = await db.query<InclusionRow>('select * from report_rollup_inclusions where office_org_id = $1 and year = $2', [officeOrgId, year]);
  return new Map(rows.map((r) => [Number(r.org_id), toInclusion(r)]));
}

export async function findRollupInclusion(
  db: Queryable,
  officeOrgId: number,
  orgId: number,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<RollupInclusion | undefined> {
  const [r] = await db.query<InclusionRow>(
    `select * from report_rollup_inclusions where office_org_id = $1 and org_id = $2 and year = $3${opts.lock ? ' for update' : ''}`,
    [officeOrgId, orgId, year],
  );
  return r && toInclusion(r);
}

export async function upsertRollupInclusion(
  tx: Queryable,
  r: { officeOrgId: number; orgId: number; year: number; included: boolean; reason: string; changedBy: number | null; changedByName: string },
): Promise<void> {
  await tx.query(
    `insert into report_rollup_inclusions (office_org_id, org_id, year, included, reason, changed_by, changed_by_name)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (office_org_id, org_id, year) do update
       set included = excluded.included, reason = excluded.reason, changed_by = excluded.changed_by,
           changed_by_name = excluded.changed_by_name, changed_at = now()`,
    [r.officeOrgId, r.orgId, r.year, r.included, r.reason, r.changedBy, r.changedByName],
  );
}
