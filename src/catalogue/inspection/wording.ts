// 严重表述错误 (国办秘函〔2019〕19号 单项否决 “出现严重表述错误”; the 2015 table's “严重错别字（例如，将党
// 和国家领导人姓名写错）”, domain-reference §D.4/§D.5): a list of wrong wordings — misspelt names of state
// organs, names of organs since renamed, 错别字 pairs — looked for in an item's title, summary, body and
// attachment text. A finding gives the sentence around the hit and the suggested wording; nothing is
// ever corrected automatically. Traditional characters (繁體, imported content) are compared as simplified.
import { readFileSync } from 'node:fs';
import { toSimplified } from '../../core/text/normalize.ts';

export type WordingKind = 'organ' | 'outdated' | 'typo';

export const WORDING_KIND_LABELS: Record<WordingKind, string> = {
  organ: '机关名称错误',
  outdated: '机关名称已变更',
  typo: '错别字',
};

export interface WordingRule {
  wrong: string;
  right: string;
  kind: WordingKind;
  /** Correct words that contain the wrong wording (既使用 contains 既使): a hit inside one is not reported. */
  except?: readonly string[];
  /** For renamed organs: only text of items dated on or after this day is checked (the old name was right before). */
  since?: string | null;
}

export interface WordingFinding {
  wrong: string;
  right: string;
  kind: WordingKind;
  /** The sentence around the hit, as written (at most about 40 characters each side). */
  sentence: string;
}

/** The shipped default list (default-wording.json), written into the database on first use. */
export function defaultWordingRules(): WordingRule[] {
  const data = JSON.parse(readFileSync(new URL('./default-wording.json', import.meta.url), 'utf8')) as { entries: WordingRule[] };
  return data.entries;
}

const SENTENCE_END = /[。！？；!?;\n]/;
const CONTEXT = 40;

/** The sentence of `text` that holds [start, end): from the previous to the next sentence end, cut to 40 characters each side. */
export function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1]!) && start - a < CONTEXT) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b]!) && b - end < CONTEXT) b++;
  if (b < text.length && SENTENCE_END.test(text[b]!) && text[b] !== '\n') b++;
  const head = a > 0 && !SENTENCE_END.test(text[a - 1]!) ? '…' : '';
  const tail = b < text.length && !SENTENCE_END.test(text[b - 1]!) ? '…' : '';
  return `${head}${text.slice(a, b).replace(/\s+/g, ' ').trim()}${tail}`;
}

/**
 * The wrong wordings in a text. `date` (the item's publication or written date) decides whether the
 * renamed-organ entries apply. Each wrong wording is reported once per distinct sentence.
 */
export function findWording(text: string, rules: readonly WordingRule[], opts: { date?: string | null } = {}): WordingFinding[] {
  if (!text) return [];
  const simplified = toSimplified(text);
  // Where the conversion kept the length (character for character), sentences are shown as written.
  const shown = simplified.length === text.length ? text : simplified;
  const out: WordingFinding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule.since && opts.date && opts.date < rule.since) continue;
    const wrong = toSimplified(rule.wrong);
    if (!wrong) continue;
    const excepts = (rule.except ?? []).map((e) => toSimplified(e)).filter((e) => e.includes(wrong));
    for (let at = simplified.indexOf(wrong); at >= 0; at = simplified.indexOf(wrong, at + 1)) {
      const inside = excepts.some((e) => {
        const k = e.indexOf(wrong);
        return at - k >= 0 && simplified.startsWith(e, at - k);
      });
      if (inside) continue;
      const sentence = sentenceAround(shown, at, at + wrong.length);
      const key = `${rule.wrong}\u0000${sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ wrong: rule.wrong, right: rule.right, kind: rule.kind, sentence });
    }
  }
  return out;
}
