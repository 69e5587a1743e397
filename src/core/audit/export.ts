// The export format of checkpoints: one JSON object per line, as stored and signed. Kept offsite,
// it outlives whatever happens in the database, and `audit verify --against` reads it back.
import { UnreadableInput } from '../command-line.ts';
import type { Checkpoint } from './seal.ts';

export const exportLine = (c: Checkpoint) => `${JSON.stringify({ id: c.id, at: c.at, heads: c.heads, prevHash: c.prevHash, hash: c.hash, mac: c.mac })}\n`;

const isHex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

function isCheckpoint(v: unknown): v is Checkpoint {
  const c = v as Checkpoint;
  return (
    !!c &&
    Number.isInteger(c.id) &&
    typeof c.at === 'string' &&
    isHex64(c.prevHash) &&
    isHex64(c.hash) &&
    isHex64(c.mac) &&
    Array.isArray(c.heads) &&
    c.heads.every((h) => Number.isInteger(h?.chainKey) && Number.isInteger(h?.lastId) && isHex64(h?.lastHash))
  );
}

export function parseExportedCheckpoints(text: string, file: string): Checkpoint[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), no: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, no }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = null;
      }
      if (!isCheckpoint(value)) throw new UnreadableInput(`检查点文件 ${file} 第 ${no} 行不是 gongkai audit export 导出的检查点`);
      return value;
    });
}
