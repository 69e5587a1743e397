// Secrets that every app process must share (several processes behind one proxy):
// generated once, kept in the database.
import { randomBytes } from 'node:crypto';
import type { Queryable } from './db/database.ts';

export async function sharedSecret(db: Queryable, key: string): Promise<string> {
  await db.query('insert into app_settings (key, value) values ($1, $2) on conflict (key) do nothing', [key, randomBytes(32).toString('base64url')]);
  const [row] = await db.query<{ value: string }>('select value from app_settings where key = $1', [key]);
  return row!.value;
}
