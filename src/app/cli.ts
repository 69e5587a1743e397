// The `gongkai` command line. The program names its top-level commands here, and
// loads only the modules of the one that runs: `gongkai report check` never loads
// the web server, the PDF renderer or the database driver. Each module's register()
// fills in the command it is given (sub-commands, options, action).
import { Command } from 'commander';

interface Registrar {
  register(command: Command): void;
}

interface TopLevel {
  name: string;
  description: string;
  /** The modules that fill in the command, loaded only when it runs or its help is asked for. */
  load(): Promise<Registrar[]>;
}

const TOP_LEVEL: readonly TopLevel[] = [
  { name: 'serve', description: '启动服务（门户、管理后台、API）', load: async () => [await import('./serve.ts')] },
  { name: 'db', description: '数据库', load: async () => [await import('../core/db/cli.ts')] },
  { name: 'org', description: '机构管理', load: async () => [await import('../orgs/cli.ts')] },
  {
    name: 'user',
    description: '工作人员账号',
    load: async () => {
      // The other modules' staffing checks: warnings after `user roles` and `user disable`.
      const [staff, { STAFFING_CHECKS }] = await Promise.all([import('../orgs/staff/cli.ts'), import('./staffing-checks.ts')]);
      return [{ register: (command: Command) => staff.register(command, STAFFING_CHECKS) }];
    },
  },
  { name: 'audit', description: '审计日志', load: async () => [await import('../core/audit/cli.ts')] },
  {
    name: 'report',
    description:
      '政府信息公开工作年度报告：check 检查、parse 解析已公布的原文（HTML、TXT、PDF、DOCX）、import 导入 canonical JSON、export 导出、render 生成 HTML/DOCX/XLSX/PDF、compute 由记录生成年度报告；批量导入原文用 gongkai import',
    load: () => Promise.all([import('../report/cli.ts'), import('../ingest/cli/parse.ts'), import('./report-compute-cli.ts')]),
  },
  {
    name: 'import',
    description: '导入已发布的政府信息公开工作年度报告（HTML、TXT、PDF、DOCX 文件或文件夹），按机关和年度保存并在公开门户发布（标注“导入”及检查结果）',
    load: async () => [await import('../ingest/import/cli.ts')],
  },
  { name: 'calendar', description: '工作日历：法定节假日、调休上班日与工作日计算', load: async () => [await import('../calendar/cli.ts')] },
  {
    name: 'applications',
    description: '依申请公开：办理时限提醒、台账导入',
    load: () => Promise.all([import('../applications/reminders/cli.ts'), import('../applications/ledger/cli.ts')]),
  },
  {
    name: 'catalogue',
    description: '主动公开：inspect 内容检查（错链、暗链、严重表述错误、超过 3 个月未回应的留言）',
    load: async () => {
      // the messages module's §D.4 count (互动回应差)
      const [inspection, { UNANSWERED_MESSAGES }] = await Promise.all([import('../catalogue/inspection/cli.ts'), import('./interaction-hooks.ts')]);
      return [{ register: (command: Command) => inspection.register(command, UNANSWERED_MESSAGES) }];
    },
  },
  {
    name: 'supervision',
    description: '监督：reports 本地区各机关年度报告的状态、scores 考核结果',
    load: () => Promise.all([import('../supervision/cli.ts'), import('./scoring-cli.ts')]),
  },
  { name: 'article20', description: '第二十条事项台账：import 导入双公示决定（.xlsx）、confirm 确认', load: async () => [await import('../article20/cli.ts')] },
  {
    name: 'interaction',
    description: '留言办理（信箱、咨询、建议、投诉）：stats 某机关某年度的办理情况、import-12345 导入 12345 工单（.xlsx）、export-12345 导出答复',
    load: () => Promise.all([import('../interaction/cli.ts'), import('../interaction/hotline/cli.ts')]),
  },
  { name: 'appeals', description: '复议诉讼台账：list 列表、table4 计算表四、import 导入台账（.xlsx）', load: async () => [await import('../appeals/cli.ts')] },
];

/** The top-level command that argv asks for (`gongkai report …`, `gongkai help report`), if any. */
function wanted(argv: string[]): TopLevel | undefined {
  const [first, second] = argv.slice(2);
  const name = first === 'help' ? second : first;
  return TOP_LEVEL.find((t) => t.name === name);
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('gongkai').description('gongkai 政府信息公开平台 — 命令行工具').showHelpAfterError();
  const target = wanted(argv);
  for (const top of TOP_LEVEL) {
    const command = program.command(top.name).description(top.description);
    // The others stay bare: enough for `gongkai --help` and for commander's "did you mean".
    if (top === target) for (const m of await top.load()) m.register(command);
  }
  await program.parseAsync(argv);
}
