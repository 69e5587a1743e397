// `gongkai serve`: migrate, optionally create demo data, and serve HTTP until stopped.
// The database starts (PGlite: a second of WebAssembly) while the server's modules load,
// and the demo's modules load only with --demo.
import type { Command } from 'commander';
import { AuditKeyError } from '../core/audit/key.ts';
import { AuditKeyMismatch } from '../core/audit/start.ts';
import { loadConfig } from '../core/config.ts';
import { openReadyDatabase } from '../core/db/ready.ts';

/** `gongkai serve` (the command is made by the program, src/app/cli.ts). */
export function register(serve: Command): void {
  serve
    .option('--demo', '数据库为空时创建演示数据')
    .action(async (opts: { demo?: boolean }) => {
      const started = performance.now();
      const config = loadConfig();
      if (config.databaseUrl && !config.auditKey && !config.auditKeyFile) {
        process.stderr.write(
          `警告：未设置 GONGKAI_AUDIT_KEY_FILE，审计密钥保存在 ${config.dataDir}/audit.key。多个进程共用一个数据库时，须让它们使用同一密钥文件，并将密钥另行备份。\n`,
        );
      }
      const opening = openReadyDatabase(config, (m) => process.stderr.write(`${m}\n`));
      opening.catch(() => {}); // awaited below; not an unhandled rejection while the modules load
      const demoModules = opts.demo
        ? Promise.all([import('./demo/seed.ts'), import('../applications/demo.ts'), import('../catalogue/demo.ts'), import('./demo/reports.ts'), import('../supervision/assessment/demo.ts'), import('./demo/scoring.ts'), import('./demo/consultation-notices.ts')])
        : null;
      const [{ buildApp }, { seedCalendar }, { startScheduler }, { reminderJob }, { mailerFromConfig }, { auditCheckpointJob }, { inspectionJob }, { startQueueWorker }, { runLetterJobs, onLetterJobsQueued }, { UNANSWERED_MESSAGES }] = await Promise.all([
        import('./server.ts'),
        import('../calendar/seed.ts'),
        import('../core/jobs/runner.ts'),
        import('../applications/reminders/job.ts'),
        import('../applications/reminders/mail.ts'),
        import('../core/audit/job.ts'),
        import('../catalogue/inspection/job.ts'),
        import('../core/jobs/queue-worker.ts'),
        import('../applications/letters/letter-jobs.ts'),
        import('./interaction-hooks.ts'),
      ]);
      let db: Awaited<typeof opening>;
      try {
        db = await opening;
      } catch (err) {
        // A key that is not the log's, or none to be read: say so and start nothing.
        if (!(err instanceof AuditKeyError || err instanceof AuditKeyMismatch)) throw err;
        process.stderr.write(`错误：${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      await seedCalendar(db);
      const demo = demoModules ? await demoModules : null;
      if (demo) {
        const admin = await demo[0].seedDemo(db);
        if (admin) process.stdout.write(`已创建演示数据。演示管理员：${admin.username} / ${admin.password}（首次登录须修改密码）\n`);
      }
      const app = await buildApp({ db, config });
      await app.listen({ host: config.host, port: config.port });
      // The demo catalogue (several hundred items, seconds on PGlite) fills in after the portal is up, so
      // the first start stays fast. Idempotent: organizations that have items are skipped, a restart adds nothing.
      // The demo cases of 依申请公开 (ten, through the real commands) come first, likewise idempotent; the demo
      // appeals and Article 20 ledgers are seeded with the organizations (the published reports need them).
      const seeding = new AbortController();
      const catalogueDemo = demo
        ? demo[1]
            .seedApplicationsDemo(db)
            .then(
              (cases) => {
                if (cases) process.stdout.write(`已创建演示依申请公开案件：${cases} 件。\n`);
              },
              (err: unknown) => app.log.error({ err }, '演示依申请公开案件创建失败'),
            )
            .then(() => demo[2].seedCatalogueDemo(db, undefined, { signal: seeding.signal }))
            .then(
              (items) => {
                if (items) process.stdout.write(`已创建演示公开目录：${items} 条主动公开信息（用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n`);
              },
              (err: unknown) => app.log.error({ err }, '演示公开目录创建失败'),
            )
            // the demo consultations' notices in 通知公告, leading to their pages (after the catalogue: it skips an organization with items)
            .then(() => (seeding.signal.aborted ? 0 : demo[6].seedConsultationNotices(db)))
            .catch((err: unknown) => app.log.error({ err }, '演示意见征集公告创建失败'))
            // the county office's 考核 indicators, computed from the records now in (inspections first)
            .then(() => (seeding.signal.aborted ? 0 : demo[5].seedScoringDemo(db)))
            .catch((err: unknown) => app.log.error({ err }, '演示考核评分创建失败'))
            // the county office's tasks and 整改 item (after the catalogue: the accepted task links a real item;
            // after the scores: 自然资源局's 自评报告 states them)
            .then(() => (seeding.signal.aborted ? undefined : demo[4].seedAssessmentDemo(db)))
            .catch((err: unknown) => app.log.error({ err }, '演示任务和整改事项创建失败'))
            // the demo's published reports, generated again now that the cases and the catalogue are in
            .then(() => (seeding.signal.aborted ? 0 : demo[3].refreshDemoReports(db)))
            .then(
              (revised) => {
                if (revised) process.stdout.write(`已由完整的演示记录重新生成年度报告：${revised} 份。\n`);
              },
              (err: unknown) => app.log.error({ err }, '演示年度报告重新生成失败'),
            )
        : Promise.resolve();
      // Scheduled jobs: each runs in one process at a time (advisory lock), when due (job_runs).
      const log = { info: (m: string) => app.log.info(m), error: (m: string, err: unknown) => app.log.error({ err }, m) };
      const mailer = mailerFromConfig(config);
      const jobs = [
        ...(config.reminderIntervalMinutes > 0 ? [reminderJob(db, { intervalMinutes: config.reminderIntervalMinutes, mailer, log })] : []),
        ...(config.auditCheckpointMinutes > 0 ? [auditCheckpointJob(config.auditCheckpointMinutes)] : []),
        ...(config.inspectionIntervalDays > 0
          ? [inspectionJob(db, { intervalDays: config.inspectionIntervalDays, inspection: { checkLinks: config.linkCheck, internalHosts: config.portalHosts, unansweredMessages: UNANSWERED_MESSAGES }, log })]
          : []),
      ];
      const scheduler = startScheduler(db, jobs, { log });
      // Letters are rendered after their step's commit: at once for this process's steps, and every few
      // seconds for other processes' and for those a crash left (the jobs are rows: one process each).
      const letterWorker =
        config.letterJobPollSeconds > 0
          ? startQueueWorker({ name: 'letter jobs', drain: () => runLetterJobs(db, log), pollMs: config.letterJobPollSeconds * 1000, log })
          : null;
      const stopWaking = letterWorker ? onLetterJobsQueued(letterWorker.wake) : () => {};
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite（${config.dataDir}）`;
      process.stdout.write(
        `gongkai 已启动：http://${config.host}:${config.port}/ （管理后台 /console，API 文档 /api/docs；数据库 ${where}；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）\n`,
      );
      const stop = async () => {
        seeding.abort(); // stops between organizations; the one being seeded commits or rolls back whole
        await catalogueDemo;
        await scheduler.stop();
        stopWaking();
        await letterWorker?.stop();
        mailer?.close();
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
