// bench/portal: item-page and search throughput and latency of the public catalogue on
// PostgreSQL with 1,000,000 published items, next to a raw node:http hello world measured the
// same way in the same run. The server is a real `gongkai serve` process behind which a proxy
// is assumed (TRUST_PROXY, a random X-Forwarded-For per request, so the per-client rate limit
// does not throttle the load generator).
//
//   DATABASE_URL=postgres://… node --import tsx bench/portal.ts [--items 1000000] [--orgs 100] [--seconds 10] [--connections 8] [--keep] [--reuse]
// --keep leaves the database (gongkai_bench_portal) for another run; --reuse measures it without loading again;
// --search-only measures search alone (and the hello world beside it); --only TEXT the measurements whose name contains it; --cpu-prof DIR profiles the server; --load-only loads the database and keeps it
// (for a later --reuse run on a quiet machine: loading 1,000,000 items takes long).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { migrate } from '../src/core/db/migrate.ts';
import { openPostgres } from '../src/core/db/postgres.ts';
import type { Database } from '../src/core/db/database.ts';
import { seedCalendar } from '../src/calendar/seed.ts';
import { seedDemo } from '../src/app/demo/seed.ts';
import { ensureCatalogue } from '../src/catalogue/commands.ts';
import { searchableText } from '../src/catalogue/search/text.ts';
import { tsvectorLiteral } from '../src/catalogue/search/tokens.ts';
import { listColumns } from '../src/catalogue/store.ts';
import { useAuditKey } from '../src/core/audit/key.ts';
import { cpuMs, cpuPerRequest, postgresPids } from './cpu.ts';

// The demo data writes audit entries: this process signs them with the key the server it starts
// inherits (as the tests do), so the server's start-up check of the log passes.
process.env.GONGKAI_AUDIT_KEY ??= 'gongkai-bench-audit-key-not-a-secret-0123456789';
useAuditKey(Buffer.from(process.env.GONGKAI_AUDIT_KEY));

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const ITEMS = opt('items', 1_000_000);
const ORGS = opt('orgs', 100);
const SECONDS = opt('seconds', 10);
const CONNECTIONS = opt('connections', 8);
/** --cpu-prof DIR: the server runs under node --cpu-prof and writes its profile there when stopped. */
const PROFILE_DIR = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1]! : null;
const TEMPLATES = 4000;
const BIN = fileURLToPath(new URL('../bin/gongkai.mjs', import.meta.url));
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench/portal needs a PostgreSQL server: set DATABASE_URL');
  process.exit(2);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// ── Data ─────────────────────────────────────────────────────────────────────

const TOPICS = ['森林防火', '耕地保护', '防汛抗旱', '义务教育', '大气污染防治', '优化营商环境', '乡村振兴', '安全生产', '不动产登记', '河长制', '林长制', '学生资助',
  '疫苗接种', '排污许可', '水土保持', '古树名木保护', '地质灾害防治', '国土空间规划', '农村饮水安全', '家庭医生签约服务', '校园安全', '环境影响评价', '政务公开', '生态护林员管理'];
const TITLES = ['关于开展{y}年度{t}工作的通知', '{t}工作推进会召开', '关于进一步加强{t}工作的实施意见', '{p}{t}管理办法', '关于{t}有关事项的公告', '{t}专项检查情况通报', '《{p}{t}管理办法》政策解读', '{y}年{t}工作要点'];
const PLACES = ['青山县', '云岭市', '绿水县', '白云区', '东湖区'];

function textTemplates() {
  const out: { k: number; title: string; body: string; text: string; vector: string }[] = [];
  for (let k = 0; k < TEMPLATES; k++) {
    const t = TOPICS[k % TOPICS.length]!;
    const other = TOPICS[(k * 7 + 3) % TOPICS.length]!;
    const p = PLACES[k % PLACES.length]!;
    const y = 2015 + (k % 11);
    const title = TITLES[Math.floor(k / TOPICS.length) % TITLES.length]!.replace('{t}', t).replace('{p}', p).replace('{y}', String(y));
    const body = [
      `为深入贯彻落实上级关于${t}工作的决策部署，进一步提升${t}工作水平，结合${p}实际，现将有关事项明确如下。`,
      `一、加强组织领导。各乡镇、各有关单位要把${t}工作摆上重要议事日程，明确分管领导和具体责任人，统筹推进${other}等相关工作。`,
      `二、强化督促检查。要建立健全工作台账，实行清单化管理、项目化推进，确保各项任务按时完成。编号${k}。`,
      `三、抓好宣传引导。要通过政府网站、政务新媒体等渠道加强政策解读，及时回应社会关切。`,
    ].join('\n\n');
    const st = searchableText(title);
    const sb = searchableText(body);
    out.push({ k, title, body, text: `${sb} ${st}`, vector: tsvectorLiteral([{ text: st, weight: 'A' }, { text: sb, weight: 'C' }]) });
  }
  return out;
}

async function freshDatabase(name: string) {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function load(db: Database): Promise<void> {
  let t0 = performance.now();
  await migrate(db);
  await seedCalendar(db);
  await seedDemo(db);
  const [gov] = await db.query<{ id: number; path: string }>(`select id, path from organizations where code = '113301000000000001'`);
  await db.query(
    `insert into organizations (kind, full_name, short_name, code, parent_id, path)
     select 'department', '基准测试机关' || g, '机关' || g, 'BENCH-' || g, $2, '' from generate_series(1, $1::int) g`,
    [ORGS, gov!.id],
  );
  await db.query(`update organizations set path = $1 || id || '/' where code like 'BENCH-%'`, [gov!.path]);
  const orgs = await db.query<{ id: number; code: string; full_name: string }>(`select id, code, full_name from organizations where code like 'BENCH-%' order by id`);
  await db.exec('create table bench_orgs (i int primary key, org_id bigint, code text, name text, cols bigint[])');
  for (const [i, o] of orgs.entries()) {
    await ensureCatalogue(db, o.id);
    const cols = (await listColumns(db, o.id)).filter((c) => c.kind !== 'guide' && c.name !== '法定主动公开内容').map((c) => c.id);
    await db.query('insert into bench_orgs values ($1, $2, $3, $4, $5::bigint[])', [i, o.id, o.code, o.full_name, cols]);
  }
  await db.exec('create table bench_texts (k int primary key, title text, body text, text text, vector tsvector)');
  const templates = textTemplates();
  for (let i = 0; i < templates.length; i += 200) {
    const batch = templates.slice(i, i + 200);
    await db.query(
      `insert into bench_texts select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::tsvector[])`,
      [batch.map((b) => b.k), batch.map((b) => b.title), batch.map((b) => b.body), batch.map((b) => b.text), batch.map((b) => b.vector)],
    );
  }
  console.log(`setup: schema, ${ORGS} organizations with the standard columns, ${TEMPLATES} text templates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  t0 = performance.now();
  await db.exec(`alter table catalogue_items drop constraint catalogue_items_published_version_fk;
    drop index catalogue_search_vector_idx; drop index catalogue_search_title_idx;`);
  // Items numbered 1…N in chunks; dates spread over 2015–2025; texts cycle through the templates.
  const CHUNK = 100_000;
  for (let from = 1; from <= ITEMS; from += CHUNK) {
    const to = Math.min(ITEMS, from + CHUNK - 1);
    // One item in ten goes to the first organization's first column: a large bureau's 通知公告 of
    // 100,000 items at 1 M (5,000 pages of 20), whose deep pages the column measurements read.
    const g = `select n, case when n % 10 = 0 then 0 else n % ${ORGS} end as oi, n % 10 = 0 as big, n % ${TEMPLATES} as k,
                      date '2015-01-01' + ((n::bigint * 7919) % 4000)::int as d from generate_series(${from}, ${to}) n`;
    const column = `case when g.big then o.cols[1] else o.cols[1 + g.n % array_length(o.cols, 1)] end`;
    await db.exec(`
      insert into catalogue_items (id, org_id, index_number, published_version_id, first_published_at)
      overriding system value
      select g.n, o.org_id, o.code || '/' || extract(year from g.d) || '-' || lpad(g.n::text, 7, '0'), g.n, g.d from (${g}) g join bench_orgs o on o.i = g.oi;
      insert into catalogue_versions (id, org_id, item_id, version, state, column_id, title, body, publisher, written_date, formed_date, published_date, author_name, published_at)
      overriding system value
      select g.n, o.org_id, g.n, 1, 'published', ${column}, t.title || '（' || g.n || '）', t.body, o.name, g.d, g.d, g.d, '基准测试', g.d
      from (${g}) g join bench_orgs o on o.i = g.oi join bench_texts t on t.k = g.k;
      insert into catalogue_search (item_id, org_id, column_id, published_date, doc_number, title, text, vector)
      select g.n, o.org_id, ${column}, g.d, '', t.title || '（' || g.n || '）', t.text || ' ' || g.n,
             t.vector || catalogue_filter_lexemes(o.org_id, ${column}, g.d)
      from (${g}) g join bench_orgs o on o.i = g.oi join bench_texts t on t.k = g.k;`);
    process.stdout.write(`\r  ${to.toLocaleString('en')} items`);
  }
  process.stdout.write('\n');
  const loaded = performance.now();
  await db.exec(`set maintenance_work_mem = '512MB';
    alter table catalogue_items add constraint catalogue_items_published_version_fk foreign key (published_version_id) references catalogue_versions(id);
    create index catalogue_search_vector_idx on catalogue_search using gin (vector);
    create index catalogue_search_title_idx on catalogue_search using gin (title gin_trgm_ops);
    select setval(pg_get_serial_sequence('catalogue_items', 'id'), (select max(id) from catalogue_items));
    select setval(pg_get_serial_sequence('catalogue_versions', 'id'), (select max(id) from catalogue_versions));`);
  // Statistics and the visibility map, as autovacuum would leave them on a database in service (index-only scans need the latter).
  await db.exec('vacuum (analyze) catalogue_search, catalogue_items, catalogue_versions');
  await db.exec('analyze');
  const [size] = await db.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`);
  console.log(
    `loaded ${ITEMS.toLocaleString('en')} items in ${((loaded - t0) / 1000).toFixed(1)} s, indexes and analyze in ${((performance.now() - loaded) / 1000).toFixed(1)} s; database ${size!.s}`,
  );
}

function existingDatabase(name: string) {
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: async () => {} };
}

// ── Servers and load ─────────────────────────────────────────────────────────

function startGongkai(url: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []), BIN, 'serve'], {
      env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(port), TRUST_PROXY: 'true', NODE_ENV: 'production', LOG_LEVEL: 'error', GONGKAI_COOKIE_SECRET: 'bench-secret-0123456789abcdef0123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('gongkai 已启动')) resolve(child);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

/** node:http answering 'hello world', or `bytes` bytes of HTML (what sending a page costs with no work behind it). */
function startHello(port: number, bytes?: number): Promise<ChildProcess> {
  const body = bytes ? `Buffer.alloc(${bytes}, 'a')` : `'hello world'`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', `const b = ${body}; require('http').createServer((q, s) => s.end(b)).listen(${port}, '127.0.0.1', () => console.log('ready'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.once('data', () => resolve(child));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

interface Result {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time per request (user + system, µs) of the server process, and of PostgreSQL's processes on this machine. */
  serverUs: number | null;
  databaseUs: number | null;
}

/** The process serving each port measured (the gongkai server, the hello world), and whether it uses the database. */
const servers = new Map<number, { pid: number; database: boolean }>();

async function measure(name: string, port: number, path: () => string, seconds = SECONDS): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const get = (p: string) =>
    new Promise<number>((resolve, reject) => {
      const ip = `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;
      const req = http.get({ host: '127.0.0.1', port, path: p, agent, headers: { 'x-forwarded-for': ip, 'user-agent': 'bench', accept: 'text/html' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
  const run = async (secs: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const server = servers.get(port);
    const serverPid = server ? [server.pid] : [];
    const databasePids = record && server?.database ? postgresPids() : [];
    const serverBefore = cpuMs(serverPid);
    const databaseBefore = cpuMs(databasePids);
    const until = performance.now() + secs * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const s = performance.now();
          const status = await get(path()).catch(() => 0);
          if (status === 200) latencies.push(performance.now() - s);
          else errors++;
        }
      }),
    );
    if (!record) return null;
    const serverAfter = cpuMs(serverPid);
    const databaseAfter = cpuMs(databasePids);
    latencies.sort((a, b) => a - b);
    return {
      name, rps: latencies.length / ((performance.now() - t0) / 1000), p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), errors,
      serverUs: cpuPerRequest(serverBefore, serverAfter, latencies.length), databaseUs: databasePids.length ? cpuPerRequest(databaseBefore, databaseAfter, latencies.length) : null,
    };
  };
  await run(Math.min(3, seconds), false); // warm-up: JIT, connection pools, caches
  const r = (await run(seconds, true))!;
  agent.destroy();
  return r;
}

// ── Main ─────────────────────────────────────────────────────────────────────

const QUERIES = ['森林防火', '耕地保护', '防汛抗旱', '義務教育', '大氣污染防治', '優化營商環境', '乡村振兴 通知', '不動產登記', '河长制 工作要点', '生态护林员管理', '林長制', '古树名木保护 政策解读'];

const reuse = args.includes('--reuse');
const database = reuse ? existingDatabase('gongkai_bench_portal') : await freshDatabase('gongkai_bench_portal');
const db = await openPostgres(database.url, { max: 2 });
if (args.includes('--load-only')) {
  await load(db);
  await db.close();
  console.log(`loaded ${ITEMS.toLocaleString('en')} items and kept the database: measure it with --reuse`);
  process.exit(0);
}
let gongkai: ChildProcess | null = null;
let hello: ChildProcess | null = null;
let helloPage: ChildProcess | null = null;
try {
  if (!reuse) await load(db);
  const [helloPort, port] = [await freePort(), await freePort()];
  hello = await startHello(helloPort);
  gongkai = await startGongkai(database.url, port);
  servers.set(helloPort, { pid: hello.pid!, database: false });
  servers.set(port, { pid: gongkai.pid!, database: true });
  // Cached: a hot set of 100 pages, read again and again (a policy everyone reads): after the warm-up
  // every one is in the page cache. Uncached: every request a page not read before in this run (the
  // ids in a random order, never repeated while there are ids left), so each one is rendered.
  const HOT = Array.from({ length: 100 }, () => 1 + Math.floor(Math.random() * ITEMS));
  const hotItem = () => `/items/${HOT[Math.floor(Math.random() * HOT.length)]}`;
  // The second ceiling: node:http sending a body the size of an item page (read from the server).
  const pageBytes = await new Promise<number>((resolve, reject) =>
    http.get({ host: '127.0.0.1', port, path: hotItem(), headers: { 'x-forwarded-for': '10.0.0.1' } }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => (n += d.length)).on('end', () => resolve(n));
    }).on('error', reject),
  );
  const helloPagePort = await freePort();
  helloPage = await startHello(helloPagePort, pageBytes);
  servers.set(helloPagePort, { pid: helloPage.pid!, database: false });
  const order = Array.from({ length: ITEMS }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const hot = new Set(HOT);
  const fresh = order.filter((id) => !hot.has(id));
  let next = 0;
  const newItem = () => `/items/${fresh[next++ % fresh.length]}`;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const q = (text: string) => `/search?q=${encodeURIComponent(text)}`;
  // The largest column, its last page, and the cursor a 下一页 link would carry to it (keyset, issue 19 §5).
  const [big] = await db.query<{ column_id: number; n: number }>('select column_id, count(*)::int as n from catalogue_search group by 1 order by 2 desc limit 1');
  const deepPage = Math.min(5_000, Math.ceil(big!.n / 20));
  const [cursor] = await db.query<{ item_id: number; d: string }>(
    `select v.item_id, v.published_date::text as d from catalogue_versions v join catalogue_items i on i.id = v.item_id
      where v.state = 'published' and v.column_id = $1 and i.withdrawn_at is null order by v.published_date desc, v.item_id desc offset $2 limit 1`,
    [big!.column_id, Math.max(0, (deepPage - 1) * 20 - 1)],
  );
  const [range] = await db.query<{ min: number }>('select min(item_id) as min from catalogue_search');
  // Search, uncached: a frequent, a medium and a rare term, each in 简体 and 繁體, without and with
  // each filter, pages 1–5 by relevance and by date in turn. Every request misses the portal's
  // result cache and its kept walks: the term is typed two to five times with a different run of
  // spaces between (the same query — a term counts once — under another cache key).
  const benchOrgs = await db.query<{ code: string; cols: number[] }>('select code, cols::int[] as cols from bench_orgs order by i');
  const SEARCH_TERMS: [string, string, string][] = [
    ['frequent (every item)', '政务', '政務'],
    ['medium (a topic, 1 item in 12)', '营商环境', '營商環境'],
    ['rare (1 item in 4,000)', '编号', '編號'],
  ];
  const SEARCH_FILTERS: [string, () => string][] = [
    ['no filter', () => ''],
    ['one organization (1 % of items)', () => `&org=${pick(benchOrgs).code}`],
    ['one column', () => `&column=${pick(pick(benchOrgs).cols)}`],
    ['year', () => `&year=${2015 + Math.floor(Math.random() * 11)}`],
  ];
  // A rare term's number has four digits (1000–3999): 编号37 is also found in 编号370–379 and
  // 编号3700–3799, 27,750 items (one in 36), a medium term rather than a rare one.
  const rareNumber = () => 1000 + Math.floor(Math.random() * (TEMPLATES - 1000));
  let searchCount = 0;
  // Each request a query as typed that no request among the last 750 had: neither its result nor its
  // walk (search/walks.ts keeps the newest 200) is kept from an earlier page.
  const uncachedSearch = (term: string, filter: () => string) => () => {
    const i = searchCount++;
    const q = `${term}${' '.repeat(1 + (i % 150))}${term}${` ${term}`.repeat(Math.floor(i / 150) % 5)}`;
    return `/search?q=${encodeURIComponent(q)}&page=${1 + (i % 5)}${i % 10 < 5 ? '' : '&order=date'}${filter()}`;
  };
  // Each measurement named and run in turn; --only TEXT runs those whose name contains TEXT (and the
  // two node:http ceilings every figure is read against).
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : null;
  const cases: [string, number, () => string][] = [];
  for (const [klass, simplified, traditional] of SEARCH_TERMS)
    for (const [script, term] of [['简体', simplified], ['繁體', traditional]] as const)
      for (const [fname, filter] of SEARCH_FILTERS) {
        const isRare = klass.startsWith('rare');
        // The rare term: 编号 with one of the template numbers (a new one each request).
        const path = isRare ? () => uncachedSearch(`${term}${rareNumber()}`, filter)() : uncachedSearch(term, filter);
        cases.push([`search ${klass}: ${isRare ? `${term}N` : term} (${script}), ${fname}`, port, path]);
      }
  cases.push(['node:http hello world', helloPort, () => '/'], [`node:http, a body of an item page's size (${pageBytes.toLocaleString('en')} bytes)`, helloPagePort, () => '/']);
  if (!args.includes('--search-only'))
    cases.push(
      [`column page 1 (largest column, ${big!.n} items)`, port, () => `/columns/${big!.column_id}`],
      [`column page ${deepPage} by offset (a typed ?page=)`, port, () => `/columns/${big!.column_id}?page=${deepPage}`],
      [`column page ${deepPage} by keyset (its 下一页 link)`, port, () => `/columns/${big!.column_id}?page=${deepPage}&before=${cursor!.d}.${cursor!.item_id}`],
      // Every request a page not read before (the page cache does not hold it): what a crawler costs.
      [`column, random page 1–${deepPage} by offset (uncached)`, port, () => `/columns/${big!.column_id}?page=${1 + Math.floor(Math.random() * deepPage)}`],
      ['sitemap index', port, () => '/sitemap.xml'],
      ['sitemap part (a block of 50,000 item ids)', port, () => `/sitemap-items-${Math.floor(Number(range!.min) / 50_000)}.xml`],
      ['home', port, () => '/'],
      ['item page (cached: 100 pages read again and again)', port, hotItem],
      ['item page (uncached: each request a page not read before)', port, newItem],
      ['search, 12 popular queries (cached 30 s)', port, () => q(pick(QUERIES))],
      // Random pages of the 24 topics: each request a result not cached, its walk kept from an earlier page of the topic.
      ['search, frequent term, random page 1–50, relevance (uncached)', port, () => `${q(pick(TOPICS))}&page=${1 + Math.floor(Math.random() * 50)}`],
      ['search, frequent term, random page 1–50, date order (uncached)', port, () => `${q(pick(TOPICS))}&order=date&page=${1 + Math.floor(Math.random() * 50)}`],
      // A deep page of a query mostly not walked before: one of 2,400 topic and organization pairs.
      ['search, frequent term in one organization, random page 21–50 (mostly not walked before)', port, () =>
        `${q(pick(TOPICS))}&org=${pick(benchOrgs).code}&page=${21 + Math.floor(Math.random() * 30)}${Math.random() < 0.5 ? '&order=date' : ''}`],
      ['search, rare term (250 matches, uncached)', port, () => q(`编号${rareNumber()}`)],
    );
  const results: Result[] = [];
  for (const [name, at, path] of cases) if (!only || name.includes(only) || at === helloPort || at === helloPagePort) results.push(await measure(name, at, path));
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from catalogue_search s where s.vector @@ $1::tsquery and s.text like '%森林防火%'`, [`'森林' & '林防' & '防火'`]);
  const [items] = await db.query<{ n: number }>('select count(*)::int as n from catalogue_search');
  console.log(`\n${items!.n.toLocaleString('en')} items on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s each (2 cores shared by server, database and load generator); “森林防火” matches ${count!.n.toLocaleString('en')} items`);
  if (next > fresh.length) console.log(`note: the uncached item pages ran out of unread ids (${next.toLocaleString('en')} requests for ${fresh.length.toLocaleString('en')} ids): some were cached`);
  const us = (v: number | null) => (v === null ? '—' : v.toFixed(0));
  console.log('| what | requests/s | median ms | p95 ms | p99 ms | errors | server CPU µs/request | PostgreSQL CPU µs/request |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${us(r.serverUs)} | ${us(r.databaseUs)} |`);
} finally {
  gongkai?.kill('SIGTERM');
  hello?.kill('SIGTERM');
  helloPage?.kill('SIGTERM');
  if (gongkai) await new Promise((r) => gongkai!.once('exit', r));
  await db.close();
  if (!args.includes('--keep') && !reuse) await database.drop();
}
