// `gongkai calendar …`: working days from the command line, without a running server.
// Contract (checked from outside exactly as written):
//   gongkai calendar add-workdays <yyyy-mm-dd> <n>   prints the n-th working day after the date
//   gongkai calendar is-workday <yyyy-mm-dd>         prints true or false
// Both print one line on stdout, and on stderr which calendar they used: the database's, or,
// with no database configured or created yet, the one shipped with the software. An invalid
// date or a date outside the covered years exits 2 with a Chinese message on stderr.
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Actor } from '../core/audit/log.ts';
import { loadConfig } from '../core/config.ts';
import type { Database } from '../core/db/database.ts';
import { openReadyDatabase } from '../core/db/ready.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { ArrangementError } from './arrangement.ts';
import { addYear, removeSpecialDay, setSpecialDay } from './commands.ts';
import { assertDate, InvalidDateError, weekdayName, type DateString } from '../core/date.ts';
import { addWorkingDays, CalendarNotCoveredError, isWorkingDay, type WorkingDayCalendar } from './rules.ts';
import { seedCalendar, shippedCalendar } from './seed.ts';
import { findCoveredYear, listYear, loadCalendar } from './store.ts';

/** Exit code for invalid input and for dates the calendar has no data for. */
const EXIT_INPUT = 2;

class UsageError extends Error {}

/** Opens the database from the environment (PGlite in ./data or GONGKAI_DATA_DIR, or DATABASE_URL). */
async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openReadyDatabase(loadConfig());
  try {
    await seedCalendar(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Runs an action; expected failures become a message on stderr and exit code 2. */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (err) {
      if (
        err instanceof InvalidDateError ||
        err instanceof CalendarNotCoveredError ||
        err instanceof ArrangementError ||
        err instanceof UsageError ||
        (err instanceof DomainError && err.status < 500)
      ) {
        // At the command line the operator can enter the year here and now.
        const hint = err instanceof CalendarNotCoveredError ? `（命令行：gongkai calendar add-year <文件>）` : '';
        process.stderr.write(`${err.message}${hint}\n`);
        process.exitCode = EXIT_INPUT;
        return;
      }
      throw err;
    }
  };
}

/** The organization of --org <code> (its local days apply), or null for the national calendar. */
async function orgIdOf(db: Database, code: string | undefined): Promise<number | null> {
  if (code === undefined) return null;
  const org = await findOrgByCode(db, code);
  if (!org) throw notFound(`代码为 ${code} 的机构`);
  return org.id;
}

/**
 * The calendar that add-workdays and is-workday count on: the database's (with the years and local
 * days administrators entered) when one is configured or exists; otherwise the national calendar
 * shipped with the software, so that a fresh checkout answers without creating a database. Says
 * which on stderr, since the two can differ.
 */
async function countingCalendar(orgCode: string | undefined): Promise<WorkingDayCalendar> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(config.dataDir)) {
    if (orgCode !== undefined) throw new UsageError(`未找到数据库（${config.dataDir}），无法按机构 ${orgCode} 的本地安排计算`);
    const shipped = shippedCalendar();
    const years = [...shipped.coveredYears].sort((a, b) => a - b);
    process.stderr.write(`（按随软件发布的节假日数据计算：${years[0]}–${years.at(-1)} 年；未找到数据库 ${config.dataDir}）\n`);
    return shipped;
  }
  const calendar = await withDatabase(async (db) => loadCalendar(db, await orgIdOf(db, orgCode)));
  process.stderr.write(`（按数据库中的工作日历计算：${config.databaseUrl ? 'PostgreSQL' : `PGlite ${config.dataDir}`}）\n`);
  return calendar;
}

const ORG_OPTION = ['--org <code>', '按该机构的工作日历（含其本地放假、上班安排）'] as const;

function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) {
    throw new UsageError(`工作日天数无效：“${text}”，应为正整数（如 20）`);
  }
  return Number(text);
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`年份无效：“${text}”，应为四位年份（如 2026）`);
  return Number(text);
}

const cliActor = (): Actor => ({ userId: null, name: `命令行（${userInfo().username}）` });

const KIND_LABEL = { holiday: '放假', makeup_workday: '上班' } as const;

/** `gongkai calendar …` (the group is made by the program, src/app/cli.ts). */
export function register(calendar: Command): void {

  calendar
    .command('add-workdays')
    .description('输出某日之后第 n 个工作日（当日不计入）')
    .argument('<date>', '起算日期，YYYY-MM-DD')
    .argument('<n>', '工作日天数，正整数')
    .option(...ORG_OPTION)
    .action(
      action(async (dateText: string, nText: string, options: { org?: string }) => {
        const date = assertDate(dateText);
        const n = parseCount(nText);
        const due = addWorkingDays(await countingCalendar(options.org), date, n);
        process.stdout.write(`${due}\n`);
      }),
    );

  calendar
    .command('is-workday')
    .description('输出该日是否为工作日：true 或 false')
    .argument('<date>', '日期，YYYY-MM-DD')
    .option(...ORG_OPTION)
    .action(
      action(async (dateText: string, options: { org?: string }) => {
        const date = assertDate(dateText);
        const working = isWorkingDay(await countingCalendar(options.org), date);
        process.stdout.write(`${working}\n`);
      }),
    );

  calendar
    .command('show')
    .description('列出某年的放假和调休上班日')
    .argument('<yyyy>', '年份')
    .option('--org <code>', '同时列出该机构的本地放假、上班安排')
    .action(
      action(async (yearText: string, options: { org?: string }) => {
        const year = parseYear(yearText);
        const lines = await withDatabase(async (db) => {
          const covered = await findCoveredYear(db, year);
          if (!covered) throw new CalendarNotCoveredError(year);
          const days = await listYear(db, year, await orgIdOf(db, options.org));
          const holidays = days.filter((d) => d.kind === 'holiday').length;
          return [
            `${year} 年节假日安排（来源：${covered.source}）`,
            ...days.map((d) => `${d.date} ${weekdayName(d.date)} ${KIND_LABEL[d.kind]} ${d.name}${d.orgId === null ? '' : `（本机构，${d.source}）`}`),
            `共 ${holidays} 天放假、${days.length - holidays} 天调休上班；其余周六、周日休息，周一至周五上班。`,
          ];
        });
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  const setDay = (kind: 'holiday' | 'makeup_workday') =>
    action(async (dateText: string, name: string, options: { source?: string; org?: string }) => {
      const date: DateString = assertDate(dateText);
      const { before, after } = await withDatabase(async (db) =>
        setSpecialDay(db, cliActor(), { date, kind, name, orgId: await orgIdOf(db, options.org), ...(options.source ? { source: options.source } : {}) }),
      );
      const was = before ? `（原为：${KIND_LABEL[before.kind]} ${before.name}）` : '';
      process.stdout.write(`已录入：${after.date} ${weekdayName(after.date)} ${KIND_LABEL[after.kind]} ${after.name}${was}\n`);
    });

  calendar
    .command('add-holiday')
    .description('录入一个放假日（或把已录入的日期改为放假）')
    .argument('<date>', '日期，YYYY-MM-DD')
    .argument('<name>', '假日名称，如 春节')
    .option('--source <text>', '依据的通知，如 国务院办公厅关于…的通知')
    .option('--org <code>', '只适用于该机构的本地放假日')
    .action(setDay('holiday'));

  calendar
    .command('add-workday')
    .description('录入一个调休上班日（周六或周日）')
    .argument('<date>', '日期，YYYY-MM-DD')
    .argument('<name>', '名称，如 春节调休上班')
    .option('--source <text>', '依据的通知')
    .option('--org <code>', '只适用于该机构的本地上班日')
    .action(setDay('makeup_workday'));

  calendar
    .command('remove-day')
    .description('删除一个已录入的放假或调休上班日')
    .argument('<date>', '日期，YYYY-MM-DD')
    .option('--org <code>', '删除该机构的本地安排')
    .action(
      action(async (dateText: string, options: { org?: string }) => {
        const date = assertDate(dateText);
        const removed = await withDatabase(async (db) => removeSpecialDay(db, cliActor(), { date, orgId: await orgIdOf(db, options.org) }));
        process.stdout.write(`已删除：${removed.date} ${KIND_LABEL[removed.kind]} ${removed.name}\n`);
      }),
    );

  calendar
    .command('add-year')
    .description('按国务院办公厅通知录入新一年的节假日安排（JSON 文件，格式见 src/calendar/arrangement.ts）')
    .argument('<file>', 'JSON 文件')
    .action(
      action(async (file: string) => {
        let value: unknown;
        try {
          value = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
          const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message;
          throw new UsageError(`无法读取节假日安排文件 ${file}：${reason}`);
        }
        const r = await withDatabase((db) => addYear(db, cliActor(), value));
        process.stdout.write(`已录入 ${r.arrangement.year} 年节假日安排：${r.holidays} 天放假、${r.makeupWorkdays} 天调休上班（来源：${r.arrangement.source}）\n`);
      }),
    );
}
