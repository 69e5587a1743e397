// Every SQL statement of the console's two-step import: the files read from an upload are kept
// in the database under a random token until the user confirms the preview (migration 0020), so
// that several stateless app processes can serve the two steps. A staged import belongs to the
// user who uploaded it, lives STAGING_HOURS, and is taken (deleted) by its confirmation.
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../../core/db/database.ts';
import type { ReadFile } from './read-file.ts';

/** How long a preview can be confirmed. */
export const STAGING_HOURS = 1;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Keeps the files read for `userId` and returns the token that names them; expired ones go first. */
export async function stageImport(db: Database, userId: number, files: readonly ReadFile[]): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.query('delete from report_import_staging where expires_at < now()');
    await tx.query(
      `insert into report_import_staging (token_hash, user_id, expires_at, files) values ($1, $2, now() + make_interval(hours => $3::int), $4::jsonb)`,
      [hashToken(token), userId, STAGING_HOURS, files],
    );
  });
  return token;
}

/** The files of a staged import of this user that has not expired; null for any other token. */
export async function findStagedImport(db: Queryable, token: string, userId: number): Promise<ReadFile[] | null> {
  const [row] = await db.query<{ files: ReadFile[] }>(
    'select files from report_import_staging where token_hash = $1 and user_id = $2 and expires_at > now()',
    [hashToken(token), userId],
  );
  return row?.files ?? null;
}

/**
 * Takes a staged import for storing: deleted in the same statement that reads it, so that two
 * confirmations of one preview (two tabs, two processes) store it once; null when gone.
 */
export async function takeStagedImport(db: Queryable, token: string, userId: number): Promise<ReadFile[] | null> {
  const [row] = await db.query<{ files: ReadFile[] }>(
    'delete from report_import_staging where token_hash = $1 and user_id = $2 and expires_at > now() returning files',
    [hashToken(token), userId],
  );
  return row?.files ?? null;
}
