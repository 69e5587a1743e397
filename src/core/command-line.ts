// The command line's kit: the configured database for one command (migrated, closed
// afterwards), an input file read with a reason a clerk understands, and errors
// printed in Chinese instead of a stack trace.
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { openReadyDatabase } from './db/ready.ts';

export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openReadyDatabase(loadConfig());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Prints a clerk-readable error and sets the exit code instead of a stack trace. */
export async function runCommand(fn: () => Promise<void>, exitCode = 1): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const e = err as Error & { issues?: { path: PropertyKey[]; message: string }[] };
    const message = e.issues ? e.issues.map((i) => `${i.path.join('.') || '输入'}：${i.message}`).join('；') : e.message;
    process.stderr.write(`错误：${message}\n`);
    process.exitCode = exitCode;
  }
}

/** An input file that cannot be used; the message (Chinese) says which and why. */
export class UnreadableInput extends Error {}

/** Why a file could not be read, in Chinese: 文件不存在, 这是一个目录, 没有读取权限, or the system's message. */
export function readFailureReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
}

/** The bytes of an input file, or UnreadableInput: 无法读取文件 a.json：文件不存在. */
export function readInputFile(path: string, what = '文件'): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UnreadableInput(`无法读取${what} ${path}：${readFailureReason(e)}`);
  }
}
