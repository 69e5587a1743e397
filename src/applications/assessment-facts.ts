// The yearly assessment's indicator 按期答复 (考核, issue 17 §3): per agency, the applications answered
// late or overdue unanswered by the statutory clock (条例第三十三条, the same clock as the 办理台账):
// those received in the year, and those still open whatever their year.
import type { AgencyFact, AgencyFactSource } from '../orgs/shell/agency-facts.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import { caseClock } from './rules/case-clock.ts';
import { listCases, listEventsOfCases } from './store.ts';

/** Receipt numbers named in the detail, at most. */
const NAMED = 5;

export const overdueRepliesFacts: AgencyFactSource = {
  key: 'applications.overdueReplies',
  label: '逾期答复的政府信息公开申请',
  basis: '《政府信息公开条例》第三十三条',
  async factsOf(db, { agencies, year, today }) {
    const out = new Map<number, AgencyFact>();
    for (const a of agencies) {
      const [ofYear, open] = await Promise.all([
        listCases(db, a.id, { receivedInYear: year, limit: null }),
        listCases(db, a.id, { state: 'open', limit: null }),
      ]);
      const cases = [...new Map([...ofYear, ...open].map((c) => [c.id, c])).values()];
      const [events, rules] = await Promise.all([listEventsOfCases(db, cases.map((c) => c.id)), loadClockRules(db, a.id)]);
      const late: string[] = [];
      const overdue: string[] = [];
      for (const c of cases) {
        const status = caseClock(rules, c, events.get(c.id) ?? [], today).status?.status;
        if (status === 'replied_late') late.push(c.receiptNo);
        if (status === 'overdue') overdue.push(c.receiptNo);
      }
      const named = [...overdue, ...late].slice(0, NAMED);
      out.set(a.id, {
        faults: late.length + overdue.length,
        threshold: null,
        detail: `${year} 年收到的申请和尚未办结的申请共 ${cases.length} 件，其中逾期未答复 ${overdue.length} 件、逾期答复 ${late.length} 件${named.length ? `（${named.join('、')}${late.length + overdue.length > NAMED ? ' 等' : ''}）` : ''}`,
        href: '/console/applications?due=overdue',
      });
    }
    return out;
  },
};
