// `gongkai report …`: the command group of the annual report. Each sub-command
// lives in its own file under cli/ and exports register(report: Command); each
// loads what it needs (a renderer, the importer, the database) only when it runs,
// so that `report check` starts fast.
import type { Command } from 'commander';
import * as check from './cli/check.ts';
import * as exportCommand from './cli/export.ts';
import * as importCommand from './cli/import.ts';
import * as render from './cli/render.ts';
import * as rollup from './cli/rollup.ts';

/** `gongkai report …` (the group is made by the program, src/app/cli.ts). */
export function register(report: Command): void {
  for (const m of [check, exportCommand, importCommand, render, rollup]) m.register(report);
}
