// The audit log at start (server and every command that opens the database): the key must be the
// one the log was sealed with, and a new or upgraded database gets its first checkpoint.
import type { Database } from '../db/database.ts';
import { latestCheckpoint, writeCheckpoint } from './checkpoints.ts';
import { auditKey } from './key.ts';
import { checkpointMac, macMatches, type Checkpoint } from './seal.ts';
import { verifyAuditLog } from './verify.ts';

export type SealState =
  /** The newest checkpoint is signed with this process's key. */
  | { status: 'ok' }
  /** There was no checkpoint: the first one was written now (a new database, or the first start after the upgrade). */
  | { status: 'sealed'; checkpoint: Checkpoint }
  /**
   * No checkpoint, and sealing now could cover tampering (entries without a MAC next to sealed ones,
   * or chains that do not verify): left for `gongkai audit verify` to report.
   */
  | { status: 'not_sealed'; reason: string };

export class AuditKeyMismatch extends Error {}

export async function checkAuditSeal(db: Database): Promise<SealState> {
  const latest = await latestCheckpoint(db);
  if (latest) {
    if (!macMatches(checkpointMac(auditKey(), latest.hash), latest.mac)) {
      throw new AuditKeyMismatch(
        '审计密钥与数据库中的签名不符：同一数据库的所有进程必须使用同一审计密钥（GONGKAI_AUDIT_KEY 或 GONGKAI_AUDIT_KEY_FILE；PGlite 默认为数据目录中的 audit.key）。密钥一经使用，请勿更换或重新生成。',
      );
    }
    return { status: 'ok' };
  }
  return db.transaction(async (tx): Promise<SealState> => {
    const [log] = await tx.query<{ sealed: boolean; unsealed: boolean }>(
      'select exists (select 1 from audit_log where mac is not null) as sealed, exists (select 1 from audit_log where mac is null) as unsealed',
    );
    if (log!.sealed && log!.unsealed) return { status: 'not_sealed', reason: '审计日志中既有已签名的记录又有未签名的记录，却没有任何检查点（检查点可能被删除）' };
    if (log!.unsealed) {
      const r = await verifyAuditLog(tx, { anchor: 'heads' });
      if (r.firstBreak) return { status: 'not_sealed', reason: `升级前的审计日志未通过校验：第 ${r.firstBreak.id} 号记录异常：${r.firstBreak.reason}` };
    }
    const checkpoint = await writeCheckpoint(tx);
    return checkpoint ? { status: 'sealed', checkpoint } : { status: 'ok' };
  });
}
