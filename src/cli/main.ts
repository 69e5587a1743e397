// The `gongkai` command line. Each domain module registers its own sub-commands.
import { Command } from 'commander';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台 — 命令行工具')
    .showHelpAfterError();
  const modules = [
    await import('../report/cli.ts').catch(() => null),
  ];
  for (const m of modules) m?.register(program);
  await program.parseAsync(argv);
}
