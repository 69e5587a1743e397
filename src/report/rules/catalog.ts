// Every validator rule, in the order findings are reported. docs/validator-rules.md
// is generated from this list (scripts/gen-validator-doc.ts).
import type { Rule } from './rule.ts';
import { layoutFormatMismatch } from './layout-format-mismatch.ts';
import { cellsUnreadable } from './cells-unreadable.ts';
import { cellsNonNegative } from './cells-non-negative.ts';
import { cellsInteger } from './cells-integer.ts';
import { table3RowTotal } from './table3-row-total.ts';
import { table3OutcomeSum } from './table3-outcome-sum.ts';
import { table3Balance } from './table3-balance.ts';
import { table4GroupTotal } from './table4-group-total.ts';
import { crossYearPrevious } from './cross-year-previous.ts';
import { crossYearCarriedOver } from './cross-year-carried-over.ts';
import { crossYearInForce } from './cross-year-in-force.ts';
import { crossYearItemCount } from './cross-year-item-count.ts';
import { narrativeApplicationsCount } from './narrative-applications-count.ts';
import { narrativeAppealsCount } from './narrative-appeals-count.ts';
import { narrativeFeeReported } from './narrative-fee-reported.ts';
import { narrativeTableFigures } from './narrative-table-figures.ts';

export const RULES: readonly Rule[] = [
  layoutFormatMismatch,
  cellsUnreadable,
  cellsNonNegative,
  cellsInteger,
  table3Balance,
  table3RowTotal,
  table3OutcomeSum,
  table4GroupTotal,
  crossYearPrevious,
  crossYearCarriedOver,
  crossYearInForce,
  crossYearItemCount,
  narrativeApplicationsCount,
  narrativeAppealsCount,
  narrativeFeeReported,
  narrativeTableFigures,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
