// Appending to and reading the audit log. Every state change calls appendAudit inside its
// own transaction, so the change and its audit entry commit (or fail) together.
import type { Queryable } from '../db/database.ts';
import { entryHash, GENESIS_HASH, type StoredEntry } from './chain.ts';
import { auditKey } from './key.ts';
import { entryMac, headMac } from './seal.ts';

export interface Actor {
  userId: number | null;
  name: string;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: '系统' };

export interface AuditEntryInput {
  orgId: number | null;
  action: string; // e.g. 'org.create', 'user.password.change'
  targetType: string;
  targetId: string | number;
  /** A summary of the change: { before, after } or other facts; never passwords or tokens. */
  summary: Record<string, unknown>;
}

/** One chain per organization (Citus-friendly: the chain lives with the org's rows); 0 = system. */
const chainKeyOf = (orgId: number | null) => orgId ?? 0;

export async function appendAudit(tx: Queryable, actor: Actor, input: AuditEntryInput): Promise<number> {
  const [id] = await appendAuditEntries(tx, [{ actor, input }]);
  return id!;
}

/** An organization's chain locked early in a transaction, and its head as it was (lockAuditChain). */
export interface LockedAuditChain {
  chainKey: number;
  lastHash: Promise<string>;
  /** Ids drawn for the entries, in rising order, after the lock (lockAuditChain's `reserve`). */
  ids: Promise<number[]> | null;
}

/**
 * Locks the organization's chain and reads its head, for entries appended later in the same
 * transaction (appendAuditEntries(tx, entries, [locked])): a caller that sends several statements
 * at once (pipelined) saves the round trip of the head's read. Await nothing here; the head is
 * awaited when appending.
 */
export function lockAuditChain(tx: Queryable, orgId: number | null, reserve = 0): LockedAuditChain {
  const chainKey = chainKeyOf(orgId);
  const lastHash = lockHead(tx, chainKey);
  // `reserve`: ids for up to so many entries, drawn in the statement after the lock (so they rise in
  // the chain's order across transactions). Knowing them, appendAuditEntries sends the entries and
  // the head, whose seal covers the last id, together instead of one after the other.
  const ids = reserve > 0
    ? tx.query<{ id: number }>(`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id from generate_series(1, $1)`, [reserve])
      .then((rows) => rows.map((r) => Number(r.id)).sort((a, b) => a - b))
    : null;
  // Their failure is the transaction's: reported by the statement awaited next.
  lastHash.catch(() => undefined);
  ids?.catch(() => undefined);
  return { chainKey, lastHash, ids };
}

/**
 * The chain's head, read and locked in one statement: appends to this chain are serialized across
 * processes until our transaction ends, and the head read is the last one committed (ON CONFLICT DO
 * UPDATE waits for a holder and takes its row as committed). A chain's first append creates the row,
 * which the head update in appendAuditEntries completes before commit (a rollback takes it back).
 */
async function lockHead(tx: Queryable, chainKey: number): Promise<string> {
  const [head] = await tx.query<{ last_hash: string }>(
    `insert into audit_heads (chain_key, last_id, last_hash) values ($1, 0, $2)
     on conflict (chain_key) do update set chain_key = excluded.chain_key returning last_hash`,
    [chainKey, GENESIS_HASH],
  );
  return head!.last_hash;
}

/**
 * Several entries appended at once, in the order given (a group commit writes one per change it
 * commits): per chain one locking read of the head, one insert of all its entries and one head
 * update, instead of three statements per entry. Returns the entries' ids in the order given.
 */
export async function appendAuditEntries(
  tx: Queryable,
  entries: readonly { actor: Actor; input: AuditEntryInput }[],
  locked: readonly LockedAuditChain[] = [],
): Promise<number[]> {
  const ids: number[] = new Array(entries.length);
  const chains = new Map<number, number[]>();
  entries.forEach((e, i) => {
    const chain = chainKeyOf(e.input.orgId);
    chains.set(chain, (chains.get(chain) ?? []).concat(i));
  });
  const key = auditKey();
  for (const [chainKey, members] of [...chains].sort((a, b) => a[0] - b[0])) {
    const lockedChain = locked.find((l) => l.chainKey === chainKey);
    let prevHash = await (lockedChain?.lastHash ?? lockHead(tx, chainKey));
    const reserved = lockedChain?.ids ? await lockedChain.ids : [];
    const rows: unknown[][] = [];
    for (const i of members) {
      const { actor, input } = entries[i]!;
      const fields = {
        chainKey,
        at: new Date().toISOString(),
        actorUserId: actor.userId,
        actorName: actor.name,
        orgId: input.orgId,
        action: input.action,
        targetType: input.targetType,
        targetId: String(input.targetId),
        summary: JSON.parse(JSON.stringify(input.summary)) as unknown,
        requestId: actor.requestId ?? null,
      };
      const hash = entryHash(prevHash, fields);
      rows.push([chainKey, fields.at, fields.actorUserId, fields.actorName, fields.orgId, fields.action, fields.targetType, fields.targetId, fields.summary, fields.requestId, prevHash, hash, entryMac(key, hash)]);
      prevHash = hash;
    }
    const seal = (lastId: number) => [chainKey, lastId, prevHash, headMac(key, { chainKey, lastId, lastHash: prevHash })];
    const headSql = `insert into audit_heads (chain_key, last_id, last_hash, mac) values ($1, $2, $3, $4)
       on conflict (chain_key) do update set last_id = excluded.last_id, last_hash = excluded.last_hash, mac = excluded.mac`;
    const columns = 'chain_key, at, actor_user_id, actor_name, org_id, action, target_type, target_id, summary, request_id, prev_hash, hash, mac';
    if (reserved.length >= rows.length) {
      // Ids drawn after the lock: the entries and the head sent together.
      const chainIds = reserved.slice(0, rows.length);
      const values = rows.map((_, r) => `(${Array.from({ length: 14 }, (_, c) => `$${r * 14 + c + 1}`).join(', ')})`).join(', ');
      await Promise.all([
        tx.query(`insert into audit_log (id, ${columns}) overriding system value values ${values}`, rows.flatMap((row, r) => [chainIds[r], ...row])),
        tx.query(headSql, seal(chainIds[chainIds.length - 1]!)),
      ]);
      members.forEach((i, n) => (ids[i] = chainIds[n]!));
      continue;
    }
    // One multi-row insert: its rows take their ids in the order written, which is the chain's order.
    const values = rows.map((_, r) => `(${Array.from({ length: 13 }, (_, c) => `$${r * 13 + c + 1}`).join(', ')})`).join(', ');
    const inserted = await tx.query<{ id: number; hash: string }>(`insert into audit_log (${columns}) values ${values} returning id, hash`, rows.flat());
    const idOf = new Map(inserted.map((r) => [r.hash, r.id]));
    const chainIds = rows.map((r) => idOf.get(r[11] as string)!);
    // The verifier walks a chain by id: ids must rise in chain order (they do for one insert; checked, never assumed).
    if (chainIds.some((id, n) => id === undefined || (n > 0 && id <= chainIds[n - 1]!))) throw new Error('audit entries were not numbered in chain order');
    members.forEach((i, n) => (ids[i] = chainIds[n]!));
    await tx.query(headSql, seal(chainIds[chainIds.length - 1]!));
  }
  return ids;
}

export interface AuditRow {
  id: number;
  chain_key: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string;
  org_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  summary: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

export function toEntry(r: AuditRow): StoredEntry {
  return {
    id: r.id,
    chainKey: r.chain_key,
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    orgId: r.org_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    summary: r.summary,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
    mac: r.mac,
  };
}

export interface AuditListItem {
  id: number;
  at: string;
  actorName: string;
  orgId: number | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: unknown;
}

/** Newest entries of the given organizations (a supervisor's scope is a list of org ids). */
export async function listAudit(db: Queryable, orgIds: number[], limit = 100): Promise<AuditListItem[]> {
  const rows = await db.query<AuditRow>(
    'select * from audit_log where org_id = any($1::bigint[]) order by id desc limit $2',
    [orgIds, limit],
  );
  return rows.map((r) => {
    const e = toEntry(r);
    return { id: e.id, at: e.at, actorName: e.actorName, orgId: e.orgId, action: e.action, targetType: e.targetType, targetId: e.targetId, summary: e.summary };
  });
}

