// Types and input schemas of the self-assessment (自评报告), issue 17 §3.
import { z } from 'zod';
import '../../../core/validation.ts';
import type { SelfAssessmentState } from './rules.ts';

export const MAX_TEXT = 30_000;

export const yearInputSchema = z.object({ year: z.coerce.number({ message: '年度有误' }).int().min(2008, '年度有误').max(2100, '年度有误') });
export const textInputSchema = z.object({ text: z.string().max(MAX_TEXT, `自评报告最多 ${MAX_TEXT} 字`).transform((s) => s.replace(/\r\n?/g, '\n').trim()) });
export const reasonInputSchema = z.object({ reason: z.string().trim().min(1, '请填写退回理由').max(1000, '理由最多 1000 字') });

export interface SelfAssessment {
  id: number;
  orgId: number;
  orgName: string;
  orgCode: string | null;
  officeOrgId: number;
  officeName: string;
  year: number;
  text: string;
  state: SelfAssessmentState;
  returnReason: string;
  createdAt: Date;
  draftedAt: Date;
  editedAt: Date;
  editedBy: string;
  submittedAt: Date | null;
  submittedBy: string;
  decidedAt: Date | null;
  decidedBy: string;
}

/** A row of the office's list: an agency below it, with its self-assessment of the year if any. */
export interface AgencySelfAssessment {
  orgId: number;
  orgName: string;
  orgCode: string | null;
  selfAssessment: SelfAssessment | null;
}
