// Is the document an annual report at all? Agencies publish many documents
// about their disclosure work: self-evaluations to the supervising office
// (seed 002: 县政府办: …自评报告如下), work plans, notices. A report is
// recognised by its title, its six part headings or its tables; a document
// that opens as a letter or calls itself 自评/自查/总结/方案/通知 and has none of
// those is not forced into a report.
import { normalizeForMatch } from '../../core/text/normalize.ts';
import type { DocumentText } from '../read/document-texts.ts';
import { describeSource } from '../read/document.ts';

export interface KindEvidence {
  texts: readonly DocumentText[];
  hasReportTitle: boolean;
  headings: number;
  tables: number;
}

const NOT_A_REPORT = /自评报告|自查报告|自评情况|自查情况|工作总结|整改报告|整改情况|工作要点|实施方案|工作方案|的通知|评估报告|考核报告|述职报告/;
// 县政府办: — a letter to an office, not a published report
const SALUTATION = /^[\u4e00-\u9fff]{2,16}[:：]$/;

export type Kind = { report: true } | { report: false; reason: string };

export function classify(e: KindEvidence): Kind {
  const opening = e.texts.slice(0, 3);
  const signals: string[] = [];
  const salutation = opening.find((t) => SALUTATION.test(normalizeForMatch(t.text).replace(/\s+/g, '')));
  if (salutation) signals.push(`开头是公文称呼“${salutation.text.trim()}”（${describeSource(salutation.where)}）`);
  for (const t of opening) {
    const n = normalizeForMatch(t.text);
    const m = n.length <= 100 ? NOT_A_REPORT.exec(n) : null;
    if (m) {
      signals.push(`${describeSource(t.where)}自称“${m[0]}”`);
      break;
    }
  }
  if (e.tables > 0) return { report: true };
  if (e.hasReportTitle && signals.length === 0) return { report: true };
  if (signals.length === 0 && e.headings >= 4) return { report: true };
  const missing = [
    e.hasReportTitle ? null : '没有“政府信息公开工作年度报告”的标题',
    `${e.headings === 0 ? '没有' : `只有 ${e.headings} 个`}年度报告六个部分的标题`,
    '没有表二、表三、表四',
  ].filter(Boolean);
  return { report: false, reason: [...signals, ...missing].join('；') };
}
