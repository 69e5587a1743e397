// Demo catalogue (issue 6 §8): realistic published items, generated in Chinese for the demo
// county's organizations over several years — news, notices, policy documents with their
// interpretations and 有效性 changes, plans, budgets, recruitment — plus the catalogue entries
// the seed documents show (seeds 002 and 004, with 黎川县生态环境局's own 索引号). Deterministic:
// the same data on every first start. Idempotent: an organization that has items is skipped.
import type { CommandContext } from '../orgs/context.ts';
import { LOCK, type Database, type Queryable } from '../core/db/database.ts';
import { isWorkingDay, type WorkingDayCalendar } from '../calendar/rules.ts';
import { loadCalendar } from '../calendar/store.ts';
import { addDays } from '../core/date.ts';
import { findOrgByCode } from '../orgs/store.ts';
import type { Organization } from '../orgs/model.ts';
import { ensureCatalogue, importPublishedItemIn, setInterpretationLinkIn, changeItemValidityIn } from './commands.ts';
import type { Column } from './model.ts';
import { listColumns } from './store.ts';
import { currentYear, today } from '../core/today.ts';

const DEMO: CommandContext = { actor: { userId: null, name: '演示数据' }, staff: null };

interface DemoOrg {
  code: string;
  /** 文号 prefix, e.g. 青自然资发 */
  prefix: string;
  place: string;
  topics: string[];
}

const ORGS: DemoOrg[] = [
  { code: '113301000000000001', prefix: '青政办发', place: '青山县', topics: ['优化营商环境', '政务公开', '乡村振兴', '安全生产', '民生实事', '12345政务服务便民热线'] },
  { code: 'QS-ZRZY', prefix: '青自然资发', place: '青山县', topics: ['耕地保护', '国土空间规划', '不动产登记', '地质灾害防治', '矿产资源管理', '土地供应'] },
  { code: 'QS-STHJ', prefix: '青环发', place: '青山县', topics: ['大气污染防治', '水环境治理', '环境影响评价', '排污许可', '生态环境监测', '固体废物管理'] },
  { code: 'QS-LY', prefix: '青林发', place: '青山县', topics: ['森林防火', '林长制', '古树名木保护', '林木采伐管理', '生态护林员管理', '松材线虫病防治'] },
  { code: 'QS-SL', prefix: '青水发', place: '青山县', topics: ['防汛抗旱', '河长制', '水土保持', '农村饮水安全', '水利工程建设', '水资源管理'] },
  { code: 'QS-JY', prefix: '青教发', place: '青山县', topics: ['义务教育', '学前教育', '学生资助', '校园安全', '课后服务', '教师队伍建设'] },
  { code: 'QS-WJ', prefix: '青卫健发', place: '青山县', topics: ['基本公共卫生服务', '家庭医生签约服务', '疫苗接种', '医疗机构监管', '健康促进', '妇幼保健'] },
  { code: 'JX-LY', prefix: '绩林发', place: '绩溪县', topics: ['林长制', '古树名木保护', '森林防火', '生态护林员管理', '林业有害生物防治', '国土绿化'] },
  { code: 'LC-STHJ', prefix: '黎环发', place: '黎川县', topics: ['大气污染防治', '水环境治理', '环境执法', '“双随机、一公开”监管', '生态环境监测', '排污许可'] },
];

/** mulberry32: a small deterministic generator. */
function random(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Random = ReturnType<typeof random>;

const pad = (n: number) => String(n).padStart(2, '0');
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六'];

function paragraphs(r: Random, org: Organization, topic: string, year: number): string {
  const opening = r.pick([
    `为深入贯彻落实党中央、国务院关于${topic}工作的决策部署，进一步提升${topic}工作水平，结合${org.shortName}工作实际，现将有关事项明确如下。`,
    `${year}年以来，${org.fullName}坚持以人民为中心的发展思想，扎实推进${topic}各项工作，取得了阶段性成效。`,
    `根据上级有关文件精神，为切实做好${topic}工作，保障人民群众合法权益，制定本文件。`,
  ]);
  const points = Array.from({ length: 2 + r.int(3) }, (_, i) =>
    `${CN_NUMBERS[i]}、${r.pick(['加强组织领导', '明确工作职责', '强化督促检查', '抓好宣传引导', '完善工作机制', '严格责任落实'])}。${r.pick([
      `各乡镇、各有关单位要把${topic}工作摆上重要议事日程，明确分管领导和具体责任人。`,
      `要建立健全${topic}工作台账，实行清单化管理、项目化推进，确保各项任务按时完成。`,
      `对工作中发现的问题，要及时整改到位，并将整改情况按要求报送。`,
      `要通过政府网站、政务新媒体等渠道加强政策解读，及时回应社会关切。`,
    ])}`,
  );
  const closing = r.pick([`联系单位：${org.fullName}办公室，联系电话：${org.phone || '（略）'}。`, `本文件自印发之日起施行。`, `特此通知。`]);
  return [opening, ...points, closing].join('\n\n');
}

interface Plan {
  column: string;
  title: string;
  body: string;
  date: string;
  docNumber?: string;
  docKind?: 'normative';
  summary?: string;
  /** A 政策解读: the policy document it interprets (titles may repeat across years, so never matched by title). */
  interprets?: Plan;
}

function plansFor(r: Random, d: DemoOrg, org: Organization, years: number[], now: string): Plan[] {
  const out: Plan[] = [];
  let docSeq = 0;
  const dateIn = (year: number) => {
    const last = year === Number(now.slice(0, 4)) ? Math.max(1, Number(now.slice(5, 7)) - 1) : 12;
    return `${year}-${pad(1 + r.int(last))}-${pad(1 + r.int(28))}`;
  };
  for (const year of years) {
    for (let i = 0; i < 6; i++) {
      const topic = r.pick(d.topics);
      out.push({ column: '工作动态', date: dateIn(year), title: r.pick([`${org.shortName}召开${topic}工作推进会`, `${org.shortName}开展${topic}专项检查`, `${org.shortName}组织${topic}业务培训`, `${org.shortName}主要负责同志带队调研${topic}工作`]), body: paragraphs(r, org, topic, year) });
    }
    for (let i = 0; i < 3; i++) {
      const topic = r.pick(d.topics);
      out.push({ column: '通知公告', date: dateIn(year), title: r.pick([`关于开展${year}年度${topic}工作的通知`, `关于${topic}有关事项的公告`, `关于${topic}工作情况的通报`]), body: paragraphs(r, org, topic, year) });
    }
    for (let i = 0; i < 2; i++) {
      const topic = d.topics[(year + i) % d.topics.length]!;
      docSeq++;
      const title = r.pick([`${d.place}${topic}管理办法`, `关于进一步加强${topic}工作的实施意见`, `${d.place}${topic}工作规范（试行）`]);
      const policy: Plan = { column: '政策文件', date: dateIn(year), title, docNumber: `${d.prefix}〔${year}〕${docSeq + i}号`, docKind: 'normative', summary: `规范${topic}工作`, body: paragraphs(r, org, topic, year) };
      out.push(policy);
      out.push({ column: '政策解读', date: '', interprets: policy, title: `《${title}》政策解读`, body: `一、制定背景\n\n${paragraphs(r, org, topic, year)}\n\n二、主要内容\n\n本文件共${CN_NUMBERS[2 + r.int(3)]}部分，明确了${topic}的工作目标、主要任务和保障措施。` });
    }
    out.push({ column: '规划计划', date: `${year}-0${2 + r.int(2)}-${pad(1 + r.int(28))}`, title: `${org.shortName}${year}年工作要点`, body: paragraphs(r, org, r.pick(d.topics), year) });
    if (year < Number(now.slice(0, 4)) || now.slice(5) > '03-15') {
      out.push({ column: '财政预决算', date: `${year}-02-${pad(10 + r.int(15))}`, title: `${org.fullName}${year}年部门预算`, body: `根据《中华人民共和国预算法》和上级财政部门的要求，现将${org.fullName}${year}年部门预算公开如下。\n\n一、部门基本情况\n\n二、收支预算总体情况\n\n三、“三公”经费预算情况` });
      out.push({ column: '财政预决算', date: `${year}-08-${pad(10 + r.int(15))}`, title: `${org.fullName}${year - 1}年部门决算`, body: `现将${org.fullName}${year - 1}年部门决算公开如下。\n\n一、收入支出决算总体情况\n\n二、“三公”经费支出决算情况` });
    }
    if (r.next() < 0.6) out.push({ column: '人事信息', date: dateIn(year), title: `${org.fullName}${year}年公开招聘编外工作人员公告`, body: `因工作需要，${org.fullName}决定公开招聘编外工作人员。\n\n一、招聘岗位及人数\n\n二、报名条件\n\n三、报名时间和方式` });
    if (r.next() < 0.5) out.push({ column: '建议提案办理', date: `${year}-0${6 + r.int(3)}-${pad(1 + r.int(28))}`, title: `对县政协${CN_NUMBERS[r.int(3)]}届${CN_NUMBERS[r.int(3)]}次会议第${10 + r.int(90)}号提案的答复`, body: `您提出的关于加强${r.pick(d.topics)}工作的提案收悉，现答复如下。\n\n${paragraphs(r, org, r.pick(d.topics), year)}` });
  }
  out.push({ column: '机构职能', date: `${years[0]}-01-${pad(5 + r.int(20))}`, title: `${org.fullName}机构职能`, body: `${org.fullName}是${d.place}人民政府工作部门。\n\n主要职责：负责${d.topics.slice(0, 3).join('、')}等工作；完成${d.place}人民政府交办的其他任务。\n\n办公地址：${org.address || '（略）'}；办公时间：${org.officeHours || '工作日'}；联系电话：${org.phone || '（略）'}。` });
  out.push({ column: '负责人信息', date: `${years[0]}-01-${pad(5 + r.int(20))}`, title: `${org.fullName}领导班子成员`, body: '局长：负责全面工作。\n\n副局长：协助局长分管有关业务工作。' });
  return out;
}

/**
 * Creates the demo catalogue; returns the number of items created (0 when there was one already).
 * One transaction per organization; `signal` stops it between organizations (a server shutting down).
 */
export async function seedCatalogueDemo(db: Database, years = [1, 2, 3].map((n) => currentYear() - n), opts: { signal?: AbortSignal } = {}): Promise<number> {
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  const allYears = [...new Set([...years, thisYear])].filter((y) => y <= thisYear).sort();
  let created = 0;
  for (const d of ORGS) {
    if (opts.signal?.aborted) break;
    // Between organizations, let waiting requests have the database (PGlite runs one statement at a time).
    await new Promise((r) => setTimeout(r, 5));
    const org = await findOrgByCode(db, d.code);
    if (!org) continue;
    await ensureCatalogue(db, org.id);
    created += await db.transaction(async (tx) => {
      // Several processes starting together (`serve --demo` on one PostgreSQL): one seeds, the others find it done.
      await tx.query('select pg_advisory_xact_lock($1::int, $2::int)', [LOCK.jobs, 2]);
      const [{ n }] = (await tx.query<{ n: number }>('select count(*)::int as n from catalogue_items where org_id = $1', [org.id])) as [{ n: number }];
      if (n > 0) return 0;
      const columns = await listColumns(tx, org.id);
      const cal = await loadCalendar(tx, org.id);
      const r = random(d.code);
      let count = 0;
      // Each policy document's item, for its own 解读 (published the same day, so created after it:
      // undated plans sort last).
      const policyItems = new Map<Plan, number>();
      const plans = plansFor(r, d, org, allYears, now).sort((a, b) => (a.date || '9') < (b.date || '9') ? -1 : 1);
      for (const p of plans) {
        const column = columns.find((c) => c.name === p.column);
        if (!column) continue;
        const date = p.date || p.interprets?.date || now;
        const item = await demoItem(tx, org, column, p, date, cal, r);
        count++;
        if (p.column === '政策文件') policyItems.set(p, item);
        const policyItem = p.interprets && policyItems.get(p.interprets);
        if (policyItem) await setInterpretationLinkIn(tx, DEMO, policyItem, item, true);
        if (p.column === '政策文件' && date < `${thisYear - 1}-01-01` && r.next() < 0.35) {
          const on = `${Number(date.slice(0, 4)) + 1}-${date.slice(5)}`;
          await changeItemValidityIn(tx, DEMO, item, { validity: r.next() < 0.5 ? 'abolished' : 'amended', date: on <= now ? on : now, note: r.next() < 0.5 ? `被${d.prefix}〔${Number(on.slice(0, 4))}〕1号废止或修订` : '' });
        }
      }
      count += await seedDocuments(tx, d.code, org, columns);
      return count;
    });
  }
  return created;
}

async function demoItem(tx: Queryable, org: Organization, column: Column, p: Plan, date: string, cal: WorkingDayCalendar, r: Random): Promise<number> {
  // 形成日期 a few working days before publication; now and then late (条例第二十六条, shown in 栏目更新情况).
  let formed = date;
  try {
    let left = r.next() < 0.08 ? 30 : r.int(12);
    while (left > 0) {
      formed = addDays(formed, -1);
      if (isWorkingDay(cal, formed)) left--;
    }
  } catch {
    formed = date; // a year the calendar does not cover: no shift
  }
  const item = await importPublishedItemIn(tx, DEMO, org.id, {
    content: {
      columnId: column.id, title: p.title, summary: p.summary ?? '', body: p.body, docNumber: p.docNumber ?? '', writtenDate: p.docNumber ? formed : null,
      formedDate: formed, docKind: p.docKind ?? null, topic: p.column === '政策文件' ? '综合政务' : '',
    },
    publishedDate: date,
  });
  return item.id;
}

/** The catalogue entries of the seed documents, as their pages show them. */
async function seedDocuments(tx: Queryable, code: string, org: Organization, columns: Column[]): Promise<number> {
  const col = (name: string) => columns.find((c) => c.name === name)!.id;
  if (code === 'LC-STHJ') {
    // seed 004: 索引号 LCX0040/2021-15943, 发文机关 黎川县生态环境局, 成文日期 2021-01-08
    await importPublishedItemIn(tx, DEMO, org.id, {
      content: {
        columnId: col('政府信息公开年报'), title: '2020年抚州市黎川县生态环境局政府信息公开工作年度报告', writtenDate: '2021-01-08', formedDate: '2021-01-08', publisher: '黎川县生态环境局',
        body: '2020年，抚州市黎川生态环境局认真贯彻落实《中华人民共和国政府信息公开条例》和《环境信息公开办法（试行）》，现向社会公布2020年度信息公开年度报告。\n\n一、基本情况\n\n今年以来，我局通过政府信息公开门户网站共公开信息225条。',
      },
      publishedDate: '2021-01-11',
      indexNumber: 'LCX0040/2021-15943',
    });
    return 1;
  }
  if (code === 'JX-LY') {
    // seed 002: documents the self-evaluation names under 规划信息公开
    for (const title of ['绩溪县深化新一轮林长制改革2023年工作要点', '绩溪县林业局2023年古树名木修复计划']) {
      await importPublishedItemIn(tx, DEMO, org.id, { content: { columnId: col('规划计划'), title, formedDate: '2023-03-01', body: `${title}。\n\n一、总体要求\n\n二、重点任务\n\n三、保障措施` }, publishedDate: '2023-03-10' });
    }
    return 2;
  }
  return 0;
}
