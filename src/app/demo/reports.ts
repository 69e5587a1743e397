// Demo annual reports of 青山县: 自然资源局 2024 and 2025, entered and published, a consistent
// pair (2025 上年结转 = 2024 结转下年度; 现行有效件数 carried on), and 生态环境局 2025, imported
// from a (fictional) published page with a deliberate 勾稽 error, so that the findings show.
import type { Queryable } from '../../core/db/database.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { createReportIn, importReportIn, publishReportIn, saveReportVersionIn } from '../../report/commands.ts';
import { blankReport } from '../../report/model/blank-report.ts';
import type { AnnualReport2021, Table3_2021, Table3Line } from '../../report/model/report.ts';
import type { ReportNarrative } from '../../report/store.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据' }, staff: null };

type Rows = Partial<Record<keyof Table3_2021, Table3Line>>;

/** A 2021-format report: blank, with the given table-2 values and table-3/4 rows. */
function report2021(
  agency: string,
  year: number,
  t2: { issued: number; abolished: number; inForce: number; licensing: number; penalty: number; coercion: number; fees: number },
  t3: Rows,
  t4: AnnualReport2021['table4'],
): AnnualReport2021 {
  const r = blankReport('2021', year, agency);
  r.table2 = {
    ...r.table2!,
    normativeDocuments: { issued: t2.issued, abolished: t2.abolished, inForce: t2.inForce },
    licensing: { decisions: t2.licensing },
    penalty: { decisions: t2.penalty },
    coercion: { decisions: t2.coercion },
    fees: { amountWanYuan: t2.fees },
  };
  r.table3 = { ...r.table3!, ...t3 };
  r.table4 = t4;
  return r;
}

const ZRZY = '青山县自然资源局';

const ZRZY_2024 = report2021(
  ZRZY, 2024,
  { issued: 2, abolished: 1, inForce: 9, licensing: 326, penalty: 41, coercion: 3, fees: 0 },
  {
    newReceived: [14, 3, 0, 0, 1, 0, 18],
    carriedOver: [1, 0, 0, 0, 0, 0, 1],
    granted: [8, 2, 0, 0, 1, 0, 11],
    partiallyGranted: [2, 0, 0, 0, 0, 0, 2],
    'withheld.thirdPartyRights': [1, 0, 0, 0, 0, 0, 1],
    'unavailable.notHeld': [2, 1, 0, 0, 0, 0, 3],
    'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
    total: [14, 3, 0, 0, 1, 0, 18],
    carriedForward: [1, 0, 0, 0, 0, 0, 1],
  },
  { review: [1, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] },
);

const ZRZY_2025 = report2021(
  ZRZY, 2025,
  { issued: 3, abolished: 2, inForce: 10, licensing: 351, penalty: 38, coercion: 2, fees: 0 },
  {
    newReceived: [20, 4, 1, 0, 0, 1, 26],
    carriedOver: [1, 0, 0, 0, 0, 0, 1],
    granted: [10, 2, 1, 0, 0, 0, 13],
    partiallyGranted: [3, 1, 0, 0, 0, 0, 4],
    'withheld.processInformation': [1, 0, 0, 0, 0, 0, 1],
    'unavailable.notHeld': [3, 1, 0, 0, 0, 1, 5],
    'notProcessed.petitionComplaint': [1, 0, 0, 0, 0, 0, 1],
    'other.noCorrection': [1, 0, 0, 0, 0, 0, 1],
    total: [19, 4, 1, 0, 0, 1, 25],
    carriedForward: [2, 0, 0, 0, 0, 0, 2],
  },
  { review: [1, 1, 0, 0, 2], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] },
);

function narrative(year: number, received: number, review: number, litigation: number, extra: string): ReportNarrative {
  return {
    一: `${year}年，${ZRZY}坚持以公开为常态、不公开为例外，认真贯彻《中华人民共和国政府信息公开条例》，围绕自然资源管理重点工作做好政府信息公开。\n全年共收到政府信息公开申请${received}件，均在法定期限内答复。发生政府信息公开行政复议${review}件、行政诉讼${litigation}件。${extra}`,
    二: '及时公开行政规范性文件、行政许可和行政处罚结果，详见下表。',
    三: '依申请公开办理情况详见下表。',
    四: '政府信息公开行政复议、行政诉讼情况详见下表。',
    五: '存在的主要问题是部分公开内容更新不够及时。下一步将完善信息发布审核机制，提高公开时效。',
    六: '本年度未收取信息处理费。无其他需要报告的事项。',
  };
}

const STHJ = '青山县生态环境局';

// As printed on the (fictional) page: the 自然人 and 总计 columns do not balance (9 + 0 ≠ 8 + 0).
const STHJ_2025 = report2021(
  STHJ, 2025,
  { issued: 1, abolished: 0, inForce: 4, licensing: 57, penalty: 12, coercion: 0, fees: 0 },
  {
    newReceived: [9, 2, 0, 0, 0, 0, 11],
    granted: [5, 1, 0, 0, 0, 0, 6],
    'unavailable.notHeld': [2, 1, 0, 0, 0, 0, 3],
    'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
    total: [8, 2, 0, 0, 0, 0, 10],
  },
  { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] },
);

/** Seeds the demo reports inside the demo data's transaction. */
export async function seedDemoReports(tx: Queryable): Promise<void> {
  const zrzy = await findOrgByCode(tx, 'QS-ZRZY');
  if (zrzy) {
    const pairs = [
      [ZRZY_2024, narrative(2024, 18, 1, 0, '')],
      [ZRZY_2025, narrative(2025, 26, 2, 1, '主动公开政府信息较上年有所增加。')],
    ] as const;
    for (const [data, text] of pairs) {
      const { report } = await createReportIn(tx, demoContext, { orgId: zrzy.id, year: data.year });
      await saveReportVersionIn(tx, demoContext, report.id, { report: data, narrative: text, note: '演示数据' });
      await publishReportIn(tx, demoContext, report.id, { confirmed: true });
    }
  }
  const sthj = await findOrgByCode(tx, 'QS-STHJ');
  if (sthj) {
    const { report } = await importReportIn(tx, demoContext, {
      orgId: sthj.id,
      report: STHJ_2025,
      narrative: { 一: `2025年，${STHJ}共收到政府信息公开申请11件。`, 六: '本年度未收取信息处理费。' },
      sourceName: 'http://www.qingshan.example.gov.cn/sthj/2025ndbg.html',
      note: '演示数据：由已公布的报告导入',
    });
    await publishReportIn(tx, demoContext, report.id, { confirmed: true });
  }
}
