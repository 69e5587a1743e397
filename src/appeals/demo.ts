// Demo appeals of 青山县自然资源局 for `serve --demo`, through the real commands as the trusted
// operator 演示数据. Those of 2024 and 2025 agree with the hand-typed table 4 of the demo's published
// reports of those years (src/app/demo/reports.ts: 2024 复议 1 维持; 2025 复议 2 (1 维持, 1 纠正),
// 诉讼 1 未经复议 维持), so computing table 4 from the register gives the same numbers. This year's
// are dated from 1 January up to today: what has not happened yet by today is left out or 尚未审结.
// Fictional people and case numbers.
import type { Database } from '../core/db/database.ts';
import { currentYear, today } from '../core/today.ts';
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

function demoAppeals(year: number): DemoAppeal[] {
  const past: DemoAppeal[] = [
    { kind: 'review', party: '孙立伟', body: GOVERNMENT, caseNumber: '青政复〔2024〕7号', receivedOn: '2024-05-20', decided: { on: '2024-07-15', outcome: 'upheld' }, note: '对不予公开答复不服' },
    { kind: 'review', party: '郑海燕', body: GOVERNMENT, caseNumber: '青政复〔2025〕4号', receivedOn: '2025-03-10', decided: { on: '2025-05-08', outcome: 'upheld' }, note: '对信息不存在的答复不服' },
    { kind: 'review', party: '青山县绿源农业开发有限公司', body: GOVERNMENT, caseNumber: '青政复〔2025〕11号', receivedOn: '2025-06-16', decided: { on: '2025-08-20', outcome: 'corrected' }, note: '复议决定撤销原答复，责令重新答复' },
    { kind: 'litigation_direct', party: '吴国庆', body: COURT, caseNumber: '（2025）青0122行初15号', receivedOn: '2025-04-02', decided: { on: '2025-09-25', outcome: 'upheld' }, note: '判决驳回诉讼请求' },
  ];
  if (year <= 2025) return past;
  return [
    ...past,
    { kind: 'review', party: '钱文静', body: GOVERNMENT, caseNumber: `青政复〔${year}〕3号`, receivedOn: `${year}-02-10`, decided: { on: `${year}-04-15`, outcome: 'other' }, note: '申请人撤回复议申请，复议终止' },
    { kind: 'litigation_after_review', party: '郑海燕', body: COURT, caseNumber: `（${year}）青0122行初8号`, receivedOn: `${year}-06-03`, note: '对复议维持决定不服起诉' },
  ];
}

/** Creates the demo appeals when 青山县自然资源局 has none yet; returns how many were made. */
export async function seedAppealsDemo(db: Database): Promise<number> {
  const org = await findOrgByCode(db, 'QS-ZRZY');
  if (!org || (await countAppeals(db, org.id)) > 0) return 0;
  const now = today();
  let made = 0;
  for (const a of demoAppeals(currentYear())) {
    if (a.receivedOn > now) continue;
    const id = await createAppeal(db, demoContext, org.id, { kind: a.kind, party: a.party, body: a.body, caseNumber: a.caseNumber, receivedOn: a.receivedOn, note: a.note ?? '' });
    if (a.decided && a.decided.on <= now) await recordOutcome(db, demoContext, id, { outcome: a.decided.outcome, decidedOn: a.decided.on });
    made++;
  }
  return made;
}
