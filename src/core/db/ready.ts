// The configured database as every entry point needs it: opened (with the audit key), migrated,
// and its audit log's seal checked — a process with another key stops here, and a new or upgraded
// database gets its first checkpoint (core/audit/start.ts).
import { checkAuditSeal } from '../audit/start.ts';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open.ts';

export async function openReadyDatabase(config: Config, warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<Database> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const seal = await checkAuditSeal(db);
    if (seal.status === 'not_sealed') warn(`警告：审计日志未能封存：${seal.reason}。请运行 gongkai audit verify 核查。`);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
