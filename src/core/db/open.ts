// Chooses the backend: a PostgreSQL server when DATABASE_URL is set, else PGlite in the data folder.
// The audit key (kept outside the database) is loaded with it, so that every process that can
// write to the database signs its audit entries.
import { loadAuditKey, useAuditKey } from '../audit/key.ts';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'auditKey' | 'auditKeyFile'>): Promise<Database> {
  useAuditKey(loadAuditKey(config).key);
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(config.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(config.dataDir);
}
