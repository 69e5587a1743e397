// What an import of a 双公示 export would do, row by row: add the decision, or report it as a
// duplicate (the same 决定文书号 of the same category already stored, or earlier in the file — the
// bracket variants of docNumberKey are one number), or as an error with its row. Pure: the stored
// keys are given. A decision is never counted twice (docs/article20-table2.md).
import { isValidDate } from '../../core/date.ts';
import { CATEGORY_LABELS, type DecisionCategory, type ParsedDecisionError, type ParsedDecisions } from '../model.ts';
import { cleanDocNumber, docNumberKey } from './doc-number.ts';

export interface PlannedDecision {
  sheet: string;
  row: number;
  category: DecisionCategory;
  docNumber: string;
  docKey: string;
  decidedOn: string;
  subject: string;
}
export interface PlannedDuplicate extends PlannedDecision {
  /** 'stored': already in the ledger; 'file': earlier in this file (that row named). */
  reason: 'stored' | 'file';
  firstRow?: { sheet: string; row: number };
}
export interface ImportPlan {
  add: PlannedDecision[];
  duplicates: PlannedDuplicate[];
  errors: ParsedDecisionError[];
}

/** The key under which a decision is unique in an organization. */
export const storedKey = (category: DecisionCategory, docKey: string) => `${category}|${docKey}`;

export function planImport(parsed: ParsedDecisions, opts: { category: DecisionCategory | null; stored: ReadonlySet<string>; today: string }): ImportPlan {
  const plan: ImportPlan = { add: [], duplicates: [], errors: [...parsed.errors] };
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const r of parsed.rows) {
    const fail = (message: string) => plan.errors.push({ sheet: r.sheet, row: r.row, message });
    const category = r.category ?? opts.category;
    if (!category) {
      fail('未能确定类别：文件中没有“类别”列时，请在导入页面选择类别（行政许可、行政处罚或行政强制）');
      continue;
    }
    if (r.category && opts.category && r.category !== opts.category) {
      fail(`类别为“${CATEGORY_LABELS[r.category]}”，与所选类别“${CATEGORY_LABELS[opts.category]}”不符`);
      continue;
    }
    const docNumber = cleanDocNumber(r.docNumber);
    if (!docNumber) {
      fail('缺少决定文书号');
      continue;
    }
    if (docNumber.length > 200) {
      fail('决定文书号超过 200 字');
      continue;
    }
    if (!isValidDate(r.decidedOn)) {
      fail(r.decidedOn ? `决定日期“${r.decidedOn}”无法识别，请写作 2025-06-03` : '缺少决定日期');
      continue;
    }
    if (r.decidedOn > opts.today) {
      fail(`决定日期 ${r.decidedOn} 晚于今天`);
      continue;
    }
    const docKey = docNumberKey(docNumber);
    const planned: PlannedDecision = { sheet: r.sheet, row: r.row, category, docNumber, docKey, decidedOn: r.decidedOn, subject: r.subject.slice(0, 500) };
    const key = storedKey(category, docKey);
    if (opts.stored.has(key)) {
      plan.duplicates.push({ ...planned, reason: 'stored' });
      continue;
    }
    const first = seen.get(key);
    if (first) {
      plan.duplicates.push({ ...planned, reason: 'file', firstRow: first });
      continue;
    }
    seen.set(key, { sheet: r.sheet, row: r.row });
    plan.add.push(planned);
  }
  plan.errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  return plan;
}

/** An error as shown: "工作表「Sheet1」第 5 行：缺少决定日期". */
export const formatImportError = (e: ParsedDecisionError) => `工作表「${e.sheet}」第 ${e.row} 行：${e.message}`;
