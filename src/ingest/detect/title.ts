// The report's title, the year it covers and the agency that published it.
// The year comes from the title (2023年度…年度报告), never from the publication
// date; failing that from the statistics period in the text. The agency is the
// title's, made complete by the signature or the page's 发文机关/发布机构 when
// those end with it (title 新荣区自然资源局, signature 大同市新荣区自然资源局).
import type { SourceRef } from '../read/document.ts';
import type { DocumentText } from '../read/document-texts.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';
import { parseChineseNumeral } from '../../core/text/numerals.ts';

export interface Located<T> {
  value: T;
  /** Chinese: where it was found (标题, 落款, 发文机关, 统计期限…) */
  source: string;
  where: SourceRef | null;
}

export interface TitleFacts {
  title: Located<string> | null;
  year: Located<number> | null;
  agency: Located<string> | null;
}

const REPORT_TITLE = /(?:政府信息公开|政务公开|信息公开)[^。,;]{0,14}?(?:年度报告|年报)|(?:年度报告|年报)$/;
const YEAR = /((?:19|20)\d{2})\s*年|([二〇零一三四五六七八九]{4})\s*年/;
const AGENCY_SUFFIX = /(?:局|委员会|委|办公室|办|厅|院|人民政府|政府|中心|站|所|处|部|会|署|馆|队|街道|镇|乡|公司|大学|学院)$/;
const METADATA = /^(?:发文机关|发布机构|发布单位|发布机关|公开主体|信息来源|来源)\s*[:：]\s*(\S.{1,40})$/;

function yearIn(text: string): number | null {
  const m = YEAR.exec(text);
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : parseChineseNumeral(m[2]!);
  return y !== null && y >= 2008 && y <= 2100 ? y : null;
}

function cleanAgency(s: string): string | null {
  const t = s
    .replace(/^[\s《〈“"'(（]+|[\s》〉”"')）:：,，。]+$/g, '')
    .replace(/^关于/, '')
    .replace(/的$/, '')
    .trim();
  return t.length >= 2 && t.length <= 40 && /[\u4e00-\u9fff]{2,}/.test(t) && !/[。;；]/.test(t) ? t : null;
}

/** The agency named in a report title: before the year (XX局2023年…) or between year and topic (2020年XX局政府信息公开…). */
export function agencyInTitle(title: string): string | null {
  const t = normalizeForMatch(title).replace(/\s+/g, '');
  const before = /^(.*?)(?:(?:19|20)\d{2}|[二〇零一三四五六七八九]{4})年/.exec(t);
  if (before?.[1]) return cleanAgency(before[1]);
  const after = /^(?:(?:19|20)\d{2}|[二〇零一三四五六七八九]{4})年度?(.*?)(?:政府信息公开|政务公开|信息公开)/.exec(t);
  if (after?.[1]) return cleanAgency(after[1]);
  const noYear = /^(.*?)(?:政府信息公开|政务公开|信息公开)/.exec(t);
  return noYear?.[1] ? cleanAgency(noYear[1]) : null;
}

/** A text that looks like a report title: short, and names an annual report of information disclosure. */
export function isReportTitle(text: string): boolean {
  const t = normalizeForMatch(text).replace(/\s+/g, '');
  return t.length >= 8 && t.length <= 80 && REPORT_TITLE.test(t) && !/[《》]/.test(t);
}

const PERIOD = /统计(?:期限|时限|区间|时间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日|((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*(?:(?:19|20)\d{2}\s*年\s*)?12\s*月\s*31\s*日/;
const PUBLISHED = /(?:时间|日期|成文日期|发布日期|发布时间)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年./]/;

export function detectTitle(texts: readonly DocumentText[], declaredTitle?: string): TitleFacts {
  const head = texts.slice(0, 25);
  // the best title among the first texts: one with a year, naming 年度报告; not a breadcrumb (首页 > 年报)
  const score = (t: DocumentText) => {
    const n = normalizeForMatch(t.text);
    if (!isReportTitle(t.text) || /[>»›]|当前位置|您的位置/.test(n)) return 0;
    return 1 + (yearIn(n) !== null ? 2 : 0) + (n.includes('年度报告') ? 1 : 0);
  };
  // a long title may wrap onto a second line (…年度报 / 告), so pairs of short texts are candidates too
  const titleCandidates = head.flatMap((t, i) => {
    const next = head[i + 1];
    const wrapped = next && t.text.length + next.text.length <= 80 && !isReportTitle(t.text) && !isReportTitle(next.text);
    return wrapped ? [t, { text: `${t.text.trim()}${next.text.trim()}`, where: t.where }] : [t];
  });
  let titleText: DocumentText | undefined;
  for (const t of titleCandidates) if (score(t) > (titleText ? score(titleText) : 0)) titleText = t;
  let title: Located<string> | null = titleText ? { value: titleText.text.trim(), source: '标题', where: titleText.where } : null;
  if (!title && declaredTitle && isReportTitle(declaredTitle.split(/[_|-]/)[0] ?? '')) {
    title = { value: declaredTitle.split(/[_|-]/)[0]!.trim(), source: '网页标题（<title>）', where: null };
  }

  let year: Located<number> | null = null;
  const titleYear = title ? yearIn(normalizeForMatch(title.value)) : null;
  if (title && titleYear) year = { value: titleYear, source: '标题', where: title.where };
  if (!year) {
    for (const t of texts.slice(0, 60)) {
      const m = PERIOD.exec(normalizeForMatch(t.text));
      const y = m ? Number(m[1] ?? m[2]) : null;
      if (y) {
        year = { value: y, source: '正文所述统计期限', where: t.where };
        break;
      }
    }
  }
  if (!year) {
    for (const t of head) {
      const m = PUBLISHED.exec(normalizeForMatch(t.text));
      if (m) {
        year = { value: Number(m[1]) - 1, source: `发布日期（${m[1]}年）的上一年`, where: t.where };
        break;
      }
    }
  }

  const candidates: Located<string>[] = [];
  const fromTitle = title ? agencyInTitle(title.value) : null;
  if (fromTitle && title) candidates.push({ value: fromTitle, source: '标题', where: title.where });
  for (const t of texts.slice(0, 40)) {
    const m = METADATA.exec(normalizeForMatch(t.text));
    const a = m ? cleanAgency(m[1]!) : null;
    if (a) {
      candidates.push({ value: a, source: '发文机关', where: t.where });
      break;
    }
  }
  for (const t of texts.slice(-12).reverse()) {
    const n = normalizeForMatch(t.text)
      .replace(/\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s*$/, '')
      .trim();
    if (n.length >= 4 && n.length <= 30 && AGENCY_SUFFIX.test(n) && /^[\u4e00-\u9fff()（）]+$/.test(n)) {
      candidates.push({ value: n, source: '落款', where: t.where });
      break;
    }
  }
  let agency: Located<string> | null = candidates[0] ?? null;
  if (agency && fromTitle) {
    // a fuller name that ends with the title's wins (大同市新荣区自然资源局 over 新荣区自然资源局)
    for (const c of candidates) if (c.value.length > agency.value.length && c.value.endsWith(agency.value)) agency = c;
  }
  return { title, year, agency };
}
