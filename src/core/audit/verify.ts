// `audit verify` in full: every chain (links, hashes, seals, heads), the chain of checkpoints, and,
// when given, the checkpoints exported earlier, which must still be in the database unchanged.
import type { Queryable } from '../db/database.ts';
import { checkpointsAfter } from './checkpoints.ts';
import { auditKey } from './key.ts';
import { toEntry, type AuditRow } from './log.ts';
import { checkpointMac, checkpointProblem, macMatches, type AuditKey, type Checkpoint } from './seal.ts';
import { ChainVerifier, type ChainBreak, type StoredHead } from './verify-chain.ts';

export interface VerifyOptions {
  key?: AuditKey;
  batchSize?: number;
  /** Checkpoints kept offsite (`gongkai audit export`): each must still be in the database, unchanged. */
  exported?: Checkpoint[];
  /**
   * 'heads': check the chains against their own heads only, as before sealing existed — used once,
   * to decide whether an upgraded log may be sealed (core/audit/start.ts).
   */
  anchor?: 'checkpoints' | 'heads';
}

export interface VerifyResult {
  entries: number;
  chains: number;
  checkpoints: number;
  /** The lowest-id broken entry across chains. */
  firstBreak: (ChainBreak & { chainKey: number }) | null;
  /** What is wrong with the checkpoints themselves. */
  checkpointProblems: string[];
}

export const auditLogIntact = (r: VerifyResult) => r.firstBreak === null && r.checkpointProblems.length === 0;

/** Reads and checks the chain of checkpoints; returns the newest and what is wrong. */
async function verifyCheckpoints(db: Queryable, key: AuditKey, batchSize: number, exported: Checkpoint[]) {
  const problems: string[] = [];
  const wanted = new Map(exported.map((c) => [c.id, c]));
  let prev: Checkpoint | null = null;
  let count = 0;
  for (;;) {
    const batch = await checkpointsAfter(db, prev?.id ?? 0, batchSize);
    for (const c of batch) {
      const problem = checkpointProblem(key, c, prev);
      if (problem) problems.push(problem);
      const kept = wanted.get(c.id);
      if (kept && kept.hash !== c.hash) problems.push(`第 ${c.id} 号检查点与导出保存的不同（检查点被改写）`);
      wanted.delete(c.id);
      prev = c;
      count++;
    }
    if (batch.length < batchSize) break;
  }
  for (const c of wanted.values()) {
    problems.push(
      macMatches(checkpointMac(key, c.hash), c.mac)
        ? `导出保存的第 ${c.id} 号检查点（${c.at}）在数据库中不存在（检查点被删除）`
        : `导出文件中的第 ${c.id} 号检查点签名无效（导出文件被改动，或所用审计密钥不同）`,
    );
  }
  const newestExported = exported.filter((c) => macMatches(checkpointMac(key, c.hash), c.mac)).reduce<Checkpoint | null>((a, c) => (!a || c.id > a.id ? c : a), null);
  // The newest checkpoint we can trust names the heads the chains must still reach.
  const newest: Checkpoint | null = newestExported && (!prev || newestExported.id > prev.id) ? newestExported : prev;
  return { newest, count, problems };
}

export async function verifyAuditLog(db: Queryable, options: VerifyOptions = {}): Promise<VerifyResult> {
  const key = options.key ?? auditKey();
  const batchSize = options.batchSize ?? 5000;
  const anchorHeads = options.anchor === 'heads';
  const cps = anchorHeads ? { newest: null, count: 0, problems: [] as string[] } : await verifyCheckpoints(db, key, batchSize, options.exported ?? []);
  const heads = new Map(
    (await db.query<{ chain_key: number; last_id: number; last_hash: string; mac: string | null }>('select * from audit_heads')).map((h) => [
      h.chain_key,
      { lastId: h.last_id, lastHash: h.last_hash, mac: h.mac } satisfies StoredHead,
    ]),
  );
  const checkpointed = new Map((cps.newest?.heads ?? []).map((h) => [h.chainKey, { lastId: h.lastId, lastHash: h.lastHash }]));
  const keys = new Set((await db.query<{ chain_key: number }>('select chain_key from audit_heads union select distinct chain_key from audit_log')).map((r) => r.chain_key));
  for (const k of checkpointed.keys()) keys.add(k); // a chain deleted whole is still named by the checkpoint
  let entries = 0;
  let firstBreak: VerifyResult['firstBreak'] = null;
  for (const chainKey of [...keys].sort((a, b) => a - b)) {
    const head = heads.get(chainKey) ?? null;
    const verifier = new ChainVerifier(key, chainKey, {
      head,
      checkpointed: anchorHeads ? (head && { lastId: head.lastId, lastHash: head.lastHash }) : (checkpointed.get(chainKey) ?? null),
    });
    for (let after = 0; ; ) {
      const rows = await db.query<AuditRow>('select * from audit_log where chain_key = $1 and id > $2 order by id limit $3', [chainKey, after, batchSize]);
      for (const r of rows) verifier.push(toEntry(r));
      entries += rows.length;
      if (rows.length < batchSize) break;
      after = rows.at(-1)!.id;
    }
    const brk = verifier.finish();
    if (brk && (!firstBreak || brk.id < firstBreak.id)) firstBreak = { ...brk, chainKey };
  }
  if (!anchorHeads && cps.count === 0 && entries > 0) cps.problems.push('没有任何检查点（检查点被删除，或数据库从未经 gongkai 启动）');
  return { entries, chains: keys.size, checkpoints: cps.count, firstBreak, checkpointProblems: cps.problems };
}
