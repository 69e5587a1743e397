// 信息处理费 — 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）, domain-reference §C.
// 条例第四十二条：行政机关依申请提供政府信息，不收取费用；数量、频次明显超过合理范围的，可以收取信息处理费.
// 第三条：按件计收或按量计收，均按超额累进方式计算；对每件申请只能选择其中一种，不得重复计算.

export type FeeBasis = 'by_count' | 'by_pages';

export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { by_count: '按件计收', by_pages: '按量计收' };

/**
 * 第四条 按件计收 — the fee of the n-th application (1-based) of one applicant in one calendar month:
 * （一）10件以下（含10件）不收费；（二）11—30件（含30件）的部分100元/件；
 * （三）31件以上的部分以10件为一档，每增加一档，收费标准提高100元/件.
 * So 31–40 → 200 元, 41–50 → 300 元, 10k+1…10k+10 (k ≥ 3) → 100·(k−1) 元.
 */
export function feeForNthApplication(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`第几件申请应为正整数：${n}`);
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  const band = Math.floor((n - 1) / 10); // 3 for 31–40, 4 for 41–50, …
  return 100 * (band - 1);
}

/** 第四条: the fees of applications number `from` to `to` (inclusive) of one applicant in one month. */
export function feeForApplications(from: number, to: number): number {
  let sum = 0;
  for (let n = from; n <= to; n++) sum += feeForNthApplication(n);
  return sum;
}

const PAGE_TIERS: readonly { upTo: number; yuanPerPage: number }[] = [
  { upTo: 30, yuanPerPage: 0 }, // （一）30页以下（含30页）的，不收费
  { upTo: 100, yuanPerPage: 10 }, // （二）31—100页（含100页）的部分：10元/页
  { upTo: 200, yuanPerPage: 20 }, // （三）101—200页（含200页）的部分：20元/页
  { upTo: Infinity, yuanPerPage: 40 }, // （四）201页以上的部分：40元/页
];

/** 第五条 按量计收 (paper copies, e-mail, copied electronic data): 150 pages → 1,700 元. */
export function feeForPages(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`页数应为非负整数：${pages}`);
  let fee = 0;
  let lower = 0;
  for (const tier of PAGE_TIERS) {
    if (pages > lower) fee += (Math.min(pages, tier.upTo) - lower) * tier.yuanPerPage;
    lower = tier.upTo;
  }
  return fee;
}

export interface FeeQuote {
  basis: FeeBasis;
  /** by_count: the application's place in the applicant's month; by_pages: the number of pages. */
  quantity: number;
  amountYuan: number;
  /** How the amount was reached, for the fee notice. */
  explanation: string;
}

/** The fee of one application on the chosen basis (never both, 第三条). */
export function quoteFee(basis: FeeBasis, quantity: number): FeeQuote {
  if (basis === 'by_count') {
    const amountYuan = feeForNthApplication(quantity);
    return { basis, quantity, amountYuan, explanation: `按件计收：本件为该申请人本自然月内第 ${quantity} 件申请，收费 ${amountYuan} 元（国办函〔2020〕109号第四条）` };
  }
  const amountYuan = feeForPages(quantity);
  return { basis, quantity, amountYuan, explanation: `按量计收：共 ${quantity} 页，收费 ${amountYuan} 元（国办函〔2020〕109号第五条，超额累进）` };
}
