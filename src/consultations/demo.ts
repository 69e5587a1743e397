// Demo consultations of 青山县自然资源局 for `serve --demo`, through the real commands as the trusted
// operator 演示数据: one open now (a 行政规范性文件, comments arriving, one approved), and one closed
// weeks ago (a 重大行政决策) with its comments moderated and its 结果反馈 published. Dates come from
// today. Fictional people and texts.
import type { Database } from '../core/db/database.ts';
import { addDays } from '../core/date.ts';
import { CalendarNotCoveredError } from '../calendar/rules.ts';
import { today } from '../core/today.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { createConsultation, moderateComment, publishConsultation, publishFeedback, saveFeedback, submitComment } from './commands.ts';
import { countConsultations } from './store.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

const OPEN = {
  kind: 'normative',
  title: '关于征求《青山县耕地保护实施方案（征求意见稿）》意见的公告',
  draft: `青山县耕地保护实施方案（征求意见稿）

第一条 为落实最严格的耕地保护制度，守住耕地保护红线，结合本县实际，制定本方案。

第二条 本县行政区域内耕地的保护、利用和监督管理，适用本方案。

第三条 县自然资源局负责全县耕地保护的统一监督管理；各乡镇人民政府负责本行政区域内耕地保护的具体工作。

第四条 严格控制耕地转为非耕地。确需占用耕地的，应当按照“占多少、垦多少”的原则补充数量相等、质量相当的耕地。

第五条 本方案自印发之日起施行。`,
  explanation: `一、起草背景
为贯彻落实上级关于耕地保护的决策部署，进一步压实耕地保护责任，县自然资源局起草了本方案。

二、主要内容
本方案共五条，明确了适用范围、职责分工和占用耕地的补充要求。`,
  contact: '书面意见请寄：青山县自然资源局耕地保护股（邮编 000000），或发送电子邮件至 gdbh@qingshan.example.gov.cn，请注明“耕地保护实施方案意见”。',
};

const CLOSED = {
  kind: 'major_decision',
  title: '关于征求《青山县城区控制性详细规划（修编）（草案）》意见的公告',
  draft: `青山县城区控制性详细规划（修编）（草案）

一、规划范围：东至滨江路，西至环城西路，南至青山大道，北至北外环，总面积约 12.6 平方公里。

二、规划目标：优化城区用地布局，完善公共服务设施和道路交通体系，增加公园绿地。

三、主要内容：新增中小学用地 3 处、社区卫生服务中心 2 处，新增公园绿地约 18 公顷。`,
  explanation: `一、修编的必要性
原规划实施已满十年，城区人口和用地需求发生较大变化。

二、修编过程
县自然资源局会同有关部门开展了现状调查和专题研究，形成本草案。`,
  contact: '书面意见请寄：青山县自然资源局国土空间规划股，或发送电子邮件至 ghk@qingshan.example.gov.cn。',
};

/** Creates the demo consultations when 青山县自然资源局 has none yet; returns how many were made. */
export async function seedConsultationsDemo(db: Database): Promise<number> {
  const org = await findOrgByCode(db, 'QS-ZRZY');
  if (!org || (await countConsultations(db, org.id)) > 0) return 0;
  const now = today();

  // closed: published 70 days ago for 35 days, its feedback published since
  const closedStart = addDays(now, -70);
  const closed = await createConsultation(db, demoContext, org.id, { ...CLOSED, startsOn: closedStart, endsOn: addDays(closedStart, 35) });
  await publishConsultation(db, demoContext, closed, { on: closedStart });
  const c1 = await submitComment(db, closed, { body: '建议在城北片区增加一处社区公园，方便周边居民休闲健身。', name: '王建国', contact: '13900001234' }, null, addDays(closedStart, 3));
  const c2 = await submitComment(db, closed, { body: '青山大道与滨江路交叉口早晚高峰拥堵，建议规划中拓宽路口并增设右转车道。' }, null, addDays(closedStart, 10));
  const c3 = await submitComment(db, closed, { body: '广告：专业代办各类证照，联系电话略。' }, null, addDays(closedStart, 12));
  const c4 = await submitComment(db, closed, { body: '建议保留老城区的历史街巷肌理，不要大拆大建。', name: '李秀英' }, null, addDays(closedStart, 20));
  for (const id of [c1, c2, c4]) await moderateComment(db, demoContext, closed, { commentId: id, decision: 'approve' });
  await moderateComment(db, demoContext, closed, { commentId: c3, decision: 'reject', reason: '与征求意见内容无关' });
  await saveFeedback(db, demoContext, closed, {
    summary: '征求意见期间，共收到社会公众意见 4 条，其中 1 条与征求意见内容无关。经认真研究，对合理意见予以采纳，未采纳的说明理由如下。',
    points: [
      { point: '城北片区增加社区公园', result: 'adopted', reason: '' },
      { point: '青山大道与滨江路交叉口拓宽并增设右转车道', result: 'partly', reason: '路口拓宽已纳入规划；右转车道的设置需结合交通组织设计另行论证。' },
      { point: '保留老城区历史街巷肌理', result: 'adopted', reason: '' },
    ],
  });
  await publishFeedback(db, demoContext, closed);

  // open: started 10 days ago, ends in 25 days; 2 comments, one approved
  const openStart = addDays(now, -10);
  const openInput = { ...OPEN, startsOn: openStart, endsOn: addDays(now, 25) };
  // 工作日 need the calendar of the year: without it (a year not entered yet), counted in 日 as a 重大行政决策
  const open = await createConsultation(db, demoContext, org.id, openInput).catch((err: unknown) => {
    if (!(err instanceof CalendarNotCoveredError)) throw err;
    return createConsultation(db, demoContext, org.id, { ...openInput, kind: 'major_decision' });
  });
  await publishConsultation(db, demoContext, open, { on: openStart });
  const o1 = await submitComment(db, open, { body: '建议明确补充耕地的质量验收标准和验收主体。', name: '张明' }, null, addDays(openStart, 2));
  await submitComment(db, open, { body: '第四条“质量相当”的认定办法建议细化，并向社会公开补充耕地的位置。' }, null, addDays(openStart, 5));
  await moderateComment(db, demoContext, open, { commentId: o1, decision: 'approve' });
  return 2;
}
