// Every SQL statement of the self-assessment (自评报告), with the row-to-object mapping.
import type { Queryable } from '../../../core/db/database.ts';
import type { Actor } from '../../../core/audit/log.ts';
import type { AgencySelfAssessment, SelfAssessment } from './model.ts';
import type { SelfAssessmentState } from './rules.ts';

type Row = Record<string, unknown>;

const SELECT = `select s.*, o.full_name as org_name, o.code as org_code, f.full_name as office_name
  from assessment_self_assessments s join organizations o on o.id = s.org_id join organizations f on f.id = s.office_org_id`;

const toSelfAssessment = (r: Row): SelfAssessment => ({
  id: Number(r.id), orgId: Number(r.org_id), orgName: String(r.org_name), orgCode: (r.org_code as string | null) ?? null,
  officeOrgId: Number(r.office_org_id), officeName: String(r.office_name), year: Number(r.year), text: String(r.body),
  state: r.state as SelfAssessmentState, returnReason: String(r.return_reason),
  createdAt: r.created_at as Date, draftedAt: r.drafted_at as Date, editedAt: r.edited_at as Date, editedBy: String(r.edited_by_name),
  submittedAt: (r.submitted_at as Date | null) ?? null, submittedBy: String(r.submitted_by_name),
  decidedAt: (r.decided_at as Date | null) ?? null, decidedBy: String(r.decided_by_name),
});

export async function findSelfAssessment(db: Queryable, id: number): Promise<SelfAssessment | undefined> {
  const [row] = await db.query<Row>(`${SELECT} where s.id = $1`, [id]);
  return row ? toSelfAssessment(row) : undefined;
}

export async function findAgencySelfAssessment(db: Queryable, agencyId: number, year: number): Promise<SelfAssessment | undefined> {
  const [row] = await db.query<Row>(`${SELECT} where s.org_id = $1 and s.year = $2`, [agencyId, year]);
  return row ? toSelfAssessment(row) : undefined;
}

export async function lockSelfAssessment(tx: Queryable, id: number): Promise<SelfAssessment | undefined> {
  await tx.query(`select id from assessment_self_assessments where id = $1 for update`, [id]);
  return findSelfAssessment(tx, id);
}

/** A new draft; undefined when the agency already has one of the year (unique per agency and year). */
export async function insertSelfAssessment(tx: Queryable, v: { orgId: number; officeOrgId: number; year: number; text: string }, by: Actor): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `insert into assessment_self_assessments (org_id, office_org_id, year, body, edited_by, edited_by_name) values ($1, $2, $3, $4, $5, $6)
     on conflict (org_id, year) do nothing returning id`,
    [v.orgId, v.officeOrgId, v.year, v.text, by.userId, by.name],
  );
  return row ? Number(row.id) : undefined;
}

/** New text: a fresh draft from the facts (`redrafted`) or the agency's edit. */
export async function setText(tx: Queryable, id: number, text: string, redrafted: boolean, by: Actor): Promise<void> {
  await tx.query(
    `update assessment_self_assessments set body = $2, edited_at = now(), edited_by = $3, edited_by_name = $4,
       drafted_at = case when $5 then now() else drafted_at end where id = $1`,
    [id, text, by.userId, by.name, redrafted],
  );
}

export async function submitRow(tx: Queryable, id: number, by: Actor): Promise<void> {
  await tx.query(
    `update assessment_self_assessments set state = 'submitted', submitted_at = now(), submitted_by = $2, submitted_by_name = $3 where id = $1`,
    [id, by.userId, by.name],
  );
}

export async function decideRow(tx: Queryable, id: number, state: 'accepted' | 'returned', reason: string, by: Actor): Promise<void> {
  await tx.query(
    `update assessment_self_assessments set state = $2, return_reason = case when $2 = 'returned' then $3 else return_reason end,
       decided_at = now(), decided_by = $4, decided_by_name = $5 where id = $1`,
    [id, state, reason, by.userId, by.name],
  );
}

/** The agencies below the office (tree order), each with its self-assessment of the year sent to this office. */
export async function listForOffice(db: Queryable, office: { id: number; path: string }, year: number): Promise<AgencySelfAssessment[]> {
  const orgs = await db.query<Row>(
    `select id, full_name, code from organizations where path like $1 and id <> $2 and kind in ('government', 'department', 'subunit') order by path`,
    [`${office.path}%`, office.id],
  );
  const rows = (await db.query<Row>(`${SELECT} where s.office_org_id = $1 and s.year = $2`, [office.id, year])).map(toSelfAssessment);
  const byOrg = new Map(rows.map((s) => [s.orgId, s]));
  return orgs.map((o) => ({ orgId: Number(o.id), orgName: String(o.full_name), orgCode: (o.code as string | null) ?? null, selfAssessment: byOrg.get(Number(o.id)) ?? null }));
}

// --- 待办 counts

/** The agency's returned self-assessments: how many, and the latest year among them. */
export async function returnedCount(db: Queryable, agencyId: number): Promise<{ count: number; year: number | null }> {
  const [row] = await db.query<{ n: number; year: number | null }>(
    `select count(*) as n, max(year) as year from assessment_self_assessments where org_id = $1 and state = 'returned'`, [agencyId],
  );
  return { count: Number(row!.n), year: row!.year === null ? null : Number(row!.year) };
}

export async function submittedCount(db: Queryable, officeId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*) as n from assessment_self_assessments where office_org_id = $1 and state = 'submitted'`, [officeId]);
  return Number(row!.n);
}

// --- scope of route parameters

export async function selfAssessmentOrgId(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ org_id: number }>(`select org_id from assessment_self_assessments where id = $1`, [id]);
  return row ? Number(row.org_id) : null;
}
