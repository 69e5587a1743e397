// The hash chain of the audit log (pure). Each entry's hash covers the previous entry's hash
// and every stored field, so altering or deleting a row breaks the chain from there on.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  chainKey: number;
  at: string; // ISO timestamp, millisecond precision
  actorUserId: number | null;
  actorName: string;
  orgId: number | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function entryHash(prevHash: string, e: AuditFields): string {
  const body = canonicalJson([
    prevHash,
    e.chainKey,
    e.at,
    e.actorUserId,
    e.actorName,
    e.orgId,
    e.action,
    e.targetType,
    e.targetId,
    e.summary,
    e.requestId,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

export interface StoredEntry extends AuditFields {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { id: number; reason: string };

/** Checks one chain entry by entry (in id order), so a long log is verified in batches. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private last: StoredEntry | null = null;
  private broken: ChainBreak | null = null;

  push(e: StoredEntry): void {
    if (this.broken) return;
    if (e.prevHash !== this.prev) this.broken = { id: e.id, reason: '与前一条记录的链接断开（前一条记录被删除或修改）' };
    else if (entryHash(this.prev, e) !== e.hash) this.broken = { id: e.id, reason: '记录内容与其哈希值不符（该记录被修改）' };
    this.prev = e.hash;
    this.last = e;
  }

  /** The first break, checking the chain's tail against its recorded head. */
  finish(head: { lastId: number; lastHash: string } | null): ChainBreak | null {
    if (this.broken) return this.broken;
    const last = this.last;
    if (head && (!last || last.id !== head.lastId || last.hash !== head.lastHash)) {
      return { id: head.lastId, reason: '链尾记录缺失或被替换（最新记录被删除）' };
    }
    if (!head && last) return { id: last.id, reason: '缺少链头记录' };
    return null;
  }
}

export function verifyChain(entries: StoredEntry[], head: { lastId: number; lastHash: string } | null): ChainBreak | null {
  const v = new ChainVerifier();
  for (const e of entries) v.push(e);
  return v.finish(head);
}
