#!/usr/bin/env node
// Entry point of the `gongkai` command: runs the compiled JavaScript in dist/ (made by
// `npm ci` through the prepare script, and by `npm run build`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/app/cli.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('错误：尚未编译（缺少 dist/）。请在项目目录运行 npm run build（npm ci 会自动编译）。\n');
  process.exit(1);
}
await (await import(main.href)).main(process.argv);
