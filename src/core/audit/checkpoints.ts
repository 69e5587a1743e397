// Checkpoints of the audit log: signed snapshots of every chain head, chained to each other
// (core/audit/seal.ts). Written at start, by a scheduled job when the heads moved, and before an
// export; exported for offsite keeping, where no database administrator can reach them.
import { LOCK, type Database, type Queryable } from '../db/database.ts';
import { auditKey } from './key.ts';
import { checkpointHash, checkpointMac, FIRST_CHECKPOINT_PREV, macMatches, type ChainHead, type Checkpoint } from './seal.ts';

interface CheckpointRow {
  id: number;
  at: Date;
  heads: ChainHead[];
  prev_hash: string;
  hash: string;
  mac: string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({ id: r.id, at: new Date(r.at).toISOString(), heads: r.heads, prevHash: r.prev_hash, hash: r.hash, mac: r.mac });

export async function latestCheckpoint(db: Queryable): Promise<Checkpoint | null> {
  const [row] = await db.query<CheckpointRow>('select * from audit_checkpoints order by id desc limit 1');
  return row ? toCheckpoint(row) : null;
}

/** Checkpoints in id order from `afterId`, a batch at a time (a year of ten-minute checkpoints is ~50,000). */
export async function checkpointsAfter(db: Queryable, afterId: number, limit: number): Promise<Checkpoint[]> {
  return (await db.query<CheckpointRow>('select * from audit_checkpoints where id > $1 order by id limit $2', [afterId, limit])).map(toCheckpoint);
}

export async function checkpointsSince(db: Queryable, since: Date): Promise<Checkpoint[]> {
  return (await db.query<CheckpointRow>('select * from audit_checkpoints where at >= $1 order by id', [since])).map(toCheckpoint);
}

const sameHeads = (a: ChainHead[], b: ChainHead[]) =>
  a.length === b.length && a.every((h, i) => h.chainKey === b[i]!.chainKey && h.lastId === b[i]!.lastId && h.lastHash === b[i]!.lastHash);

/**
 * Writes a checkpoint of the current chain heads, unless they are those of the newest checkpoint
 * (then null). Several processes may try at once: the advisory lock puts them in a line, and the
 * later ones find nothing new.
 */
export async function writeCheckpoint(tx: Queryable): Promise<Checkpoint | null> {
  await tx.query('select pg_advisory_xact_lock($1::int, 0)', [LOCK.auditCheckpoint]);
  const heads = (await tx.query<{ chain_key: number; last_id: number; last_hash: string }>('select chain_key, last_id, last_hash from audit_heads order by chain_key')).map(
    (h): ChainHead => ({ chainKey: h.chain_key, lastId: h.last_id, lastHash: h.last_hash }),
  );
  const prev = await latestCheckpoint(tx);
  if (prev && sameHeads(prev.heads, heads)) return null;
  const body = { at: new Date().toISOString(), heads, prevHash: prev?.hash ?? FIRST_CHECKPOINT_PREV };
  const hash = checkpointHash(body);
  const mac = checkpointMac(auditKey(), hash);
  // the array itself, as every jsonb parameter here: a JSON string would be stored as one string on PostgreSQL
  const [row] = await tx.query<{ id: number }>('insert into audit_checkpoints (at, heads, prev_hash, hash, mac) values ($1, $2, $3, $4, $5) returning id', [
    body.at,
    heads,
    body.prevHash,
    hash,
    mac,
  ]);
  return { id: row!.id, ...body, hash, mac };
}
