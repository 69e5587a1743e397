// The audit key: outside the database, so that write access to the database is not enough to
// rewrite the log (core/audit/seal.ts). Taken from GONGKAI_AUDIT_KEY, or the file named by
// GONGKAI_AUDIT_KEY_FILE, or else <data folder>/audit.key, made on first start (mode 0600).
// Every process on one database must use the same key: a start with another key is refused
// (checkAuditSeal), so a misconfigured process never writes entries that later fail to verify.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditKey } from './seal.ts';

export interface AuditKeyConfig {
  auditKey: string | null;
  auditKeyFile: string | null;
  dataDir: string;
}

/** A key shorter than this is refused: the MACs would be guessable. */
export const MIN_KEY_LENGTH = 32;

export class AuditKeyError extends Error {}

export interface LoadedKey {
  key: AuditKey;
  /** Where it came from, for the start-up line (never the key itself). */
  source: string;
  /** true when the default file was used: several processes must then share that file. */
  isDefaultFile: boolean;
}

function fromText(text: string, where: string): AuditKey {
  const t = text.trim();
  if (t.length < MIN_KEY_LENGTH) throw new AuditKeyError(`审计密钥过短（${where}）：至少需要 ${MIN_KEY_LENGTH} 个字符，可用 openssl rand -hex 32 生成`);
  return Buffer.from(t, 'utf8');
}

function readKeyFile(path: string): AuditKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AuditKeyError(`无法读取审计密钥文件 ${path}：${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : (e as Error).message}`);
  }
  return fromText(text, path);
}

export function loadAuditKey(config: AuditKeyConfig): LoadedKey {
  if (config.auditKey) return { key: fromText(config.auditKey, 'GONGKAI_AUDIT_KEY'), source: '环境变量 GONGKAI_AUDIT_KEY', isDefaultFile: false };
  if (config.auditKeyFile) return { key: readKeyFile(config.auditKeyFile), source: config.auditKeyFile, isDefaultFile: false };
  const path = join(config.dataDir, 'audit.key');
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting together never overwrite each other's key; the loser reads it.
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new AuditKeyError(`无法创建审计密钥文件 ${path}：${(e as Error).message}`);
  }
  return { key: readKeyFile(path), source: path, isDefaultFile: true };
}

let installed: AuditKey | null = null;

/** The key this process signs with (set once at start: the database's opener or the test helper). */
export function useAuditKey(key: AuditKey): void {
  installed = key;
}

export function auditKey(): AuditKey {
  if (!installed) throw new Error('audit key not loaded: open the database with openDatabase() or call useAuditKey() first');
  return installed;
}
