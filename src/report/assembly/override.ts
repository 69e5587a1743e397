// A cell of a generated report changed by hand: kept, visible and explained (issue 16 §3). The number
// the records gave stays beside it, so that the console and `report compute --explain` show both; the
// published tables show only the number (the portal reader sees the report, not its working).
import { z } from 'zod';

export interface CellOverride {
  /** table2.licensing.decisions, table3.granted[6], table4.review[0] */
  cell: string;
  value: number;
  /** What the records gave when the override was made. */
  computed: number | null;
  reason: string;
  byName: string;
  /** ISO timestamp. */
  at: string;
}

export const overrideInputSchema = z.object({
  cell: z.string().trim().min(1, { error: '请指明要修改的单元格' }).max(100),
  // no sign check here: 本年增/减 of the 2019 layout is signed; the validator reports a negative count
  value: z.coerce.number({ error: '请填写数字' }).finite({ error: '请填写数字' }),
  reason: z.string().trim().min(4, { error: '请说明修改原因（至少 4 个字）' }).max(500, { error: '修改原因不能超过 500 字' }),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;

/** The overrides after one more: a later override of the same cell replaces the earlier one. */
export function withOverride(overrides: readonly CellOverride[], next: CellOverride): CellOverride[] {
  return [...overrides.filter((o) => o.cell !== next.cell), next];
}
