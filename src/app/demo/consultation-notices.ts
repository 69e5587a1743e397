// The demo catalogue's notices of the demo consultations (after the catalogue demo, which skips an
// organization that has items): each published consultation of 青山县自然资源局 gets its
// “关于征求《…》意见的公告” in 通知公告, published the day the consultation was, whose text leads to
// the consultation's page; the concluded one gets its final document in 规划计划, linked to it as the
// agency would once the document is published. Idempotent: a title already in the catalogue is skipped.
import type { Database } from '../../core/db/database.ts';
import { addDays, minDate } from '../../core/date.ts';
import { escapeHtml } from '../../core/html.ts';
import { today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../catalogue/commands.ts';
import { listColumns } from '../../catalogue/store.ts';
import { linkFinalDocument } from '../../consultations/commands.ts';
import { listConsultations } from '../../consultations/store.ts';
import { CONSULTATION_HOOKS } from '../consultation-hooks.ts';

const DEMO: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

/** Returns the number of catalogue items made. */
export async function seedConsultationNotices(db: Database): Promise<number> {
  const org = await findOrgByCode(db, 'QS-ZRZY');
  if (!org) return 0;
  await ensureCatalogue(db, org.id);
  const columns = await listColumns(db, org.id);
  const notices = columns.find((c) => c.name === '通知公告');
  const plans = columns.find((c) => c.name === '规划计划') ?? notices;
  if (!notices || !plans) return 0;
  const existing = new Set((await db.query<{ title: string }>(
    'select v.title from catalogue_items i join catalogue_versions v on v.id = i.published_version_id where i.org_id = $1', [org.id],
  )).map((r) => r.title));
  let made = 0;
  for (const c of await listConsultations(db, org.id)) {
    if (c.status === 'draft' || !c.publishedOn) continue;
    if (!existing.has(c.title)) {
      const body = `<p>为广泛听取社会各界意见，${escapeHtml(org.fullName)}起草了征求意见稿，现向社会公开征求意见。</p>
<p>征求意见时间：${c.startsOn} 至 ${c.endsOn}。征求意见稿全文、起草说明和网上提交意见的方式见<a href="/consultations/${c.id}">意见征集页面</a>。</p>
${c.contact ? `<p>${escapeHtml(c.contact)}</p>` : ''}`;
      await importPublishedItem(db, DEMO, org.id, { content: { columnId: notices.id, title: c.title, body }, publishedDate: c.publishedOn });
      made++;
    }
    // the concluded one's final document, a few weeks after the end (never after today)
    if (c.status === 'concluded' && !c.finalDocument) {
      const title = /《(.+?)(（征求意见稿）|（草案）)?》/.exec(c.title)?.[1] ?? c.title;
      if (existing.has(title)) continue;
      const item = await importPublishedItem(db, DEMO, org.id, {
        content: { columnId: plans.id, title, body: `<p>${escapeHtml(title)}已经批准，现予公布。</p><p>本规划公开征求意见的情况和意见采纳情况见<a href="/consultations/${c.id}">结果反馈</a>。</p>` },
        publishedDate: minDate(addDays(c.endsOn, 20), today()),
      });
      await linkFinalDocument(db, DEMO, c.id, String(item.id), CONSULTATION_HOOKS);
      made++;
    }
  }
  return made;
}
