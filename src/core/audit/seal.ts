// The keyed seal of the audit log (pure). The hash chain alone can be recomputed by anyone who can
// write to the database; a MAC needs the key, which is kept outside it (core/audit/key.ts).
// Each MAC names what it covers ("entry", "head", "checkpoint"), so one can never stand for another.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from './chain.ts';

export type AuditKey = Buffer;

function mac(key: AuditKey, ...parts: (string | number)[]): string {
  return createHmac('sha256', key).update(parts.join('|')).digest('hex');
}

/** Compares two hex MACs in constant time; a missing one never matches. */
export function macMatches(expected: string, actual: string | null | undefined): boolean {
  if (!actual || actual.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
}

/** Seals one entry: its hash already covers its fields and the chain before it. */
export const entryMac = (key: AuditKey, hash: string) => mac(key, 'entry', hash);

export interface ChainHead {
  chainKey: number;
  lastId: number;
  lastHash: string;
}

/** Seals a chain's head, so that moving it back over a deleted tail needs the key. */
export const headMac = (key: AuditKey, h: ChainHead) => mac(key, 'head', h.chainKey, h.lastId, h.lastHash);

export interface CheckpointBody {
  at: string; // ISO timestamp
  heads: ChainHead[]; // in chain order
  prevHash: string;
}

export interface Checkpoint extends CheckpointBody {
  id: number;
  hash: string;
  mac: string;
}

export const FIRST_CHECKPOINT_PREV = GENESIS_HASH;

export function checkpointHash(c: CheckpointBody): string {
  return createHash('sha256')
    .update(canonicalJson([c.prevHash, c.at, c.heads.map((h) => [h.chainKey, h.lastId, h.lastHash])]))
    .digest('hex');
}

export const checkpointMac = (key: AuditKey, hash: string) => mac(key, 'checkpoint', hash);

/** What is wrong with one checkpoint given the one before it (null: nothing). */
export function checkpointProblem(key: AuditKey, c: Checkpoint, prev: Checkpoint | null): string | null {
  const expectedPrev = prev ? prev.hash : FIRST_CHECKPOINT_PREV;
  if (c.prevHash !== expectedPrev) return `第 ${c.id} 号检查点与前一个检查点的链接断开（有检查点被删除或改写）`;
  if (checkpointHash(c) !== c.hash) return `第 ${c.id} 号检查点的内容与其哈希值不符（检查点被改写）`;
  if (!macMatches(checkpointMac(key, c.hash), c.mac)) return `第 ${c.id} 号检查点的签名无效（检查点被伪造，或所用审计密钥不同）`;
  return null;
}
