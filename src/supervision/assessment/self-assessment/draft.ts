// The first draft of a self-assessment (自评报告), from the agency's facts only (pure). Its structure is
// that of a real one (seed 002, 绩溪县林业局 to the 县政府办): the office addressed, 一、政务公开工作开展情况
// with (一)… subsections, 二、存在的问题, 三、下一步工作计划, the agency and the date. Every figure comes
// from the facts; what the facts lack is said plainly (未发布年度报告), never made up. The agency edits
// the draft before it submits it.
import type { ReportStanding } from '../../model.ts';
import { isOverdue } from '../rules/overdue.ts';
import type { ProgressState, RectificationState } from '../rules/transitions.ts';

export interface TaskFact {
  title: string;
  lead: boolean;
  deadline: string;
  state: ProgressState;
  /** How many evidence links and files the agency gave. */
  evidenceLinks: number;
  documents: number;
}

export interface RectificationFact {
  finding: string;
  /** The day the office sent it (YYYY-MM-DD). */
  sentOn: string;
  deadline: string;
  state: RectificationState;
}

/** The agency's annual report of the year before the self-assessment's year (published during it). */
export interface ReportFact {
  year: number;
  status: ReportStanding;
  /** 条例第四十九条 deadline of that report (YYYY-MM-DD). */
  deadline: string;
  publishedOn: string | null;
  onTime: boolean | null;
  errors: number;
  /** 表三 本年新收 总计 */
  received: number | null;
  /** 表三 办结 总计 */
  handled: number | null;
  /** (予以公开 + 部分公开) / 办结, 0–1 */
  disclosureShare: number | null;
  /** 行政复议 + 行政诉讼 总计 */
  appealsTotal: number | null;
  /** (复议纠正 + 诉讼纠正) / (复议总计 + 诉讼总计), 0–1 */
  correctionRate: number | null;
  feesWanYuan: number | null;
}

/** An indicator of the office's scoring scheme with its data (filled from outside; [] until scored). */
export interface IndicatorFact {
  title: string;
  detail: string;
  score?: number | null;
}

export interface SelfAssessmentFacts {
  year: number;
  /** The day of the draft (YYYY-MM-DD): overdue is judged on it, and it dates the text. */
  today: string;
  agency: { fullName: string };
  office: { fullName: string; shortName: string };
  tasks: TaskFact[];
  rectifications: RectificationFact[];
  report: ReportFact;
  /** The deadline of the agency's annual report of the self-assessment's year (next to publish). */
  nextReportDeadline: string;
  indicators: IndicatorFact[];
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2026-12-06 → 2026年12月6日 */
export const chineseDate = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 0.8523 → 85.2% (one decimal, none when whole). */
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** A title or finding inside a sentence, without its closing punctuation. */
const bare = (s: string): string => s.trim().replace(/[。；;，,：:\s]+$/, '');
/** “…” around a title or finding: its own quotation marks become ‘…’. */
export const quoted = (s: string): string => `“${bare(s).replace(/“/g, '‘').replace(/”/g, '’')}”`;

const numbered = (lines: readonly string[]) => lines.map((l, i) => `${i + 1}.${l}`);
const counts = (parts: readonly [string, number][]) => parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n} 项`).join('，');
const reportTitle = (f: SelfAssessmentFacts) => `《${f.agency.fullName}${f.report.year}年度政府信息公开工作年度报告》`;

function taskLine(t: TaskFact, today: string): string {
  const overdue = isOverdue(t.deadline, t.state, today);
  const state: Record<ProgressState, string> = {
    accepted: '已完成并通过验收',
    submitted: '已报送完成情况，等待审核',
    returned: '完成情况被退回，尚未重新报送',
    open: overdue ? '已超过完成时限，尚未完成' : '正在推进，尚未报送完成情况',
  };
  const evidence = t.evidenceLinks + t.documents > 0
    ? `，提供佐证链接 ${t.evidenceLinks} 个${t.documents > 0 ? `、佐证文件 ${t.documents} 份` : ''}`
    : t.state === 'accepted' || t.state === 'submitted' ? '，未提供佐证材料' : '';
  return `${bare(t.title)}（${t.lead ? '牵头' : '配合'}，完成时限${chineseDate(t.deadline)}）：${state[t.state]}${evidence}${overdue && t.state !== 'open' ? '，已超过完成时限' : ''}。`;
}

function tasksSection(f: SelfAssessmentFacts): string[] {
  if (f.tasks.length === 0) return [`${f.office.fullName}未向本单位分解${f.year}年度政务公开重点工作任务。`];
  const by = (s: ProgressState) => f.tasks.filter((t) => t.state === s).length;
  const overdue = f.tasks.filter((t) => isOverdue(t.deadline, t.state, f.today)).length;
  const lead = f.tasks.filter((t) => t.lead).length;
  const share = counts([['牵头', lead], ['配合', f.tasks.length - lead]]);
  const progress = counts([['已验收', by('accepted')], ['已报送待审核', by('submitted')], ['被退回', by('returned')], ['未完成', by('open')]]);
  return [
    `对照《${f.office.fullName}${f.year}年度政务公开重点工作任务分解方案》，本单位承担任务 ${f.tasks.length} 项（${share}），其中${progress}${overdue > 0 ? `；已超过完成时限尚未验收的 ${overdue} 项` : ''}。`,
    ...numbered(f.tasks.map((t) => taskLine(t, f.today))),
  ];
}

/** An item the agency has not closed by its deadline (one it closed in time waits only for the office). */
const openPastDeadline = (r: RectificationFact, today: string) => r.state === 'open' && isOverdue(r.deadline, r.state, today);

function rectificationLine(r: RectificationFact, today: string): string {
  const overdue = openPastDeadline(r, today);
  const state: Record<RectificationState, string> = {
    confirmed: '已整改完成，并经确认',
    closed: '已报整改完成，等待确认',
    open: overdue ? '已超过整改时限，尚未整改完成' : '正在整改',
  };
  return `${bare(r.finding)}（${chineseDate(r.sentOn)}下发，整改时限${chineseDate(r.deadline)}）：${state[r.state]}。`;
}

function rectificationsSection(f: SelfAssessmentFacts): string[] {
  if (f.rectifications.length === 0) return [`本年度未收到${f.office.fullName}下发的整改事项。`];
  const by = (s: RectificationState) => f.rectifications.filter((r) => r.state === s).length;
  const overdue = f.rectifications.filter((r) => openPastDeadline(r, f.today)).length;
  return [
    `${f.office.fullName}向本单位下发整改事项 ${f.rectifications.length} 项，其中${counts([['已确认整改完成', by('confirmed')], ['已报整改完成待确认', by('closed')], ['正在整改', by('open')]])}${overdue > 0 ? `；已超过整改时限仍在整改的 ${overdue} 项` : ''}。`,
    ...numbered(f.rectifications.map((r) => rectificationLine(r, f.today))),
  ];
}

function figuresSentence(r: ReportFact): string {
  const parts: string[] = [];
  parts.push(r.received === null ? '本年新收申请数量未载明' : r.received === 0 ? '全年未收到政府信息公开申请' : `全年新收政府信息公开申请 ${r.received} 件`);
  if (r.handled !== 0) parts.push(r.disclosureShare === null ? '予以公开比例无法从报告数据算出' : `办结的申请中予以公开（含部分公开）占 ${percent(r.disclosureShare)}`);
  if (r.appealsTotal === 0) parts.push('未发生因政府信息公开引起的行政复议、行政诉讼');
  else if (r.correctionRate === null || r.appealsTotal === null) parts.push('行政复议、行政诉讼纠错率无法从报告数据算出');
  else parts.push(`因政府信息公开引起的行政复议、行政诉讼 ${r.appealsTotal} 件，纠错率 ${percent(r.correctionRate)}`);
  parts.push(r.feesWanYuan === null ? '信息处理费金额未载明' : r.feesWanYuan === 0 ? '未收取信息处理费' : `收取信息处理费 ${r.feesWanYuan} 万元`);
  return `年度报告显示：${parts.join('；')}。`;
}

function reportSection(f: SelfAssessmentFacts): string[] {
  const r = f.report;
  if (r.status === 'none') {
    return [`本单位未发布${r.year}年度政府信息公开工作年度报告${f.today > r.deadline ? `（规定时限为${chineseDate(r.deadline)}）` : `，应于${chineseDate(r.deadline)}前公布`}。`];
  }
  if (r.status === 'draft') {
    return [`本单位已起草${reportTitle(f)}，尚未发布${f.today > r.deadline ? `，已超过规定时限（${chineseDate(r.deadline)}）` : `，应于${chineseDate(r.deadline)}前公布`}。`];
  }
  const when = r.publishedOn === null
    ? '已公布（平台未记录公布日期）'
    : `于${chineseDate(r.publishedOn)}公布${r.onTime ? `，在规定时限（${chineseDate(r.deadline)}）内` : `，晚于规定时限（${chineseDate(r.deadline)}）`}`;
  return [
    `根据《中华人民共和国政府信息公开条例》第四十九条，本单位编制了${reportTitle(f)}，${when}。${figuresSentence(r)}${r.errors > 0 ? `经平台校验，该报告有 ${r.errors} 处错误需要更正。` : ''}`,
  ];
}

const indicatorLine = (i: IndicatorFact) =>
  `${i.title}：${i.detail}${i.score === null || i.score === undefined ? '' : `（得分 ${Number(i.score.toFixed(2))} 分）`}${/[。！？]$/.test(i.detail) ? '' : '。'}`;

interface Problem {
  problem: string;
  plan: string;
}

/** 二、存在的问题 and the matching lines of 三、下一步工作计划, from the facts only. */
export function problemsOf(f: SelfAssessmentFacts): Problem[] {
  const out: Problem[] = [];
  for (const t of f.tasks) {
    if (isOverdue(t.deadline, t.state, f.today)) {
      out.push({ problem: `任务${quoted(t.title)}已超过完成时限（${chineseDate(t.deadline)}），尚未通过验收。`, plan: `加快推进${quoted(t.title)}，尽快报送完成情况和佐证材料。` });
    } else if (t.state === 'returned') {
      out.push({ problem: `任务${quoted(t.title)}的完成情况被退回，尚未重新报送。`, plan: `按退回意见补充${quoted(t.title)}的完成情况后重新报送。` });
    }
  }
  for (const r of f.rectifications) {
    if (r.state !== 'open') continue;
    const overdue = openPastDeadline(r, f.today);
    out.push({
      problem: `整改事项${quoted(r.finding)}尚未整改完成${overdue ? `，已超过整改时限（${chineseDate(r.deadline)}）` : `（整改时限${chineseDate(r.deadline)}）`}。`,
      plan: `${overdue ? '尽快' : '按期'}完成${quoted(r.finding)}的整改，报送整改情况和佐证材料。`,
    });
  }
  const r = f.report;
  const late = f.today > r.deadline;
  if ((r.status === 'none' || r.status === 'draft') && late) {
    out.push({ problem: `未按时发布${r.year}年度政府信息公开工作年度报告（规定时限${chineseDate(r.deadline)}）。`, plan: `尽快完成并发布${r.year}年度政府信息公开工作年度报告。` });
  } else if ((r.status === 'published' || r.status === 'imported') && r.onTime === false) {
    out.push({
      problem: `${r.year}年度政府信息公开工作年度报告晚于规定时限公布（${r.publishedOn ? `${chineseDate(r.publishedOn)}公布，` : ''}时限${chineseDate(r.deadline)}）。`,
      plan: '严格执行条例第四十九条规定的时限，提前安排年度报告的编制和审核。',
    });
  }
  if (r.status !== 'none' && r.errors > 0) {
    out.push({ problem: `${r.year}年度政府信息公开工作年度报告经平台校验有 ${r.errors} 处错误。`, plan: `核对并更正${r.year}年度政府信息公开工作年度报告中的错误。` });
  }
  return out;
}

export const NO_PROBLEMS = '对照任务分解、整改事项和年度报告，本年度未发现逾期任务、未完成的整改事项和年度报告方面的问题。（请结合本单位实际补充存在的问题。）';
export const PLAN_HINT = '（请结合本单位实际补充下一步工作计划。）';

/** The whole draft, as plain text (one paragraph a line). */
export function draftSelfAssessment(f: SelfAssessmentFacts): string {
  const sections: [string, string[]][] = [
    ['重点工作任务落实方面', tasksSection(f)],
    ['整改落实方面', rectificationsSection(f)],
    ['政府信息公开工作年度报告方面', reportSection(f)],
  ];
  if (f.indicators.length > 0) sections.push(['考核指标方面', numbered(f.indicators.map(indicatorLine))]);
  const problems = problemsOf(f);
  const plans = [...new Set(problems.map((p) => p.plan))];
  plans.push(`按照《中华人民共和国政府信息公开条例》第四十九条，于${chineseDate(f.nextReportDeadline)}前公布本单位${f.year}年度政府信息公开工作年度报告。`);
  return [
    `${f.office.shortName}：`,
    `按照相关文件要求，现将我单位${f.year}年度政务公开工作推进落实情况自评报告如下：`,
    '一、政务公开工作开展情况',
    ...sections.flatMap(([title, lines], i) => [`（${CN_NUMERALS[i]}）${title}`, ...lines]),
    '二、存在的问题',
    ...(problems.length ? numbered(problems.map((p) => p.problem)) : [NO_PROBLEMS]),
    '三、下一步工作计划',
    ...numbered(plans),
    PLAN_HINT,
    f.agency.fullName,
    chineseDate(f.today),
  ].join('\n');
}
