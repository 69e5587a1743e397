// Which files an import takes: the documents named, and those found in folders (recursively).
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const IMPORTABLE_EXTENSIONS = ['.html', '.htm', '.txt', '.pdf', '.docx'] as const;

export interface ImportFile {
  /** The file's path, or the name of an uploaded document. */
  path: string;
  /** Why it cannot be imported, decided before reading it (missing, unsupported type). */
  problem: string | null;
  /** The bytes of an uploaded document (a path is then only its name, nothing is read from disk). */
  content?: Uint8Array;
}

const importable = (path: string) => (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

/** Named files are all reported (with a problem if any); folders contribute their documents only. */
export function collectImportFiles(paths: string[]): ImportFile[] {
  const out: ImportFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (importable(p)) out.push({ path: p, problem: null });
    }
  };
  for (const raw of paths) {
    const p = resolve(raw);
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push({ path: p, problem: '文件不存在或无法访问' });
      continue;
    }
    if (isDir) walk(p);
    else out.push({ path: p, problem: importable(p) ? null : `不支持的文件类型（支持 ${IMPORTABLE_EXTENSIONS.join('、')}）` });
  }
  return out;
}
