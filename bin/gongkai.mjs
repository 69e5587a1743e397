#!/usr/bin/env node
// Entry point of the `gongkai` command: runs the TypeScript sources through tsx,
// so `npx gongkai` works right after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
