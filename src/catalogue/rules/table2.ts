// 年度报告表二 第二十条第（一）项 (2021 format, 国办公开办函〔2021〕30号): for 规章 and 行政规范性文件,
// 本年制发件数, 本年废止件数, 现行有效件数 — computed from the catalogue, never typed in.
//
// Counting conventions (documented because the form does not define them):
// - 制发 in year Y: the document's 成文日期 is in Y (the 发布日期 when no 成文日期 was recorded);
// - 废止 in year Y: the document stopped being in force in Y, as 废止 or 失效 — so that
//   现行有效 = last year's 现行有效 + 制发 − 废止 holds (rule cross-year.in-force);
// - 现行有效 at the end of Y: issued on or before 31 December Y and not ended by then
//   (已修订 documents stay in force as amended).
// Only published, not withdrawn documents count.
import type { DocumentCounts2021 } from '../../report/model/report.ts';
import type { DocKind, Validity } from '../model.ts';
import { endedOn } from './validity.ts';

export interface PolicyDocumentFacts {
  docKind: DocKind | null;
  writtenDate: string | null;
  publishedDate: string | null;
  validity: Validity;
  validityDate: string | null;
}

export interface Table2Section1 {
  regulations: DocumentCounts2021;
  normativeDocuments: DocumentCounts2021;
}

const yearOf = (d: string | null) => (d ? Number(d.slice(0, 4)) : null);

function counts(docs: readonly PolicyDocumentFacts[], year: number): DocumentCounts2021 {
  const yearEnd = `${year}-12-31`;
  let issued = 0;
  let abolished = 0;
  let inForce = 0;
  for (const d of docs) {
    const issuedOn = d.writtenDate ?? d.publishedDate;
    if (!issuedOn) continue;
    const ended = endedOn(d);
    if (yearOf(issuedOn) === year) issued++;
    if (ended && yearOf(ended) === year) abolished++;
    if (issuedOn <= yearEnd && (!ended || ended > yearEnd)) inForce++;
  }
  return { issued, abolished, inForce };
}

/** 第二十条第（一）项 of one organization's documents for `year`. */
export function table2Section1(docs: readonly PolicyDocumentFacts[], year: number): Table2Section1 {
  return {
    regulations: counts(docs.filter((d) => d.docKind === 'regulation'), year),
    normativeDocuments: counts(docs.filter((d) => d.docKind === 'normative'), year),
  };
}
