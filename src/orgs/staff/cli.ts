// `gongkai user add|passwd|roles|disable|enable|list`
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../context.ts';
import { createUser, resetPassword, setUserDisabled, setUserRoles } from './commands.ts';
import { parseRoles, ROLE_LABELS, ROLES } from './model.ts';
import { staffingWarnings, type StaffingCheck } from './staffing.ts';
import { listUsersUnder } from './store.ts';

/** Passwords come from the environment or stdin, never from argv (visible in `ps`). */
async function readPassword(): Promise<string> {
  if (process.env.GONGKAI_PASSWORD) return process.env.GONGKAI_PASSWORD;
  if (process.stdin.isTTY) throw new Error('请通过环境变量 GONGKAI_PASSWORD 或标准输入提供密码');
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? '';
}

/** What the organization can no longer do after the change, on stderr (the change is made). */
function warn(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`警告：${w}\n`);
}

/**
 * `gongkai user …` (the group is made by the program, src/app/cli.ts, which passes the other
 * modules' staffing checks).
 */
export function register(user: Command, checks: readonly StaffingCheck[] = []): void {

  user
    .command('add <username>')
    .description('新增用户（密码从环境变量 GONGKAI_PASSWORD 或标准输入读取；首次登录须修改）')
    .requiredOption('--org <code>', '所属机构代码')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--roles <roles>', `角色，逗号分隔：${ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join(', ')}`)
    .action((username: string, o: { org: string; name: string; roles: string }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const roles = parseRoles(o.roles);
          const id = await createUser(db, cliContext(), { orgCode: o.org, username, displayName: o.name, password: await readPassword(), roles });
          process.stdout.write(`已新增用户 ${username}（编号 ${id}）\n`);
        }),
      ),
    );

  user
    .command('passwd <username>')
    .description('重置用户密码（从环境变量 GONGKAI_PASSWORD 或标准输入读取；用户下次登录须修改）')
    .action((username: string) =>
      runCommand(() =>
        withDatabase(async (db) => {
          await resetPassword(db, cliContext(), username, await readPassword());
          process.stdout.write(`已重置 ${username} 的密码，并注销其所有会话\n`);
        }),
      ),
    );

  user
    .command('roles <username>')
    .description('修改用户的角色（替换原有角色；不能取消最后一位系统管理员）')
    .requiredOption('--roles <roles>', `角色，逗号分隔：${ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join(', ')}`)
    .action((username: string, o: { roles: string }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const u = await setUserRoles(db, cliContext(), { username }, { roles: parseRoles(o.roles) });
          process.stdout.write(`${username} 的角色：${u.roles.map((r) => ROLE_LABELS[r]).join('、')}\n`);
          warn(await staffingWarnings(db, checks, u.orgId));
        }),
      ),
    );

  for (const [name, disabled, description, done] of [
    ['disable', true, '停用用户：立即注销其所有会话，不能再登录（账号和经办记录保留）', '已停用'],
    ['enable', false, '启用已停用的用户', '已启用'],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(description)
      .action((username: string) =>
        runCommand(() =>
          withDatabase(async (db) => {
            const u = await setUserDisabled(db, cliContext(), { username }, disabled);
            process.stdout.write(`${done}用户 ${username}\n`);
            warn(await staffingWarnings(db, checks, u.orgId));
          }),
        ),
      );
  }

  user
    .command('list')
    .description('列出用户')
    .option('--json', '以 JSON 输出')
    .action((o: { json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const users = await listUsersUnder(db, '/');
          if (o.json) return void process.stdout.write(`${JSON.stringify(users.map(({ ...u }) => u), null, 2)}\n`);
          for (const u of users) {
            const state = u.disabled ? '已停用' : u.mustChangePassword ? '待修改初始密码' : '正常';
            process.stdout.write(`${u.username}\t${u.displayName}\t${u.orgName}\t${u.roles.map((r) => ROLE_LABELS[r]).join('、')}\t${state}\n`);
          }
          process.stdout.write(`共 ${users.length} 个用户\n`);
        }),
      ),
    );
}
