// `npm run bench -- <name> [options]`: runs bench/<name>.ts (report, report-store, import, applications,
// portal) with its options, e.g. `npm run bench -- report --n 1000`. Without a name, lists them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'database.ts').map((f) => f.slice(0, -3)).sort();
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stderr.write(`${name ? `没有名为 ${name} 的性能测试。` : ''}用法：npm run bench -- <${names.join('|')}> [选项]\n`);
  process.exit(name ? 2 : 0);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
