// Types and input schemas of the scoring scheme (考核指标) and the agencies' scores, issue 17 §3.
import { z } from 'zod';
import '../../../core/validation.ts';

const points = (what: string) => z.coerce.number({ message: `${what}应为数字` }).min(0, `${what}不能为负数`).max(1000, `${what}不能超过 1000`);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const indicatorInputSchema = z.object({
  year: z.coerce.number().int().min(2008, '年度有误').max(2100, '年度有误'),
  title: z.string().trim().min(1, '请填写指标名称').max(200, '指标名称最多 200 字'),
  description: z.string().trim().max(1000, '评分说明最多 1000 字').default(''),
  points: points('分值'),
  /** Empty = all points lost at the first fault. */
  deduction: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), points('每处扣分').positive('每处扣分应大于 0').nullable()),
  veto: checkbox.default(false),
  /** Empty = scored by a person. */
  source: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().max(100).nullable()),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

export const manualScoreSchema = z.object({
  score: z.preprocess((v) => (v === '' || v === undefined ? Number.NaN : v), z.coerce.number({ message: '请填写得分' })),
  veto: checkbox.default(false),
  reason: z.string({ message: '请填写评分理由' }).trim().min(1, '请填写评分理由').max(1000, '评分理由最多 1000 字'),
});
export type ManualScoreInput = z.infer<typeof manualScoreSchema>;

export interface Indicator {
  id: number;
  orgId: number;
  year: number;
  title: string;
  description: string;
  points: number;
  deduction: number | null;
  veto: boolean;
  /** The key of the AgencyFactSource that computes it; null when a person scores it. */
  source: string | null;
}

export interface Score {
  indicatorId: number;
  orgId: number;
  score: number | null;
  veto: boolean;
  faults: number | null;
  /** The data behind a computed score, or the person's reason. */
  detail: string;
  href: string | null;
  computed: boolean;
  scoredByName: string;
  scoredAt: Date;
}
