// Demo cases of 青山县自然资源局 for `serve --demo`: one application in each situation a handler meets —
// waiting to be confirmed, on time, due soon, overdue, awaiting 补正, paused for a third party's opinion,
// extended, a reply awaiting the head's signature, replied and closed — dated in working days back
// from today, so the queue's flags and the reminders show on any day the calendar covers. Every case
// goes through the real commands (events, letters, audit), as a trusted operator named 演示数据.
// Fictional people; identity numbers carry valid check digits only so that the forms accept them.
import type { Database } from '../core/db/database.ts';
import type { CommandContext } from '../orgs/context.ts';
import { addDays, type DateString } from '../core/date.ts';
import { isCovered, isWorkingDay, type WorkingDayCalendar } from '../calendar/rules.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { findUserByUsername } from '../orgs/staff/store.ts';
import * as commands from './commands.ts';
import type { SubmissionChannel } from './rules/receipt.ts';
import { today } from '../core/today.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

const person = (name: string, idNumber: string, phone: string) => ({
  applicantKind: 'natural', name, idType: '居民身份证', idNumber, phone, address: '青山县城关镇人民路 18 号', postalCode: '311300',
});
const company = {
  applicantKind: 'organization', orgName: '青山县绿源农业开发有限公司', orgColumn: 'business', creditCode: '91330122MA2H3K5L7P',
  legalRepresentative: '周建国', contactPerson: '何丽', phone: '0571-80012345', address: '青山县经济开发区兴业路 6 号', postalCode: '311300',
};

/** What each demo case asks for, and how far it has gone. */
interface DemoCase {
  applicant: Record<string, string>;
  info: { infoTitle: string; infoDocNumber?: string; infoDescription?: string };
  channel: SubmissionChannel;
  /** Received this many working days before today (null: submitted online today, not yet confirmed). */
  receivedAgo: number | null;
  steps: Array<(db: Database, id: number, on: (ago: number) => DateString) => Promise<unknown>>;
}

const CASES: DemoCase[] = [
  {
    applicant: { ...person('陈晓明', '330122198506120314', '13805710001'), email: 'chenxm@example.cn' },
    info: { infoTitle: '青山县城关镇东片区控制性详细规划（2024年修编）批复文件', infoDescription: '规划批复及附图' },
    channel: 'online', receivedAgo: null, steps: [],
  },
  {
    applicant: person('王秀英', '330122199203041525', '13905710002'),
    info: { infoTitle: '我户宅基地（城关镇柳溪村 3 组）的审批档案' },
    channel: 'in_person', receivedAgo: 2, steps: [],
  },
  {
    applicant: company,
    info: { infoTitle: '2025年度青山县国有建设用地供应计划', infoDocNumber: '青自然资〔2025〕12号' },
    channel: 'post_signed', receivedAgo: 18, steps: [],
  },
  {
    applicant: person('李建华', '330122197809152634', '13605710003'),
    info: { infoTitle: '青山县矿产资源总体规划（2021—2025年）中期评估报告' },
    channel: 'in_person', receivedAgo: 22, steps: [],
  },
  {
    applicant: person('赵敏', '330122200101200842', '13705710004'),
    info: { infoTitle: '有关征地的文件', infoDescription: '需要征地的所有文件' },
    channel: 'in_person', receivedAgo: 10,
    steps: [(db, id, on) => commands.requestCorrection(db, demoContext, id, { on: on(8), items: '请写明所需信息涉及的征地项目名称、地块位置或批准文号', dueOn: addDays(on(8), 15) })],
  },
  {
    applicant: company,
    info: { infoTitle: '青山县绿源农业开发有限公司周边地块的土地出让合同', infoDescription: '城关镇工业园区 B-07 地块' },
    channel: 'post_signed', receivedAgo: 12,
    steps: [(db, id, on) => commands.startConsultation(db, demoContext, id, { on: on(5), party: 'third_party', partyName: '青山县恒远置业有限公司' })],
  },
  {
    applicant: person('王秀英', '330122199203041525', '13905710002'),
    info: { infoTitle: '柳溪村土地整治项目的验收材料' },
    channel: 'in_person', receivedAgo: 19,
    steps: [
      (db, id, on) => commands.requestExtension(db, demoContext, id, { on: on(1), workingDays: 10, reason: '所需信息涉及多个年度的档案，需调阅整理' }),
      (db, id, on) => commands.approveExtension(db, demoContext, id, { approvedOn: on(1), notifiedOn: on(0) }),
    ],
  },
  {
    applicant: person('陈晓明', '330122198506120314', '13805710001'),
    info: { infoTitle: '2024年度青山县耕地保护目标责任制考核结果' },
    channel: 'in_person', receivedAgo: 15,
    steps: [(db, id, on) => commands.draftReply(db, demoContext, id, { on: on(0), outcome: 'partiallyGranted', deliveredBy: '邮寄', reasons: '考核结果中涉及个人信息的部分不予公开（条例第十五条）' })],
  },
  {
    applicant: person('李建华', '330122197809152634', '13605710003'),
    info: { infoTitle: '青山县2024年度地质灾害防治方案' },
    channel: 'in_person', receivedAgo: 40,
    steps: [
      (db, id, on) => commands.reply(db, demoContext, id, { on: on(26), outcome: 'granted', deliveredBy: '邮寄' }),
      (db, id, on) => commands.closeCase(db, demoContext, id, { on: on(20) }),
    ],
  },
  {
    applicant: company,
    info: { infoTitle: '某企业提交的采矿权延续申请材料', infoDescription: '青山县恒远矿业有限公司 2024 年' },
    channel: 'post_signed', receivedAgo: 30,
    steps: [(db, id, on) => commands.reply(db, demoContext, id, { on: on(12), outcome: 'withheld.thirdPartyRights', deliveredBy: '邮寄', reasons: '所需信息涉及第三方商业秘密，第三方不同意公开（条例第十五条、第三十二条）' })],
  },
  {
    applicant: person('李建华', '330122197809152634', '13605710003'),
    info: { infoTitle: '2000年以来青山县全部采矿权出让档案', infoDescription: '每宗采矿权的出让合同、评估报告和缴款凭证' },
    channel: 'in_person', receivedAgo: 6,
    steps: [(db, id, on) => commands.requestReasons(db, demoContext, id, { on: on(3), grounds: '您本月已向本机关提出政府信息公开申请 12 件，本件所涉档案逾 300 卷', dueOn: addDays(on(3), 10) })],
  },
];

/** The date `n` working days before `from` (n = 0: `from` itself, or the working day before it). */
function workingDaysBefore(cal: WorkingDayCalendar, from: DateString, n: number): DateString {
  let d = from;
  while (!isWorkingDay(cal, d)) d = addDays(d, -1);
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/**
 * Creates the demo cases when 青山县自然资源局 has none yet; returns how many were made (0 when skipped:
 * the organization is missing, it already has cases, or the calendar does not cover the dates).
 */
export async function seedApplicationsDemo(db: Database): Promise<number> {
  if (process.env.GONGKAI_DEMO_CASES === '0') return 0; // tests that count receipt numbers from 1
  const org = await findOrgByCode(db, 'QS-ZRZY');
  if (!org) return 0;
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from applications where org_id = $1', [org.id])) as [{ n: number }];
  if (n > 0) return 0;
  const cal = await loadCalendar(db, org.id);
  const now = today();
  // 60 working days back reach into the year before; both years must be covered, or the clock would fail.
  if (!isCovered(cal, now) || !isCovered(cal, addDays(now, -100))) return 0;
  const on = (ago: number) => workingDaysBefore(cal, now, ago);
  const handler = await findUserByUsername(db, 'zrzy.handler');
  let made = 0;
  for (const c of CASES) {
    const raw = { ...c.applicant, ...c.info, formWanted: 'electronic', delivery: 'post' };
    const { case: created } =
      c.receivedAgo === null
        ? await commands.submitOnline(db, org, { ...raw, delivery: 'email' }, null)
        : await commands.registerApplication(db, demoContext, org.id, raw, { channel: c.channel, submittedOn: on(c.receivedAgo), signedForOn: c.channel === 'post_signed' ? on(c.receivedAgo) : null });
    if (handler) await commands.assignHandler(db, demoContext, created.id, handler.id);
    for (const step of c.steps) await step(db, created.id, on);
    made++;
  }
  return made;
}
