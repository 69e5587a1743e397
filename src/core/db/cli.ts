// `gongkai db migrate`
import type { Command } from 'commander';
import { runCommand } from '../command-line.ts';
import { loadConfig } from '../config.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open.ts';

/** `gongkai db …` (the group is made by the program, src/app/cli.ts). */
export function register(db: Command): void {
  db.command('migrate')
    .description('应用尚未执行的数据库迁移（服务启动时也会自动执行）')
    .action(() =>
      runCommand(async () => {
        const database = await openDatabase(loadConfig());
        try {
          const applied = await migrate(database);
          process.stdout.write(applied.length ? `已应用迁移：${applied.join('、')}\n` : '数据库已是最新，无需迁移\n');
        } finally {
          await database.close();
        }
      }),
    );
}
