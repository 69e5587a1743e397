// The `gongkai` command line. Each domain module registers its own sub-commands here.
import { Command } from 'commander';
import { register as auditCommands } from '../core/audit/cli.ts';
import { register as dbCommands } from '../core/db/cli.ts';
import { register as importCommand } from '../ingest/import/cli.ts';
import { register as orgCommands } from '../orgs/cli.ts';
import { register as reportCommands } from '../report/cli.ts';
import { register as calendarCommands } from '../calendar/cli.ts';
import { register as serveCommand } from './serve.ts';
import { register as userCommands } from '../staff/cli.ts';
import { register as ledgerCommands } from '../applications/ledger/cli.ts';
import { register as reminderCommands } from '../applications/reminders/cli.ts';
import { register as table3Command } from '../applications/table3-cli.ts';

const modules: Array<(program: Command) => void> = [serveCommand, dbCommands, orgCommands, userCommands, auditCommands, reportCommands, importCommand, calendarCommands, reminderCommands, ledgerCommands, table3Command];

export async function main(argv: string[]): Promise<void> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台 — 命令行工具')
    .showHelpAfterError();
  for (const register of modules) register(program);
  await program.parseAsync(argv);
}
