// Every SQL statement of the scoring scheme and the scores.
import type { Queryable } from '../../../core/db/database.ts';
import type { Indicator, IndicatorInput, Score } from './model.ts';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toIndicator = (r: Row): Indicator => ({
  id: Number(r.id), orgId: Number(r.org_id), year: Number(r.year), title: String(r.title), description: String(r.description),
  points: Number(r.points), deduction: num(r.deduction), veto: Boolean(r.veto), source: (r.source as string | null) ?? null,
});

const toScore = (r: Row): Score => ({
  indicatorId: Number(r.indicator_id), orgId: Number(r.org_id), score: num(r.score), veto: Boolean(r.veto), faults: num(r.faults),
  detail: String(r.detail), href: (r.href as string | null) ?? null, computed: Boolean(r.computed), scoredByName: String(r.scored_by_name), scoredAt: r.scored_at as Date,
});

export async function insertIndicator(tx: Queryable, officeId: number, input: IndicatorInput): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into assessment_indicators (org_id, year, title, description, points, deduction, veto, source) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [officeId, input.year, input.title, input.description, input.points, input.deduction, input.veto, input.source],
  );
  return Number(row!.id);
}

export async function lockIndicator(tx: Queryable, id: number): Promise<Indicator | undefined> {
  const [r] = await tx.query<Row>(`select * from assessment_indicators where id = $1 for update`, [id]);
  return r && toIndicator(r);
}

export async function findIndicator(db: Queryable, id: number): Promise<Indicator | undefined> {
  const [r] = await db.query<Row>(`select * from assessment_indicators where id = $1`, [id]);
  return r && toIndicator(r);
}

export async function deleteIndicatorRow(tx: Queryable, id: number): Promise<number> {
  const rows = await tx.query(`delete from assessment_scores where indicator_id = $1 returning id`, [id]);
  await tx.query(`delete from assessment_indicators where id = $1`, [id]);
  return rows.length;
}

/** The office's indicators of a year, in the order they were written. */
export async function listIndicators(db: Queryable, officeId: number, year: number): Promise<Indicator[]> {
  return (await db.query<Row>(`select * from assessment_indicators where org_id = $1 and year = $2 order by id`, [officeId, year])).map(toIndicator);
}

export async function listScores(db: Queryable, indicatorIds: readonly number[]): Promise<Score[]> {
  if (indicatorIds.length === 0) return [];
  return (await db.query<Row>(`select * from assessment_scores where indicator_id = any($1::bigint[])`, [[...indicatorIds]])).map(toScore);
}

export async function findScore(db: Queryable, indicatorId: number, orgId: number): Promise<Score | undefined> {
  const [r] = await db.query<Row>(`select * from assessment_scores where indicator_id = $1 and org_id = $2`, [indicatorId, orgId]);
  return r && toScore(r);
}

export async function upsertScore(tx: Queryable, s: Omit<Score, 'scoredAt'>): Promise<void> {
  await tx.query(
    `insert into assessment_scores (indicator_id, org_id, score, veto, faults, detail, href, computed, scored_by_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (indicator_id, org_id) do update set score = excluded.score, veto = excluded.veto, faults = excluded.faults, detail = excluded.detail,
       href = excluded.href, computed = excluded.computed, scored_by_name = excluded.scored_by_name, scored_at = now()`,
    [s.indicatorId, s.orgId, s.score, s.veto, s.faults, s.detail, s.href, s.computed, s.scoredByName],
  );
}

export async function indicatorOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>(`select org_id from assessment_indicators where id = $1`, [id]);
  return r ? Number(r.org_id) : null;
}

/** The offices above an agency that have indicators of the year (usually its government office). */
export async function officesAssessing(db: Queryable, agency: { id: number; path: string }, year: number): Promise<number[]> {
  const rows = await db.query<{ org_id: number }>(
    `select distinct i.org_id, o.path from assessment_indicators i join organizations o on o.id = i.org_id
      where i.year = $3 and o.id <> $1 and $2 like o.path || '%' order by o.path`,
    [agency.id, agency.path, year],
  );
  return rows.map((r) => Number(r.org_id));
}

/** 整改 items an office sent in a year (China time), and how many of them it confirmed closed. */
export async function rectificationCounts(db: Queryable, officeId: number, year: number): Promise<{ sent: number; confirmed: number }> {
  const [r] = await db.query<{ sent: number; confirmed: number }>(
    `select count(*)::int as sent, count(*) filter (where state = 'confirmed')::int as confirmed from assessment_rectifications
      where office_org_id = $1 and extract(year from created_at at time zone 'Asia/Shanghai') = $2`,
    [officeId, year],
  );
  return { sent: Number(r?.sent ?? 0), confirmed: Number(r?.confirmed ?? 0) };
}
