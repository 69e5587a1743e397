#!/usr/bin/env node
// Compiles src/ to dist/ (one JavaScript file per TypeScript file, the same folders), so that the
// `gongkai` command and `npm start` run plain JavaScript instead of compiling at every start.
// esbuild only strips the types (as tsx does in tests); `npm run typecheck` checks them.
// Run by `npm ci` (prepare) and before `npm test`; about a second.
import { cpSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** Every file under a folder, tests excepted. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.test.ts') ? [] : [path];
  });
}

const files = sources(SRC);
// Built beside dist/ and swapped in, so that a command running meanwhile (another test run)
// never finds dist/ half-written.
const NEXT = `${DIST}.next-${process.pid}`;
await build({
  entryPoints: files.filter((f) => f.endsWith('.ts')),
  outdir: NEXT,
  outbase: SRC,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  charset: 'utf8',
  logLevel: 'warning',
  // "Bundling" with every import left outside is how esbuild rewrites the relative
  // `./x.ts` imports to `./x.js` while compiling each file on its own.
  bundle: true,
  plugins: [
    {
      name: 'keep-imports',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const relativeTs = /^\.\.?\//.test(args.path) && args.path.endsWith('.ts');
          return { path: relativeTs ? args.path.slice(0, -3) + '.js' : args.path, external: true };
        });
      },
    },
  ],
});
// Files read at run time beside their module (the holiday data, the portal's stylesheet).
for (const f of files.filter((f) => !f.endsWith('.ts'))) cpSync(f, join(NEXT, relative(SRC, f)));
const OLD = `${DIST}.old-${process.pid}`;
try {
  renameSync(DIST, OLD);
} catch {
  // no dist/ yet
}
try {
  renameSync(NEXT, DIST);
} catch {
  rmSync(NEXT, { recursive: true, force: true }); // a build running alongside put its dist/ in place first
}
rmSync(OLD, { recursive: true, force: true });
