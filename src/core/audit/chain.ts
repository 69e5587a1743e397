// The hash chain of the audit log (pure). Each entry's hash covers the previous entry's hash
// and every stored field, so altering or deleting a row breaks the chain from there on. The chain
// alone can be recomputed by whoever can write the table: core/audit/seal.ts adds the key.
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
  /** The entry's seal (core/audit/seal.ts); null for entries written before sealing began. */
  mac: string | null;
}
