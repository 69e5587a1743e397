// The text of a narrative section, found by its numeral ('六') or its heading
// ('六、其他需要报告的事项').
import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from '../model/layout.ts';
import type { Narrative } from './rule.ts';

/** The section's text, '' when the narrative lacks it. */
export function sectionText(narrative: Narrative, key: SectionKey): string {
  if (typeof narrative[key] === 'string') return narrative[key];
  const found = Object.entries(narrative).find(([k]) => k.startsWith(`${key}、`));
  return found?.[1] ?? '';
}

export function sectionHeading(key: SectionKey): string {
  return SECTION_HEADINGS[SECTION_KEYS.indexOf(key)] ?? key;
}

/** The first number matched by `pattern` (group 1) in the given sections, with where it was found. */
export function firstFigure(
  narrative: Narrative,
  sections: readonly SectionKey[],
  pattern: RegExp,
): { value: number; quote: string; section: SectionKey } | null {
  for (const section of sections) {
    const m = pattern.exec(sectionText(narrative, section));
    if (m?.[1] !== undefined) return { value: Number(m[1]), quote: m[0], section };
  }
  return null;
}

/** Like firstFigure, with the clause it opens: the text up to the next ；or 。 (where its details are). */
export function firstFigureWithClause(
  narrative: Narrative,
  sections: readonly SectionKey[],
  pattern: RegExp,
): { value: number; quote: string; section: SectionKey; clause: string } | null {
  for (const section of sections) {
    const text = sectionText(narrative, section);
    const m = pattern.exec(text);
    if (m?.[1] === undefined) continue;
    const rest = text.slice(m.index);
    const end = rest.search(/[；;。]/);
    return { value: Number(m[1]), quote: m[0], section, clause: end < 0 ? rest : rest.slice(0, end) };
  }
  return null;
}
