// Figures the text of sections 一 and 六 states: applications received,
// reconsiderations and lawsuits, items published, fees collected. Numbers in
// Chinese numerals before a counter (三件, 十二条) are read too, and plain
// negations (未收到……申请, 没有收取信息处理费) state 0. Whether the text agrees
// with the tables is the validator's narrative rules' business: they get the
// same normalized text (narrativeForRules).
import { SECTION_KEYS, type SectionKey } from '../../report/model/layout.ts';
import type { Narrative } from '../../report/rules/rule.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../../core/text/numerals.ts';

export type FactKey = 'applicationsReceived' | 'reviews' | 'lawsuits' | 'itemsPublished' | 'feesCollected';

export interface NarrativeFact {
  fact: FactKey;
  value: number;
  unit: string;
  /** The words that state it (normalized text). */
  quote: string;
  section: SectionKey;
}

export const FACT_LABELS: Record<FactKey, string> = {
  applicationsReceived: '收到政府信息公开申请',
  reviews: '行政复议',
  lawsuits: '行政诉讼',
  itemsPublished: '主动公开信息',
  feesCollected: '收取信息处理费',
};

const COUNTER = '(?:件|例|起|宗|条|个|份|项|次(?!性)|万元|元)';
const NUMERAL_BEFORE_COUNTER = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+(?=\\s*${COUNTER})`, 'g');

/** Chinese numerals before a counter written as digits: 收到申请三件 → 收到申请3件. */
export function withArabicNumerals(text: string): string {
  return text.replace(NUMERAL_BEFORE_COUNTER, (m) => {
    const n = parseChineseNumeral(m);
    return n === null ? m : String(n);
  });
}

/** The sections as the validator's narrative rules read them: normalized, numerals as digits. */
export function narrativeForRules(narrative: Narrative): Narrative {
  return Object.fromEntries(Object.entries(narrative).map(([k, v]) => [k, withArabicNumerals(v)]));
}

interface Pattern {
  fact: FactKey;
  re: RegExp;
  unit: string;
  /** the value when the pattern states none (a negation) */
  zero?: true;
}

const PATTERNS: Pattern[] = [
  { fact: 'applicationsReceived', re: /(?:未|没有)(?:收到|受理|接到|接收)(?:过|到)?[^。;,]{0,15}?申请/, unit: '件', zero: true },
  { fact: 'applicationsReceived', re: /(?:收到|受理|新收|接收|接到)[^。;,]{0,20}?申请[^。;,\d]{0,12}?(\d+)\s*(?:件|例|条|个|份|宗)/, unit: '件' },
  { fact: 'reviews', re: /(?:未|没有)(?:发生|出现|收到|产生|涉及)[^。;]{0,25}?复议/, unit: '件', zero: true },
  { fact: 'reviews', re: /复议\s*(\d+)\s*(?:件|起|宗|例|次)/, unit: '件' },
  { fact: 'lawsuits', re: /(?:未|没有)(?:发生|出现|收到|产生|涉及)[^。;]{0,25}?行政诉讼/, unit: '件', zero: true },
  { fact: 'lawsuits', re: /行政诉讼\s*(\d+)\s*(?:件|起|宗|例|次)/, unit: '件' },
  { fact: 'itemsPublished', re: /(?:公开|发布)[^。;\n]{0,60}?信息[^。;\d\n]{0,6}?(\d+)\s*条/, unit: '条' },
  { fact: 'feesCollected', re: /(?:未|没有|无|不)(?:收取|收缴)(?:任何|过)?(?:信息处理费|费用)/, unit: '元', zero: true },
  { fact: 'feesCollected', re: /(?:收取|收缴)(?:了)?(?:信息处理费|费用)(?:共|合计|共计)?\s*(\d+(?:\.\d+)?)\s*(万元|元)/, unit: '元' },
];

/** The first statement of each fact in sections 一 and 六 (earliest in the text wins). */
export function narrativeFacts(narrative: Narrative, sections: readonly SectionKey[] = ['一', '六']): NarrativeFact[] {
  const facts: NarrativeFact[] = [];
  for (const fact of Object.keys(FACT_LABELS) as FactKey[]) {
    for (const section of SECTION_KEYS.filter((k) => sections.includes(k))) {
      const text = withArabicNumerals(narrative[section] ?? '');
      const hits = PATTERNS.filter((p) => p.fact === fact)
        .map((p) => ({ p, m: p.re.exec(text) }))
        .filter((h): h is { p: Pattern; m: RegExpExecArray } => h.m !== null)
        .sort((a, b) => a.m.index - b.m.index);
      const first = hits[0];
      if (!first) continue;
      const value = first.p.zero ? 0 : Number(first.m[1]);
      const unit = first.m[2] ?? first.p.unit;
      facts.push({ fact, value, unit, quote: first.m[0], section });
      break;
    }
  }
  return facts;
}
