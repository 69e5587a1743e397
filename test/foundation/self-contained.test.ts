// A clone anywhere must pass `npm test`: no source, test, script or benchmark may
// read a file outside the repository — neither the shared reference folder that
// sits beside our own workspace nor an absolute path of one machine (a system
// font, a browser, a home folder). Seeds live in test/fixtures/seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = process.cwd();
const SCANNED = ['src', 'test', 'bench', 'scripts', 'bin'];
const CODE = /\.(ts|mts|mjs|js|cjs|json)$/;

/** A relative path that climbs out to the shared folder. */
const SHARED = /\.\.\/(\.\.\/)*shared\b/;
/** A string literal that starts at the file-system root of one machine (URL paths like '/api/v1' do not). */
const ABSOLUTE = new RegExp(String.raw`['"\`](/(usr|opt|home|root|work|etc|var|tmp|srv|mnt|media|snap|private|Users)/[^'"\`]*)`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? files(path) : CODE.test(name) ? [path] : [];
  });
}

/** Every line of the code files that points outside the repository, as `file:line: text`. */
function pathsOutsideRepository(root: string, dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap((d) => files(join(root, d)))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (SHARED.test(line) || ABSOLUTE.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

test('no source, test, script or benchmark refers to a path outside the repository', () => {
  const here = relative(ROOT, new URL(import.meta.url).pathname);
  const found = pathsOutsideRepository(ROOT, SCANNED).filter((l) => !l.startsWith(`${here}:`));
  assert.deepEqual(found, []);
});

test('the scan names file and line of a shared-folder path and of an absolute path (it can fail)', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-paths-'));
  try {
    mkdirSync(join(root, 'src'));
    const lines = [`const seeds = '../${'shared'}/seeds/001.txt';`, `fetch('/api/v1/orgs');`, `launch({ executablePath: '/usr/bin/${'chromium'}' });`];
    writeFileSync(join(root, 'src', 'bad.ts'), lines.join('\n'));
    assert.deepEqual(
      pathsOutsideRepository(root, ['src']).map((l) => l.split(':').slice(0, 2).join(':')),
      [join('src', 'bad.ts') + ':1', join('src', 'bad.ts') + ':3'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
