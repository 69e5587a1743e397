// The six parts of an annual report (domain-reference §B.2) found in the text,
// and the text of each: the headings may stand on their own line or run inside
// a paragraph (seed 000), and real reports vary the words a little
// (六、其他需要报告事项, 五、政府信息公开工作存在的主要问题及改进情况).
import { SECTION_KEYS, type SectionKey } from '../../report/model/layout.ts';
import type { Narrative } from '../../report/rules/rule.ts';
import type { IngestDocument, SourceRef } from '../read/document.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';

const HEADINGS: Record<SectionKey, RegExp> = {
  一: /一\s*[、.]\s*(?:总体情况|概述|基本情况|总体工作情况)/,
  二: /二\s*[、.]\s*主动公开政府信息(?:的)?情况/,
  三: /三\s*[、.]\s*收到和处理政府信息公开申请(?:的)?情况/,
  四: /四\s*[、.]\s*政府信息公开(?:行政)?复议[、,和及与]?\s*(?:行政)?诉讼(?:的)?情况/,
  五: /五\s*[、.]\s*(?:政府信息公开工作)?存在的?主要问题(?:及|和|与)改进(?:情况|措施)/,
  六: /六\s*[、.]\s*其他需要报告的?事项/,
};

/** Whether a line is the heading of one of the six parts (二、主动公开政府信息情况), on its own. */
export function isSectionHeading(line: string): boolean {
  const t = normalizeForMatch(line).trim();
  return Object.values(HEADINGS).some((re) => re.exec(t)?.index === 0);
}

export interface FoundSections {
  /** Normalized text of each section found (simplified characters, half-width digits). */
  narrative: Narrative;
  /** Where each heading was found. */
  headings: { key: SectionKey; where: SourceRef }[];
}

/** Finds the headings in order in the document's text (outside tables) and cuts the text at them. */
export function findSections(doc: IngestDocument): FoundSections {
  const parts: { text: string; where: SourceRef; start: number }[] = [];
  let all = '';
  for (const b of doc.blocks) {
    if (b.kind !== 'text') continue;
    const text = normalizeForMatch(b.text);
    // a PDF gives lines, not paragraphs: a line that does not end a sentence continues on the next
    if (doc.fileType === 'pdf' && all && !/[。;:!?；：！？]\n$/.test(all) && /^\S/.test(text)) all = all.slice(0, -1);
    parts.push({ text, where: b.where, start: all.length });
    all += text + '\n';
  }
  const found: { key: SectionKey; at: number; end: number }[] = [];
  let from = 0;
  for (const key of SECTION_KEYS) {
    const re = new RegExp(HEADINGS[key].source, 'g');
    re.lastIndex = from;
    const m = re.exec(all);
    if (!m) continue;
    found.push({ key, at: m.index, end: m.index + m[0].length });
    from = m.index + m[0].length;
  }
  const narrative: Narrative = {};
  found.forEach((s, i) => {
    const next = found[i + 1]?.at ?? all.length;
    narrative[s.key] = all.slice(s.end, next).replace(/^[\s:：]+/, '').trim();
  });
  const whereAt = (at: number) => [...parts].reverse().find((p) => p.start <= at)!.where;
  return { narrative, headings: found.map((s) => ({ key: s.key, where: whereAt(s.at) })) };
}
