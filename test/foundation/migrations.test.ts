// Migrations are immutable: an installation stores the sha256 of each file it applied and refuses to
// start when a file changed afterwards (src/core/db/migrate.ts). migrations/checksums.json is the committed
// list of those checksums, so an edit to an applied file fails here, naming it, before any installation
// sees it. A schema change is always a new file NNNN_name.sql with its entry added to the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { MIGRATIONS_DIR, readMigrations } from '../../src/core/db/migrate.ts';

const LIST = 'migrations/checksums.json';
/** The names readMigrations() applies; any other .sql file in the folder would be silently skipped. */
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

interface Listed {
  name: string;
  checksum: string;
}

/**
 * What is wrong between the migration files (as readMigrations() reads them) and the committed list of
 * checksums (file name without .sql → sha256), one sentence per problem, each naming its file; [] when
 * all is well. `others` are the other file names in the folder (to catch a .sql file the runner skips).
 */
function migrationProblems(files: readonly Listed[], committed: Readonly<Record<string, string>>, others: readonly string[] = []): string[] {
  const problems: string[] = [];
  const present = new Set(files.map((f) => f.name));
  const byVersion = new Map<string, string>();
  for (const f of files) {
    const listed = Object.hasOwn(committed, f.name) ? committed[f.name] : undefined;
    if (listed === undefined) {
      problems.push(`${f.name}.sql has no entry in ${LIST}: add its checksum to ${LIST}: "${f.name}": "${f.checksum}"`);
    } else if (listed !== f.checksum) {
      problems.push(
        `${f.name}.sql changed after it was committed (checksum ${f.checksum}, committed ${listed}): ` +
          `migrations are immutable: add a new migration instead of editing ${f.name} ` +
          `(installations that applied it refuse to start)`,
      );
    }
    const version = f.name.slice(0, 4);
    const other = byVersion.get(version);
    if (other !== undefined) problems.push(`${f.name}.sql has the version ${version} of ${other}.sql: give it the next free number`);
    else byVersion.set(version, f.name);
  }
  for (const name of Object.keys(committed)) {
    if (!present.has(name)) {
      problems.push(
        `${LIST} names ${name}, but migrations/${name}.sql no longer exists: installations have applied it; ` +
          `restore the file (renaming or deleting an applied migration is an edit too)`,
      );
    }
  }
  for (const file of others) {
    if (/\.sql$/i.test(file) && !MIGRATION_NAME.test(file)) {
      problems.push(`migrations/${file} is not named NNNN_lower_case_name.sql, so the runner never applies it`);
    }
  }
  return problems;
}

function committedList(dir: string): Record<string, string> {
  return JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')) as Record<string, string>;
}

test('every migration file matches its committed checksum in migrations/checksums.json', () => {
  const files = readMigrations();
  assert.ok(files.length > 0, 'migrations are found');
  const others = readdirSync(MIGRATIONS_DIR).filter((f) => !MIGRATION_NAME.test(f));
  const problems = migrationProblems(files, committedList(MIGRATIONS_DIR), others);
  if (problems.length > 0) assert.fail(problems.join('\n'));
});

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

test('the check passes when files and list agree', () => {
  const files = [
    { name: '0001_core', checksum: A },
    { name: '0002_reports', checksum: B },
  ];
  assert.deepEqual(migrationProblems(files, { '0001_core': A, '0002_reports': B }, ['checksums.json']), []);
});

test('the check names an edited, an unlisted and a vanished migration', () => {
  const files = [
    { name: '0001_core', checksum: A },
    { name: '0002_reports', checksum: C }, // edited after commit: was B
    { name: '0003_calendar', checksum: C }, // new file, not listed
  ];
  const problems = migrationProblems(files, { '0001_core': A, '0002_reports': B, '0004_gone': A });
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0]!, /^0002_reports\.sql changed after it was committed/);
  assert.match(problems[0]!, /migrations are immutable: add a new migration instead of editing 0002_reports/);
  assert.ok(problems[0]!.includes(`committed ${B}`) && problems[0]!.includes(`checksum ${C}`), problems[0]);
  assert.match(problems[1]!, /^0003_calendar\.sql has no entry in migrations\/checksums\.json/);
  assert.ok(problems[1]!.endsWith(`add its checksum to migrations/checksums.json: "0003_calendar": "${C}"`), problems[1]);
  assert.match(problems[2]!, /names 0004_gone, but migrations\/0004_gone\.sql no longer exists/);
});

test('a renamed migration is reported as both vanished and unlisted', () => {
  const problems = migrationProblems([{ name: '0001_new_name', checksum: A }], { '0001_old_name': A });
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0]!, /^0001_new_name\.sql has no entry/);
  assert.match(problems[1]!, /names 0001_old_name, but migrations\/0001_old_name\.sql no longer exists/);
});

test('the check names a reused version number and a .sql file the runner would skip', () => {
  const files = [
    { name: '0001_core', checksum: A },
    { name: '0001_extra', checksum: B },
  ];
  const problems = migrationProblems(files, { '0001_core': A, '0001_extra': B }, ['checksums.json', '0002-Reports.sql', 'README.md']);
  assert.deepEqual(problems, [
    '0001_extra.sql has the version 0001 of 0001_core.sql: give it the next free number',
    'migrations/0002-Reports.sql is not named NNNN_lower_case_name.sql, so the runner never applies it',
  ]);
});

test('an edit of a migration file on disk is caught with the checksum readMigrations() computes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-migrations-')) + sep;
  try {
    writeFileSync(join(dir, '0001_core.sql'), 'create table t (id int);\n');
    const listed = Object.fromEntries(readMigrations(dir).map((m) => [m.name, m.checksum]));
    assert.deepEqual(migrationProblems(readMigrations(dir), listed), []);
    writeFileSync(join(dir, '0001_core.sql'), '-- only a comment more\ncreate table t (id int);\n');
    const problems = migrationProblems(readMigrations(dir), listed);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^0001_core\.sql changed after it was committed.*add a new migration instead of editing 0001_core/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
