// 政策解读 and the policy document it interprets (《关于全面推进政务公开工作的意见》实施细则,
// 国办发〔2016〕80号: 解读 is organized, signed and published with its document — “三同步” — and
// linked to it, so that a reader of either finds the other). A link joins one policy document and
// one 解读 of the same organization; which item is which follows from its column and 文件类型.
import type { ColumnKind, DocKind } from '../model.ts';

/** The side an item can take in a link; null for items that are neither (news, notices…). */
export type LinkSide = 'policy' | 'interpretation';

export interface LinkableItem {
  /** The kind of the column of the item's latest version. */
  columnKind: ColumnKind;
  docKind: DocKind | null;
}

/**
 * A 解读 is an item of a 政策解读 column. A policy document is an item of a 政策文件 column, or one
 * with a 文件类型 (规章、行政规范性文件、其他政策文件) wherever it is filed.
 */
export function linkSide(item: LinkableItem): LinkSide | null {
  if (item.columnKind === 'interpretation') return 'interpretation';
  if (item.columnKind === 'policy' || item.docKind !== null) return 'policy';
  return null;
}

/** What an item on the given side may be linked to. */
export const otherSide = (side: LinkSide): LinkSide => (side === 'policy' ? 'interpretation' : 'policy');

/** Why two items cannot be linked as policy document and 解读, or null when they can. */
export function interpretationLinkProblem(policy: LinkableItem, interpretation: LinkableItem): string | null {
  if (linkSide(policy) !== 'policy') return '被解读的信息应为政策文件（政策文件栏目中的信息，或规章、行政规范性文件等政策文件）';
  if (linkSide(interpretation) !== 'interpretation') return '关联的解读应为“政策解读”栏目中的信息';
  return null;
}

export type InterpretationStep = 'inStep' | 'late' | 'missing';

/**
 * Whether a policy document's 解读 was published with it (三同步, 国办发〔2016〕80号): a live linked
 * 解读 published on or before the document's 发布日期 is in step; one published only later is late;
 * none is missing.
 */
export function interpretationStep(policyPublished: string, interpretationDates: readonly string[]): InterpretationStep {
  if (interpretationDates.length === 0) return 'missing';
  return interpretationDates.some((d) => d <= policyPublished) ? 'inStep' : 'late';
}
