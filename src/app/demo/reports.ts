// Demo annual reports of 青山县. 自然资源局's reports of the two years before this one are generated
// from its records (the Article 20 ledgers, the appeals register, the cases and the catalogue:
// REPORT_PARTS) and published, so that no number in them is typed and computing this year's report
// agrees with them across years (上年结转, 现行有效件数). 生态环境局's report of last year is imported
// from a (fictional) published page with a deliberate 勾稽 error, so that the findings show.
// Years come from today(): the demo looks the same in any year.
import type { Database } from '../../core/db/database.ts';
import { currentYear } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { assembleReport } from '../../report/assembly/assemble.ts';
import { generateReport } from '../../report/assembly/commands.ts';
import { importReportIn, publishReport, publishReportIn, saveReportVersion } from '../../report/commands.ts';
import { blankReport } from '../../report/model/blank-report.ts';
import { toCanonicalJson } from '../../report/model/canonical-json.ts';
import { canonicalNarrative, type AnnualReport2021 } from '../../report/model/report.ts';
import { findReportByOrgYear, findVersion } from '../../report/store.ts';
import { REPORT_PARTS } from '../report-parts.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据' }, staff: null };

/** The years whose reports the demo publishes: the two before this one. */
export const demoReportYears = (): [number, number] => [currentYear() - 2, currentYear() - 1];

const PROBLEMS = '存在的主要问题是部分栏目更新不够及时，政策解读形式较为单一。下一步将完善信息发布审核机制，丰富图解、问答等解读形式，提高公开时效。';

/** 生态环境局, as printed on the (fictional) page: the 自然人 and 总计 columns do not balance (9 + 0 ≠ 8 + 0). */
function importedReport(year: number): AnnualReport2021 {
  const r = blankReport('2021', year, '青山县生态环境局');
  r.table2 = {
    ...r.table2!,
    normativeDocuments: { issued: 1, abolished: 0, inForce: 4 },
    licensing: { decisions: 57 },
    penalty: { decisions: 12 },
    coercion: { decisions: 0 },
    fees: { amountWanYuan: 0 },
  };
  r.table3 = {
    ...r.table3!,
    newReceived: [9, 2, 0, 0, 0, 0, 11],
    granted: [5, 1, 0, 0, 0, 0, 6],
    'unavailable.notHeld': [2, 1, 0, 0, 0, 0, 3],
    'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
    total: [8, 2, 0, 0, 0, 0, 10],
  };
  return r;
}

/** Seeds the demo reports (after the demo's organizations and the records seeded with them). */
export async function seedDemoReports(db: Database): Promise<void> {
  const zrzy = await findOrgByCode(db, 'QS-ZRZY');
  if (zrzy) {
    for (const year of demoReportYears()) {
      // 五 is the agency's own judgement, never drafted: written by hand into the generated version.
      const { report, version } = await generateReport(db, demoContext, zrzy.id, year, REPORT_PARTS);
      await saveReportVersion(db, demoContext, report.id, { report: version.report, narrative: { ...version.narrative, 五: PROBLEMS }, note: '填写第五部分', baseVersion: version.version });
      await publishReport(db, demoContext, report.id, { confirmed: true });
    }
  }
  const sthj = await findOrgByCode(db, 'QS-STHJ');
  if (sthj) {
    const year = currentYear() - 1;
    await db.transaction(async (tx) => {
      const { report } = await importReportIn(tx, demoContext, {
        orgId: sthj.id,
        report: importedReport(year),
        narrative: { 一: `${year}年，青山县生态环境局共收到政府信息公开申请11件。`, 六: '本年度未收取信息处理费。' },
        sourceName: `http://www.qingshan.example.gov.cn/sthj/${year}ndbg.html`,
        note: '演示数据：由已公布的报告导入',
      });
      await publishReportIn(tx, demoContext, report.id, { confirmed: true });
    });
  }
}

/**
 * After the demo cases and catalogue are in (serve fills them in after start): generates 自然资源局's
 * published reports again where the records now give other numbers, as a revision with its 修订说明.
 */
export async function refreshDemoReports(db: Database): Promise<number> {
  const zrzy = await findOrgByCode(db, 'QS-ZRZY');
  if (!zrzy) return 0;
  let revised = 0;
  for (const year of demoReportYears()) {
    const stored = await findReportByOrgYear(db, zrzy.id, year);
    const published = stored?.publishedVersion ? await findVersion(db, stored.id, stored.publishedVersion) : undefined;
    if (!stored || !published) continue;
    const now = await assembleReport(db, { orgId: zrzy.id, agency: zrzy.fullName, year, parts: REPORT_PARTS, overrides: published.overrides, keep: published.narrative });
    const same =
      toCanonicalJson(now.report, canonicalNarrative(now.narrative)) === toCanonicalJson(published.report, canonicalNarrative(published.narrative));
    if (same) continue;
    const { report } = await generateReport(db, demoContext, zrzy.id, year, REPORT_PARTS);
    await publishReport(db, demoContext, report.id, { confirmed: true, revisionNote: '演示数据：依申请公开案件和主动公开目录的演示数据创建后，由记录重新生成' });
    revised++;
  }
  return revised;
}
