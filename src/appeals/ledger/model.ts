// The appeals register import (复议诉讼台账.xlsx): a row as read, a problem of the file, and the
// report of a preview or a confirmed import. Plain data: a parsed ledger crosses the worker boundary.
import type { AppealKind, AppealOutcome } from '../model.ts';

export interface LedgerRow {
  sheet: string;
  /** The Excel row number (1-based). */
  row: number;
  kind: AppealKind;
  receiptNo: string;
  party: string;
  body: string;
  caseNumber: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: AppealOutcome | null;
  /** The 结果 cell orders a new reply (责令重新答复); recorded in the note, the case is not reopened by an import. */
  newReplyOrdered: boolean;
  /** The 结果 cell as written. */
  outcomeText: string;
  note: string;
}

/** A problem of the file: where (sheet, row, column as written) and what, in Chinese. */
export interface LedgerError {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export interface ParsedLedger {
  rows: LedgerRow[];
  errors: LedgerError[];
  warnings: string[];
  /** The sheets read (with a header found). */
  sheets: string[];
}

export function formatLedgerError(e: LedgerError, manySheets: boolean): string {
  const where = `${manySheets && e.sheet ? `工作表「${e.sheet}」` : ''}${e.row !== null ? `第${e.row}行` : ''}${e.column ? `「${e.column}」` : ''}`;
  return where ? `${where}：${e.message}` : e.message;
}

/** One row of the register and what the import does with it. */
export interface RowPlan {
  sheet: string;
  row: number;
  kind: AppealKind;
  caseNumber: string;
  body: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: AppealOutcome | null;
  outcomeText: string;
  /** The 依申请公开 case the receipt number names in this organization, if any. */
  caseId: number | null;
  /** new: to be added; duplicate: the register already has this 案号 (or, without one, the same record). */
  status: 'new' | 'duplicate';
  /** The stored record a duplicate row is, or the record made from a new row once confirmed. */
  appealId: number | null;
}

export interface LedgerImportReport {
  fileName: string;
  sha256: string;
  /** No errors: the rows can be (or were) added. */
  ok: boolean;
  /** True once the rows were written (confirm). */
  confirmed: boolean;
  rowsRead: number;
  added: number;
  duplicates: number;
  rows: RowPlan[];
  errors: LedgerError[];
  /** The errors as sentences: 第3行「结果」：… */
  messages: string[];
  warnings: string[];
  /** The stored preview the console confirms (console only). */
  previewId: number | null;
}
