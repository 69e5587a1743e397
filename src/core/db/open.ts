// Chooses the backend: a PostgreSQL server when DATABASE_URL is set, else PGlite in the data folder.
import type { Config } from '../config.ts';
import type { Database } from './database.ts';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(config.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(config.dataDir);
}
