// Demo of the scoring scheme (考核评分, issue 17 §3): the county office's indicators of this year — six
// computed from the platform's records, two scored by a person — after a content inspection of every
// agency with a catalogue, computed for all its agencies, with 自然资源局's two hand scores and their
// reasons. Through the real commands as 演示数据; does nothing when the office already has indicators.
import type { Database } from '../../core/db/database.ts';
import { currentYear } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { runInspection } from '../../catalogue/inspection/commands.ts';
import { UNANSWERED_MESSAGES } from '../interaction-hooks.ts';
import { listColumns } from '../../catalogue/store.ts';
import { addIndicator, assessedAgencies, computeScores, scoreByHand } from '../../supervision/assessment/scoring/commands.ts';
import { listIndicators } from '../../supervision/assessment/scoring/store.ts';
import { ASSESSMENT_FACT_SOURCES } from '../assessment-sources.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

const INDICATORS = [
  { title: '年度报告按时发布且无错误', description: '上一年度报告在公布截止日前发布，且勾稽关系等检查无错误', points: 10, deduction: 5, source: 'report.onTimeWithoutErrors' },
  { title: '依申请公开按期答复', description: '按条例第三十三条的期限答复', points: 15, deduction: 3, source: 'applications.overdueReplies' },
  { title: '栏目更新', description: '空白栏目、未按期更新栏目每个扣 1 分；达到国办秘函〔2019〕19号标准的单项否决', points: 15, deduction: 1, veto: true, source: 'catalogue.columns' },
  { title: '链接可用性', description: '每个错链扣 1 分', points: 10, deduction: 1, source: 'inspection.deadLinks' },
  { title: '政策解读同步发布', description: '规章、行政规范性文件未同步发布解读的，每件扣 2 分', points: 10, deduction: 2, source: 'catalogue.interpretation' },
  { title: '严重表述错误', description: '出现严重表述错误的单项否决', points: 0, veto: true, source: 'inspection.wording' },
  { title: '组织领导和制度保障', description: '领导小组、工作制度、保密审查制度', points: 20, source: null },
  { title: '重点工作任务落实', description: '年度政务公开重点工作任务分解方案的落实情况', points: 20, source: null },
];

export async function seedScoringDemo(db: Database): Promise<number> {
  const office = await findOrgByCode(db, '113301000000000001');
  const zrzy = await findOrgByCode(db, 'QS-ZRZY');
  if (!office || !zrzy) return 0;
  const year = currentYear();
  if ((await listIndicators(db, office.id, year)).length > 0) return 0;
  for (const a of await assessedAgencies(db, office)) {
    if ((await listColumns(db, a.id)).length > 0) await runInspection(db, demoContext, a.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
  }
  const ids: number[] = [];
  for (const i of INDICATORS) {
    ids.push(await addIndicator(db, demoContext, office.id, { year, deduction: '', veto: false, ...i }, ASSESSMENT_FACT_SOURCES));
  }
  await computeScores(db, demoContext, office.id, year, ASSESSMENT_FACT_SOURCES);
  await scoreByHand(db, demoContext, ids[6]!, zrzy.id, { score: 18, reason: '调整了政务公开工作领导小组，修订了信息公开保密审查制度；未定期召开专题会议，扣 2 分' });
  await scoreByHand(db, demoContext, ids[7]!, zrzy.id, { score: 20, reason: '牵头任务已验收，配合任务按期推进' });
  return INDICATORS.length;
}
