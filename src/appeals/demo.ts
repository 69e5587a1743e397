// Demo appeals of 青山县自然资源局 for `serve --demo`, through the real commands as the trusted
// operator 演示数据: two years back 复议 1 (维持); last year 复议 2 (维持, 纠正) and 诉讼 1 (未经复议, 维持);
// this year 复议 1 (其他结果) and 诉讼 1 (复议后起诉, 尚未审结), dated weeks before today. The demo's
// published reports are generated from them (src/app/demo/reports.ts). Years come from today.
// Fictional people and case numbers.
import type { Database } from '../core/db/database.ts';
import { addDays } from '../core/date.ts';
import { today } from '../core/today.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { createAppeal, recordOutcome } from './commands.ts';
import type { AppealKind, AppealOutcome } from './model.ts';
import { countAppeals } from './store.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

interface DemoAppeal {
  kind: AppealKind;
  party: string;
  body: string;
  caseNumber: string;
  receivedOn: string;
  decided?: { on: string; outcome: AppealOutcome };
  note?: string;
}

const GOVERNMENT = '青山县人民政府';
const COURT = '青山县人民法院';

/** Two and one years back as the published reports count them, and this year's up to `now` (dates never after it). */
function demoAppeals(now: string): DemoAppeal[] {
  const year = Number(now.slice(0, 4));
  const [y2, y1] = [year - 2, year - 1];
  // this year's: received some weeks ago (not before 1 January), the 复议 decided since
  const inYear = (days: number) => (addDays(now, -days) < `${year}-01-01` ? `${year}-01-01` : addDays(now, -days));
  return [
    { kind: 'review', party: '孙立伟', body: GOVERNMENT, caseNumber: `青政复〔${y2}〕7号`, receivedOn: `${y2}-05-20`, decided: { on: `${y2}-07-15`, outcome: 'upheld' }, note: '对不予公开答复不服' },
    { kind: 'review', party: '郑海燕', body: GOVERNMENT, caseNumber: `青政复〔${y1}〕4号`, receivedOn: `${y1}-03-10`, decided: { on: `${y1}-05-08`, outcome: 'upheld' }, note: '对信息不存在的答复不服' },
    { kind: 'review', party: '青山县绿源农业开发有限公司', body: GOVERNMENT, caseNumber: `青政复〔${y1}〕11号`, receivedOn: `${y1}-06-16`, decided: { on: `${y1}-08-20`, outcome: 'corrected' }, note: '复议决定撤销原答复，责令重新答复' },
    { kind: 'litigation_direct', party: '吴国庆', body: COURT, caseNumber: `（${y1}）青0122行初15号`, receivedOn: `${y1}-04-02`, decided: { on: `${y1}-09-25`, outcome: 'upheld' }, note: '判决驳回诉讼请求' },
    { kind: 'review', party: '钱文静', body: GOVERNMENT, caseNumber: `青政复〔${year}〕3号`, receivedOn: inYear(120), decided: { on: inYear(60), outcome: 'other' }, note: '申请人撤回复议申请，复议终止' },
    { kind: 'litigation_after_review', party: '郑海燕', body: COURT, caseNumber: `（${year}）青0122行初8号`, receivedOn: inYear(30), note: '对复议维持决定不服起诉' },
  ];
}

/** Creates the demo appeals when 青山县自然资源局 has none yet; returns how many were made. */
export async function seedAppealsDemo(db: Database): Promise<number> {
  const org = await findOrgByCode(db, 'QS-ZRZY');
  if (!org || (await countAppeals(db, org.id)) > 0) return 0;
  const now = today();
  let made = 0;
  for (const a of demoAppeals(now)) {
    if (a.receivedOn > now) continue;
    const id = await createAppeal(db, demoContext, org.id, { kind: a.kind, party: a.party, body: a.body, caseNumber: a.caseNumber, receivedOn: a.receivedOn, note: a.note ?? '' });
    if (a.decided && a.decided.on <= now) await recordOutcome(db, demoContext, id, { outcome: a.decided.outcome, decidedOn: a.decided.on });
    made++;
  }
  return made;
}
