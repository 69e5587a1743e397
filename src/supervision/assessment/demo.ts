// Demo of the task breakdown and rectification items (issue 17 §3): 青山县人民政府办公室 publishes three
// tasks of this year to its departments — one reported and accepted for 青山县自然资源局, one past its
// deadline, one running — and sends 青山县自然资源局 one open rectification item from an inspection;
// 青山县自然资源局 then drafts its self-assessment (自评报告) of the year from these facts and submits it.
// Through the real commands as the trusted operator 演示数据; dates and the year come from today().
// Call seedAssessmentDemo(db) once the organizations exist (src/app/demo/seed.ts); it does nothing when
// the office already has tasks.
import type { Database } from '../../core/db/database.ts';
import { addDays } from '../../core/date.ts';
import { currentYear, today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { createRectification, createTask, decideProgress, publishTask, saveProgress } from './commands.ts';
import { createSelfAssessment, submitSelfAssessment } from './self-assessment/commands.ts';
import { findAgencySelfAssessment } from './self-assessment/store.ts';
import * as store from './store.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };
const OFFICE = '113301000000000001';

export async function seedAssessmentDemo(db: Database): Promise<void> {
  const office = await findOrgByCode(db, OFFICE);
  if (!office) return;
  const year = currentYear();
  if ((await store.listOfficeTasks(db, office.id, year)).length > 0) return;
  const ids = async (...codes: string[]) => {
    const out: number[] = [];
    for (const c of codes) {
      const o = await findOrgByCode(db, c);
      if (o) out.push(o.id);
    }
    return out;
  };
  const [zrzy, sthj, sl, ly, jy, wj] = await ids('QS-ZRZY', 'QS-STHJ', 'QS-SL', 'QS-LY', 'QS-JY', 'QS-WJ');
  if (!zrzy || !sthj || !sl || !ly || !jy || !wj) return;
  const now = today();

  const done = await createTask(db, demoContext, office.id, {
    year, title: '梳理本部门主动公开基本目录，在政府信息公开专栏集中公开自然资源领域规划和审批信息', leadOrgId: zrzy, otherOrgIds: [],
    deadline: addDays(now, 30), evidenceExpected: '专栏栏目截图或已发布信息的链接',
  });
  const overdue = await createTask(db, demoContext, office.id, {
    year, title: '更新生态环境领域政策文件解读，做到政策文件与解读材料同步组织、同步审签、同步部署', leadOrgId: sthj, otherOrgIds: [zrzy, sl],
    deadline: addDays(now, -10), evidenceExpected: '解读材料的链接',
  });
  const running = await createTask(db, demoContext, office.id, {
    year, title: '规范政府信息公开指南和依申请公开办理流程，按时完成年度报告编制发布', leadOrgId: jy, otherOrgIds: [zrzy, sthj, ly, sl, wj],
    deadline: addDays(now, 60), evidenceExpected: '指南页面链接、年度报告链接',
  });
  for (const id of [done, overdue, running]) await publishTask(db, demoContext, id);

  const task = (await store.findTask(db, done))!;
  const mine = task.agencies.find((a) => a.orgId === zrzy)!;
  const [item] = await db.query<{ id: number }>(
    `select id from catalogue_items where org_id = $1 and published_version_id is not null and withdrawn_at is null order by id limit 1`, [zrzy],
  );
  const links = item ? [`/items/${item.id}`] : ['/orgs/QS-ZRZY/catalogue'];
  await saveProgress(db, demoContext, mine.id, { note: '已完成主动公开基本目录梳理，规划和审批信息在专栏集中公开。', links }, true);
  await decideProgress(db, demoContext, mine.id, 'accept');

  await createRectification(db, demoContext, office.id, {
    orgId: zrzy, sourceKind: 'inspection', sourceRef: `${year} 年第三季度政府网站和政务新媒体检查`,
    finding: '“规划信息”栏目超过 6 个月未更新，请核实并补充发布。', deadline: addDays(now, 15),
  });

  if (!(await findAgencySelfAssessment(db, zrzy, year))) {
    await submitSelfAssessment(db, demoContext, await createSelfAssessment(db, demoContext, zrzy, { year }));
  }
}
