import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseDate, draftSelfAssessment, NO_PROBLEMS, percent, problemsOf, type ReportFact, type SelfAssessmentFacts } from './draft.ts';

const published: ReportFact = {
  year: 2025, status: 'published', deadline: '2026-01-31', publishedOn: '2026-01-20', onTime: true, errors: 0,
  received: 12, handled: 10, disclosureShare: 0.8, appealsTotal: 2, correctionRate: 0.5, feesWanYuan: 0,
};

const facts = (over: Partial<SelfAssessmentFacts> = {}): SelfAssessmentFacts => ({
  year: 2026,
  today: '2026-12-06',
  agency: { fullName: '青山县自然资源局' },
  office: { fullName: '青山县人民政府办公室', shortName: '县政府办' },
  tasks: [],
  rectifications: [],
  report: published,
  nextReportDeadline: '2027-01-31',
  indicators: [],
  ...over,
});

const lines = (text: string) => text.split('\n');

test('the structure of seed 002: addressed to the office, 一 with (一)… subsections, 二, 三, the agency and the date', () => {
  const text = draftSelfAssessment(facts());
  const l = lines(text);
  assert.equal(l[0], '县政府办：');
  assert.equal(l[1], '按照相关文件要求，现将我单位2026年度政务公开工作推进落实情况自评报告如下：');
  const heads = l.filter((x) => /^[一二三]、|^（[一二三四]）/.test(x));
  assert.deepEqual(heads, ['一、政务公开工作开展情况', '（一）重点工作任务落实方面', '（二）整改落实方面', '（三）政府信息公开工作年度报告方面', '二、存在的问题', '三、下一步工作计划']);
  assert.deepEqual(l.slice(-2), ['青山县自然资源局', '2026年12月6日']);
});

test('tasks: counted by state with evidence, each listed; none said plainly', () => {
  const text = draftSelfAssessment(facts({
    tasks: [
      { title: '集中公开规划信息', lead: true, deadline: '2026-06-30', state: 'accepted', evidenceLinks: 2, documents: 1 },
      { title: '更新政策解读', lead: false, deadline: '2026-11-30', state: 'open', evidenceLinks: 0, documents: 0 },
      { title: '规范公开指南', lead: false, deadline: '2026-12-31', state: 'submitted', evidenceLinks: 0, documents: 0 },
    ],
  }));
  assert.match(text, /对照《青山县人民政府办公室2026年度政务公开重点工作任务分解方案》，本单位承担任务 3 项（牵头 1 项，配合 2 项），其中已验收 1 项，已报送待审核 1 项，未完成 1 项；已超过完成时限尚未验收的 1 项。/);
  assert.match(text, /1\.集中公开规划信息（牵头，完成时限2026年6月30日）：已完成并通过验收，提供佐证链接 2 个、佐证文件 1 份。/);
  assert.match(text, /2\.更新政策解读（配合，完成时限2026年11月30日）：已超过完成时限，尚未完成。/);
  assert.match(text, /3\.规范公开指南（配合，完成时限2026年12月31日）：已报送完成情况，等待审核，未提供佐证材料。/);
  assert.match(draftSelfAssessment(facts()), /青山县人民政府办公室未向本单位分解2026年度政务公开重点工作任务。/);
});

test('rectification items: sent, closed, confirmed, open, each listed; none said plainly', () => {
  const text = draftSelfAssessment(facts({
    rectifications: [
      { finding: '栏目未更新', sentOn: '2026-09-01', deadline: '2026-09-30', state: 'confirmed' },
      { finding: '链接失效', sentOn: '2026-10-01', deadline: '2026-10-31', state: 'closed' },
      { finding: '解读缺失', sentOn: '2026-11-01', deadline: '2026-11-30', state: 'open' },
    ],
  }));
  assert.match(text, /青山县人民政府办公室向本单位下发整改事项 3 项，其中已确认整改完成 1 项，已报整改完成待确认 1 项，正在整改 1 项；已超过整改时限仍在整改的 1 项。/);
  assert.match(text, /3\.解读缺失（2026年11月1日下发，整改时限2026年11月30日）：已超过整改时限，尚未整改完成。/);
  assert.match(draftSelfAssessment(facts()), /本年度未收到青山县人民政府办公室下发的整改事项。/);
});

test('the annual report: date, on time, the key figures; never a figure the report lacks', () => {
  const text = draftSelfAssessment(facts());
  assert.match(text, /本单位编制了《青山县自然资源局2025年度政府信息公开工作年度报告》，于2026年1月20日公布，在规定时限（2026年1月31日）内。/);
  assert.match(text, /全年新收政府信息公开申请 12 件；办结的申请中予以公开（含部分公开）占 80%；因政府信息公开引起的行政复议、行政诉讼 2 件，纠错率 50%；未收取信息处理费。/);
  const unknown = draftSelfAssessment(facts({ report: { ...published, received: null, disclosureShare: null, appealsTotal: null, correctionRate: null, feesWanYuan: null } }));
  assert.match(unknown, /本年新收申请数量未载明；予以公开比例无法从报告数据算出；行政复议、行政诉讼纠错率无法从报告数据算出；信息处理费金额未载明。/);
  assert.doesNotMatch(unknown, /null|NaN|undefined/);
  const none = draftSelfAssessment(facts({ report: { ...published, status: 'none', publishedOn: null, onTime: false, received: null, handled: null, disclosureShare: null, appealsTotal: null, correctionRate: null, feesWanYuan: null } }));
  assert.match(none, /本单位未发布2025年度政府信息公开工作年度报告（规定时限为2026年1月31日）。/);
  assert.doesNotMatch(none, /年度报告显示/);
  const zero = draftSelfAssessment(facts({ report: { ...published, received: 0, handled: 0, disclosureShare: null, appealsTotal: 0, correctionRate: null } }));
  assert.match(zero, /全年未收到政府信息公开申请；未发生因政府信息公开引起的行政复议、行政诉讼；未收取信息处理费。/);
});

test('二、存在的问题 from the facts: overdue task, open 整改, a late report with errors; 三 plans for each', () => {
  const f = facts({
    tasks: [
      { title: '更新政策解读', lead: true, deadline: '2026-11-30', state: 'open', evidenceLinks: 0, documents: 0 },
      { title: '按时完成', lead: true, deadline: '2026-12-31', state: 'returned', evidenceLinks: 1, documents: 0 },
      { title: '已完成', lead: true, deadline: '2026-01-31', state: 'accepted', evidenceLinks: 1, documents: 0 },
    ],
    rectifications: [
      { finding: '解读缺失', sentOn: '2026-11-01', deadline: '2026-12-20', state: 'open' },
      { finding: '已确认', sentOn: '2026-01-01', deadline: '2026-01-30', state: 'confirmed' },
    ],
    report: { ...published, publishedOn: '2026-02-10', onTime: false, errors: 2 },
  });
  assert.deepEqual(problemsOf(f).map((p) => p.problem), [
    '任务“更新政策解读”已超过完成时限（2026年11月30日），尚未通过验收。',
    '任务“按时完成”的完成情况被退回，尚未重新报送。',
    '整改事项“解读缺失”尚未整改完成（整改时限2026年12月20日）。',
    '2025年度政府信息公开工作年度报告晚于规定时限公布（2026年2月10日公布，时限2026年1月31日）。',
    '2025年度政府信息公开工作年度报告经平台校验有 2 处错误。',
  ]);
  const text = draftSelfAssessment(f);
  const problems = text.slice(text.indexOf('二、存在的问题'), text.indexOf('三、下一步工作计划'));
  assert.equal(lines(problems.trim()).length, 6);
  const plan = text.slice(text.indexOf('三、下一步工作计划'));
  assert.match(plan, /1\.加快推进“更新政策解读”，尽快报送完成情况和佐证材料。/);
  assert.match(plan, /按期完成“解读缺失”的整改/);
  assert.match(plan, /于2027年1月31日前公布本单位2026年度政府信息公开工作年度报告。/);
  assert.match(text, /晚于规定时限（2026年1月31日）/);
  assert.match(text, /经平台校验，该报告有 2 处错误需要更正。/);
});

test('no problems: a neutral sentence the agency is expected to edit', () => {
  const f = facts({ tasks: [{ title: '已完成', lead: true, deadline: '2026-06-30', state: 'accepted', evidenceLinks: 1, documents: 0 }] });
  assert.deepEqual(problemsOf(f), []);
  const text = draftSelfAssessment(f);
  assert.ok(text.includes(`二、存在的问题\n${NO_PROBLEMS}\n三、下一步工作计划`));
  assert.match(NO_PROBLEMS, /请结合本单位实际/);
});

test('a report not yet published: a problem only once its deadline has passed', () => {
  const draft: ReportFact = { ...published, status: 'draft', publishedOn: null, onTime: null };
  assert.deepEqual(problemsOf(facts({ today: '2026-01-10', report: draft })), []);
  assert.match(draftSelfAssessment(facts({ today: '2026-01-10', report: draft })), /已起草《青山县自然资源局2025年度政府信息公开工作年度报告》，尚未发布，应于2026年1月31日前公布。/);
  assert.match(problemsOf(facts({ report: { ...draft, onTime: false } }))[0]!.problem, /未按时发布2025年度政府信息公开工作年度报告/);
});

test('indicators given from outside become (四), with their score when there is one', () => {
  const text = draftSelfAssessment(facts({ indicators: [{ title: '年度报告按时发布', detail: '2026年1月20日发布', score: 5 }, { title: '政策解读', detail: '人工评分待定。', score: null }] }));
  assert.match(text, /（四）考核指标方面\n1\.年度报告按时发布：2026年1月20日发布（得分 5 分）。\n2\.政策解读：人工评分待定。\n二、/);
  assert.doesNotMatch(draftSelfAssessment(facts()), /考核指标/);
});

test('dates and shares in Chinese', () => {
  assert.equal(chineseDate('2026-01-05'), '2026年1月5日');
  assert.equal(percent(0.8523), '85.2%');
  assert.equal(percent(1), '100%');
});

test('a title or finding quoted inside a sentence: inner quotation marks become ‘…’, closing punctuation goes', () => {
  const f = facts({ rectifications: [{ finding: '“规划信息”栏目超过 6 个月未更新，请补充发布。', sentOn: '2026-11-01', deadline: '2026-12-20', state: 'open' }] });
  assert.equal(problemsOf(f)[0]!.problem, '整改事项“‘规划信息’栏目超过 6 个月未更新，请补充发布”尚未整改完成（整改时限2026年12月20日）。');
  assert.match(draftSelfAssessment(f), /\n1\.“规划信息”栏目超过 6 个月未更新，请补充发布（2026年11月1日下发/);
});
