// `gongkai catalogue inspect --org CODE`: the module's register() in this process (the program's
// top-level `catalogue` command is added in src/app/cli.ts), on its own database (PGlite folder or
// DATABASE_URL): a stored run with its findings printed; an unknown organization exits 2.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { register } from '../../src/catalogue/inspection/cli.ts';
import { cliDatabase, type CliDatabase } from '../helpers/cli.ts';
import { UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';

let cli: CliDatabase;
/** The environment before the test pointed the CLI at its own database (restored for drop()). */
const saved: Record<string, string | undefined> = {};

before(async () => {
  cli = await cliDatabase('gongkai-inspect-');
  const db = await cli.open();
  const org = await createOrg(db, cliContext(), { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await ensureCatalogue(db, org.id);
  const [c] = await db.query<{ id: number }>(`insert into catalogue_columns (org_id, name) values ($1, '通知公告') returning id`, [org.id]);
  const column = c!.id;
  const [i] = await db.query<{ id: number }>('insert into catalogue_items (org_id) values ($1) returning id', [org.id]);
  const [v] = await db.query<{ id: number }>(
    `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, body, publisher, author_name, published_date)
     values ($1, $2, 1, 'published', $3, '通知', '<p>请按装到位。</p><p><a href="http://127.0.0.1:9/x">外部</a></p>', '测试县', '测试', '2026-01-10') returning id`,
    [org.id, i!.id, column],
  );
  await db.query('update catalogue_items set published_version_id = $2 where id = $1', [i!.id, v!.id]);
  await db.close();
  for (const k of Object.keys(cli.env)) saved[k] = process.env[k];
  Object.assign(process.env, cli.env);
});
after(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await cli.drop();
});

async function inspect(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command('gongkai').exitOverride();
  let out = '';
  let err = '';
  register(program.command('catalogue'), UNANSWERED_MESSAGES, { out: (s) => (out += s), err: (s) => (err += s) });
  process.exitCode = 0;
  await program.parseAsync(['node', 'gongkai', 'catalogue', 'inspect', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

test('catalogue inspect: prints the findings by rule; external links 未检查 without --links', async () => {
  const r = await inspect(['--org', 'CS']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^测试县 内容检查（\d{4}-\d{2}-\d{2}，第 1 号）：信息 1 条，链接 1 个，外部链接 1 个未检查/);
  assert.match(r.out, /严重表述错误：1 处\n {2}信息 \d+ 正文：错别字：“按装”应为“安装”；原句：请按装到位。/);
  assert.match(r.out, /错链（链接无法访问）：0 处/);
  assert.match(r.out, /超过 3 个月未回应的留言：0 处/);
});

test('catalogue inspect: an unknown organization exits 2 with a Chinese message', async () => {
  const r = await inspect(['--org', 'NOPE']);
  assert.equal(r.code, 2);
  assert.match(r.err, /未找到代码为 NOPE 的机构/);
});
