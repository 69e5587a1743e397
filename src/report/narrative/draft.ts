// Sections 一 and 六 of the annual report drafted from the year's facts and the finished tables
// (issue 16 §4), in the sober style of the published reports ("全年共受理……其中：予以公开及部分公开……
// 件，占……%"). Every number in the text is read from the tables it sits beside, so text and tables
// cannot drift; the rules narrative.appeals-count and narrative.table-figures read the same sentences
// back (their tests use this draft), so a hand edit that changes a number is reported.
// 条例第五十条 lists what the report states; sections 二、三、四 are the tables with one-line headings.
import { TABLE3_TOTAL_COLUMN, TABLE4_TOTAL_COLUMN, table3Rows, type SectionKey } from '../model/layout.ts';
import { table3Line } from '../model/cells.ts';
import { isTable2_2021, type AnnualReport, type Cell, type Table3, type Table4, type Table4Line } from '../model/report.ts';
import type { NarrativeFacts } from './facts.ts';
import { decimalOf, fenToWanYuan, fenToYuan, parseYuanToFen } from '../../core/money.ts';

/** An exact decimal string in 元 as 分 (the amounts the ledgers and the cases keep). */
function fenOf(yuan: string): bigint {
  const r = parseYuanToFen(yuan);
  if ('error' in r) throw new Error(r.error);
  return r.fen;
}

/** 元 as 万元, exactly: "12345.6" → "1.23456". */
export const yuanToWanYuan = (yuan: string): string => fenToWanYuan(fenOf(yuan));

const n = (c: Cell | undefined): number => c ?? 0;

/** x of y as a percentage with one decimal, "0" when y is 0 (the reports print 占 N%). */
export function percentOf(x: number, y: number): string {
  if (y === 0) return '0';
  const tenths = Math.round((x * 1000) / y);
  return decimalOf(BigInt(tenths), 1);
}

/** The 总计 of the rows whose key starts with `prefix` (a group of table 3). */
function groupTotal(t: Table3, format: AnnualReport['format'], prefix: string): number {
  return table3Rows(format)
    .filter((r) => r.key === prefix || r.key.startsWith(`${prefix}.`))
    .reduce((sum, r) => sum + n(table3Line(t, r.key)?.[TABLE3_TOTAL_COLUMN]), 0);
}

/** The 依申请公开 paragraph: received by channel, carried over, outcomes with the share made public. */
export function applicationsParagraph(t: Table3, format: AnnualReport['format'], facts: Pick<NarrativeFacts, 'applicationsByChannel'>): string {
  const total = (key: string) => n(table3Line(t, key)?.[TABLE3_TOTAL_COLUMN]);
  const received = total('newReceived');
  const channels = facts.applicationsByChannel.filter((c) => c.count > 0).map((c) => `${c.channel}${c.count}件`);
  const open = total('granted') + total('partiallyGranted');
  const handled = total('total');
  const outcomes = [
    `予以公开及部分公开${open}件，占${percentOf(open, handled)}%`,
    `不予公开${groupTotal(t, format, 'withheld')}件`,
    `无法提供${groupTotal(t, format, 'unavailable')}件`,
    `不予处理${groupTotal(t, format, 'notProcessed')}件`,
    `其他处理${groupTotal(t, format, 'other')}件`,
  ];
  return (
    `（二）依申请公开。全年共收到政府信息公开申请${received}件${channels.length ? `（${channels.join('、')}）` : ''}，上年结转${total('carriedOver')}件。` +
    `本年度办结${handled}件，其中：${outcomes.join('；')}。结转下年度继续办理${total('carriedForward')}件。`
  );
}

/** "结果维持1件、结果纠正0件、其他结果0件、尚未审结1件" of a group (or of groups added together). */
function outcomes(lines: Table4Line[]): string {
  const col = (i: number) => lines.reduce((s, l) => s + n(l[i]), 0);
  return `结果维持${col(0)}件、结果纠正${col(1)}件、其他结果${col(2)}件、尚未审结${col(3)}件`;
}

/** The 复议诉讼 paragraph: how many, and their outcomes, as table 4 counts them. */
export function appealsParagraph(t: Table4): string {
  const review = n(t.review[TABLE4_TOTAL_COLUMN]);
  const direct = n(t.litigationDirect[TABLE4_TOTAL_COLUMN]);
  const after = n(t.litigationAfterReview[TABLE4_TOTAL_COLUMN]);
  const reviewText = review ? `行政复议${review}件，其中${outcomes([t.review])}` : '行政复议0件';
  const litigationText =
    direct + after
      ? `行政诉讼${direct + after}件（未经复议直接起诉${direct}件、复议后起诉${after}件），其中${outcomes([t.litigationDirect, t.litigationAfterReview])}`
      : '行政诉讼0件';
  return `（三）复议和诉讼。本年度因政府信息公开发生${reviewText}；${litigationText}。`;
}

/** The 主动公开 paragraph: items by column, 解读, normative documents, Article 20 decisions and fees. */
export function proactiveParagraph(report: AnnualReport, facts: Pick<NarrativeFacts, 'publishedByColumn' | 'interpretations'>): string {
  const items = facts.publishedByColumn.reduce((s, c) => s + c.count, 0);
  const columns = facts.publishedByColumn.filter((c) => c.count > 0).map((c) => `“${c.column}”${c.count}条`);
  const parts = [
    `（一）主动公开。全年主动公开政府信息${items}条${columns.length ? `，其中${columns.join('、')}` : ''}；发布政策解读${facts.interpretations}篇。`,
  ];
  const t2 = report.table2;
  if (t2 && isTable2_2021(t2)) {
    parts.push(
      `本年制发行政规范性文件${n(t2.normativeDocuments.issued)}件、废止${n(t2.normativeDocuments.abolished)}件，现行有效${n(t2.normativeDocuments.inForce)}件。`,
      `作出行政许可决定${n(t2.licensing.decisions)}件、行政处罚决定${n(t2.penalty.decisions)}件、行政强制决定${n(t2.coercion.decisions)}件，收取行政事业性收费${n(t2.fees.amountWanYuan)}万元。`,
    );
  } else if (t2) {
    parts.push(`作出行政许可决定${n(t2.licensing.decisions)}件、行政处罚决定${n(t2.penalty.decisions)}件、行政强制决定${n(t2.coercion.decisions)}件。`);
  }
  return parts.join('');
}

/** Section 六: the 信息处理费 collected under 国办函〔2020〕109号, or that none were. */
export function feesSentence(facts: Pick<NarrativeFacts, 'processingFeesYuan'>): string {
  const fen = fenOf(facts.processingFeesYuan);
  return fen === 0n
    ? '本年度未收取政府信息公开信息处理费。'
    : `本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${fenToYuan(fen)}元。`;
}

/** 条例第五十条第四项: a government states the results of its 工作考核 of the agencies below it. */
export function assessmentParagraph(facts: Pick<NarrativeFacts, 'assessment'>): string | null {
  const a = facts.assessment;
  if (!a) return null;
  const failed = a.failed + a.vetoed;
  const parts = [`合格${a.passed}个`, `不合格${failed}个${a.vetoed ? `（其中单项否决${a.vetoed}个）` : ''}`];
  if (a.incomplete) parts.push(`尚未完成评分${a.incomplete}个`);
  return (
    `（四）监督保障。本年度对所属${a.agencies}个部门开展政府信息公开工作考核，${parts.join('、')}；` +
    `下发整改事项${a.rectifications}项，已确认整改完成${a.rectified}项。`
  );
}

/**
 * The drafted text of the report of `agency` for its year: 一 (overview from the facts), the one-line
 * headings of 二、三、四, and 六 (fees). 五 (problems and improvements) is the agency's own judgement
 * and is never drafted: the caller keeps the text it has.
 */
export function draftNarrative(report: AnnualReport, facts: NarrativeFacts): Partial<Record<SectionKey, string>> {
  const agency = report.agency ?? '本机关';
  const paragraphs = [
    `${report.year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。现将本年度工作情况报告如下。`,
    proactiveParagraph(report, facts),
  ];
  if (report.table3) paragraphs.push(applicationsParagraph(report.table3, report.format, facts));
  if (report.table4) paragraphs.push(appealsParagraph(report.table4));
  const assessment = assessmentParagraph(facts);
  if (assessment) paragraphs.push(assessment);
  return {
    一: paragraphs.join('\n'),
    二: '主动公开政府信息情况见下表。',
    三: '收到和处理政府信息公开申请情况见下表。',
    四: '政府信息公开行政复议、行政诉讼情况见下表。',
    六: feesSentence(facts),
  };
}
