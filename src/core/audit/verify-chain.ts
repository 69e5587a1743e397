// Verifying one chain of the audit log (pure): the links and hashes (core/audit/chain.ts), each
// entry's seal, the head's seal, and the chain's place in the newest checkpoint (core/audit/seal.ts).
import { entryHash, GENESIS_HASH, type StoredEntry } from './chain.ts';
import { entryMac, headMac, macMatches, type AuditKey } from './seal.ts';

export type ChainBreak = { id: number; reason: string };

export interface StoredHead {
  lastId: number;
  lastHash: string;
  mac: string | null;
}

export interface ChainAnchors {
  /** The chain's row in audit_heads. */
  head: StoredHead | null;
  /**
   * The chain's head in the newest checkpoint. Entries up to it are covered by the checkpoint's
   * seal, so those written before sealing began (no MAC of their own) are protected too.
   */
  checkpointed: { lastId: number; lastHash: string } | null;
}

/** Checks one chain entry by entry (in id order), so a long log is verified in batches. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private last: StoredEntry | null = null;
  private broken: ChainBreak | null = null;
  private checkpointedSeen = false;

  constructor(
    private readonly key: AuditKey,
    private readonly chainKey: number,
    private readonly anchors: ChainAnchors,
  ) {}

  private covered(id: number): boolean {
    return !!this.anchors.checkpointed && id <= this.anchors.checkpointed.lastId;
  }

  push(e: StoredEntry): void {
    if (this.broken) return;
    if (e.prevHash !== this.prev) this.broken = { id: e.id, reason: '与前一条记录的链接断开（前一条记录被删除或修改）' };
    else if (entryHash(this.prev, e) !== e.hash) this.broken = { id: e.id, reason: '记录内容与其哈希值不符（该记录被修改）' };
    else if (e.mac === null && !this.covered(e.id)) this.broken = { id: e.id, reason: '记录没有签名，也不在任何已签名的检查点之内（该记录或其后的哈希链被改写）' };
    else if (e.mac !== null && !macMatches(entryMac(this.key, e.hash), e.mac)) {
      this.broken = { id: e.id, reason: '记录的签名无效（该记录被修改并重算了哈希链，或所用审计密钥不同）' };
    }
    const cp = this.anchors.checkpointed;
    if (cp && e.id === cp.lastId && e.hash === cp.lastHash) this.checkpointedSeen = true;
    this.prev = e.hash;
    this.last = e;
  }

  /** The first break, checking the chain's tail against its sealed head and the newest checkpoint. */
  finish(): ChainBreak | null {
    if (this.broken) return this.broken;
    const { head, checkpointed } = this.anchors;
    const last = this.last;
    if (checkpointed && !this.checkpointedSeen) {
      return last
        ? { id: checkpointed.lastId, reason: `最近的检查点记录的第 ${checkpointed.lastId} 号记录缺失或被改写` }
        : { id: checkpointed.lastId, reason: `整条哈希链被删除：最近的检查点记录了它的第 ${checkpointed.lastId} 号记录` };
    }
    if (head && (!last || last.id !== head.lastId || last.hash !== head.lastHash)) {
      return { id: head.lastId, reason: '链尾记录缺失或被替换（最新记录被删除）' };
    }
    if (!head && last) return { id: last.id, reason: '缺少链头记录' };
    if (head && (head.mac === null ? !this.covered(head.lastId) : !macMatches(headMac(this.key, { chainKey: this.chainKey, ...head }), head.mac))) {
      return { id: head.lastId, reason: '链头签名无效（链头被改写，或链尾记录被删除后链头被移回）' };
    }
    return null;
  }
}

export function verifyChain(key: AuditKey, chainKey: number, entries: StoredEntry[], anchors: ChainAnchors): ChainBreak | null {
  const v = new ChainVerifier(key, chainKey, anchors);
  for (const e of entries) v.push(e);
  return v.finish();
}
