// The `gongkai` command line. Each domain module registers its own sub-commands here.
import { Command } from 'commander';
import { register as reportCommands } from '../report/cli.ts';

const modules: Array<(program: Command) => void> = [reportCommands];

export async function main(argv: string[]): Promise<void> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台 — 命令行工具')
    .showHelpAfterError();
  for (const register of modules) register(program);
  await program.parseAsync(argv);
}
