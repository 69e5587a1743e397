// Layers point one way (docs/architecture.md):
//
//   core → orgs → calendar → report → ingest · applications · catalogue · appeals · article20 · supervision → app
//
// A module imports only modules to its left; the domains do not import each other;
// only app (the composition root) imports another folder's routes and CLI commands.
// Read from the import statements of every non-test file under src/, type imports
// and dynamic imports included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The layers, left to right; the folders of one layer are peers that do not import each other. */
const LAYERS: readonly (readonly string[])[] = [['core'], ['orgs'], ['calendar'], ['report'], ['ingest', 'applications', 'catalogue', 'appeals', 'article20', 'consultations', 'interaction', 'supervision'], ['app']];

/** Files that wire a surface (HTTP routes, console pages, CLI commands): only app registers them. */
const WIRING = /(^|\/)(api|console|portal|cli)\.ts$|(^|\/)(cli|console)\/|-(routes|console|cli)\.ts$/;

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every import under srcDir that breaks the rule, as `file:line: why`. */
function layerViolations(srcDir: string): string[] {
  const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
  const found: string[] = [];
  for (const file of sources(srcDir)) {
    const from = relative(srcDir, file).split(sep).join('/');
    const fromTop = from.split('/')[0]!;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const to = relative(srcDir, resolve(dirname(file), spec)).split(sep).join('/');
      const toTop = to.split('/')[0]!;
      const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
      const where = `src/${from}:${line}: imports src/${to}`;
      if (to.startsWith('..')) {
        found.push(`${where} (outside src/)`);
        continue;
      }
      if (toTop === fromTop) continue;
      const a = layerOf.get(fromTop);
      const b = layerOf.get(toTop);
      if (a === undefined || b === undefined) found.push(`${where} (src/${a === undefined ? fromTop : toTop} is in no layer)`);
      else if (b > a) found.push(`${where} (${fromTop} → ${toTop}: a module imports only what is to its left)`);
      else if (b === a) found.push(`${where} (${fromTop} → ${toTop}: the domains do not import each other)`);
      else if (WIRING.test(to) && fromTop !== 'app') found.push(`${where} (routes and commands are wired in app only)`);
    }
  }
  return found;
}

const SRC = resolve('src');

test('every import under src/ points to the left (core → orgs → calendar → report → domains → app)', () => {
  assert.deepEqual(layerViolations(SRC), []);
});

test('src/ holds exactly the folders of the layers', () => {
  const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory()).sort();
  assert.deepEqual(folders, LAYERS.flat().sort());
});

test('an import to the right, sideways, into app or of another folder’s routes is named with file and line', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-layers-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  try {
    write('core/db.ts', `import { x } from '../orgs/model.ts';\nexport const db = 1;\n`);
    write('orgs/model.ts', `import { db } from '../core/db.ts';\nexport const x = db;\n`);
    write('orgs/api.ts', `export const routes = 1;\n`);
    write('calendar/rules.ts', `import type { x } from '../orgs/model.ts';\n\nconst later = () => import('../app/cli.ts');\n`);
    write('applications/store.ts', `export { x } from '../catalogue/model.ts';\n`);
    write('catalogue/model.ts', `import { routes } from '../orgs/api.ts';\nexport const x = routes;\n`);
    write('catalogue/model.test.ts', `import '../app/cli.ts';\n`); // tests may import anything
    write('app/cli.ts', `import { routes } from '../orgs/api.ts';\nimport { x } from '../catalogue/model.ts';\n`);
    assert.deepEqual(layerViolations(root).sort(), [
      'src/applications/store.ts:1: imports src/catalogue/model.ts (applications → catalogue: the domains do not import each other)',
      'src/calendar/rules.ts:3: imports src/app/cli.ts (calendar → app: a module imports only what is to its left)',
      'src/catalogue/model.ts:1: imports src/orgs/api.ts (routes and commands are wired in app only)',
      'src/core/db.ts:1: imports src/orgs/model.ts (core → orgs: a module imports only what is to its left)',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
