// SQL of the register import: the records a row may repeat, and the previews waiting for the
// clerk's confirmation (kept an hour, for the user who uploaded).
import type { Queryable } from '../../core/db/database.ts';
import type { AppealKind } from '../model.ts';

/** Stored records of the organization with these 案号: 案号 → id. */
export async function findByCaseNumbers(db: Queryable, orgId: number, caseNumbers: readonly string[]): Promise<Map<string, number>> {
  if (!caseNumbers.length) return new Map();
  const rows = await db.query<{ id: number; case_number: string }>(
    `select min(id)::int8 as id, case_number from appeals where org_id = $1 and case_number = any($2::text[]) group by case_number`,
    [orgId, caseNumbers],
  );
  return new Map(rows.map((r) => [r.case_number, Number(r.id)]));
}

/** A record without 案号 is the same when kind, body, party and the day received agree. */
export async function findSameRecord(db: Queryable, orgId: number, r: { kind: AppealKind; body: string; party: string; receivedOn: string }): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `select id from appeals where org_id = $1 and kind = $2 and body = $3 and party = $4 and received_on = $5::date order by id limit 1`,
    [orgId, r.kind, r.body, r.party, r.receivedOn],
  );
  return row ? Number(row.id) : null;
}

export async function insertPreview(tx: Queryable, p: { orgId: number; userId: number | null; fileName: string; sha256: string; content: Buffer }): Promise<number> {
  // previews older than an hour are of no use to anyone
  await tx.query(`delete from appeal_import_previews where created_at < now() - interval '1 hour'`);
  const [r] = await tx.query<{ id: number }>(
    'insert into appeal_import_previews (org_id, user_id, file_name, sha256, content) values ($1, $2, $3, $4, $5) returning id',
    [p.orgId, p.userId, p.fileName, p.sha256, p.content],
  );
  return Number(r!.id);
}

/** The preview of this user and organization, if not older than an hour. */
export async function findPreview(db: Queryable, id: number, orgId: number, userId: number | null): Promise<{ fileName: string; sha256: string; content: Buffer } | undefined> {
  const [r] = await db.query<{ file_name: string; sha256: string; content: Uint8Array }>(
    `select file_name, sha256, content from appeal_import_previews
     where id = $1 and org_id = $2 and user_id is not distinct from $3 and created_at >= now() - interval '1 hour'`,
    [id, orgId, userId],
  );
  return r && { fileName: r.file_name, sha256: r.sha256, content: Buffer.from(r.content) };
}

export async function deletePreview(tx: Queryable, id: number): Promise<void> {
  await tx.query('delete from appeal_import_previews where id = $1', [id]);
}

/** Serializes imports into one organization (the duplicate check sees every earlier record). */
export async function lockOrgAppeals(tx: Queryable, orgId: number): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::int, $2::int)', [APPEALS_IMPORT_LOCK, orgId]);
}

/** Advisory lock namespace of register imports (beside those of core/db/database.ts LOCK, 74xx). */
const APPEALS_IMPORT_LOCK = 7420;
