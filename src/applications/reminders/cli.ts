// `gongkai applications remind [--date yyyy-mm-dd] [--json]`: runs the reminder job once for the date
// (today in China by default) under the job's lock, sends pending e-mails when SMTP is configured,
// and prints the digests of that date. A date whose digests exist already is not made again.
// Exit 2 with a Chinese message on stderr for an invalid date.
import type { Command } from 'commander';
import { assertDate, InvalidDateError } from '../../core/date.ts';
import { seedCalendar } from '../../calendar/seed.ts';
import { loadConfig } from '../../core/config.ts';
import { openReadyDatabase } from '../../core/db/ready.ts';
import { today } from '../../core/today.ts';
import { runRemindersNow, type ReminderReport } from './job.ts';
import { mailerFromConfig } from './mail.ts';
import { reminderLine } from './rules.ts';

function printReport(r: ReminderReport): void {
  const out: string[] = [];
  const overdue = new Set(r.digests.flatMap((d) => d.overdue.map((i) => i.caseId))).size;
  const dueSoon = new Set(r.digests.flatMap((d) => d.dueSoon.map((i) => i.caseId))).size;
  out.push(`${r.onDate} 依申请公开办理时限提醒：${r.digests.length} 位办理人，已逾期 ${overdue} 件，即将到期 ${dueSoon} 件${r.created ? '' : '（当日提醒此前已生成，未重复生成）'}`);
  for (const d of r.digests) {
    out.push('', `${d.orgName}（${d.orgCode}）· ${d.displayName}（${d.username}）`);
    for (const i of d.overdue) out.push(`  已逾期　${reminderLine(i)}`);
    for (const i of d.dueSoon) out.push(`  即将到期　${reminderLine(i)}`);
    out.push(`  邮件：${d.emailedAt ? `已发送至 ${d.emailTo}` : d.emailError ? `发送失败（${d.emailError}）` : d.address ? '未发送' : '未设置接收邮箱'}`);
  }
  if (r.emails) out.push('', `本次发送邮件 ${r.emails.sent} 封${r.emails.failed ? `，失败 ${r.emails.failed} 封` : ''}。`);
  else out.push('', '未配置邮件服务器（GONGKAI_SMTP_URL、GONGKAI_MAIL_FROM），提醒只在管理后台显示。');
  process.stdout.write(`${out.join('\n')}\n`);
}

/** `gongkai applications remind` (the group is made by the program, src/app/cli.ts). */
export function register(applications: Command): void {
  applications
    .command('remind')
    .description('生成并显示办理时限提醒（即将到期——默认 3 个工作日内、见计时规则——和已逾期），已配置邮件服务器时发送邮件')
    .option('--date <yyyy-mm-dd>', '按该日计算（默认今天，北京时间）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { date?: string; json?: boolean }) => {
      let date: string;
      try {
        date = opts.date === undefined ? today() : assertDate(opts.date);
      } catch (err) {
        if (!(err instanceof InvalidDateError)) throw err;
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const db = await openReadyDatabase(config);
      const mailer = mailerFromConfig(config);
      try {
        await seedCalendar(db);
        const report = await runRemindersNow(db, date, mailer);
        if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printReport(report);
      } finally {
        mailer?.close();
        await db.close();
      }
    });
}
