// A row of a 依申请公开台账 once read (parse.ts), the per-row errors, and the import report.
import type { DateString } from '../../core/date.ts';
import type { ApplicantColumn, ApplicantKind, Delivery, FormWanted } from '../model.ts';
import type { FeeBasis } from '../rules/fees.ts';
import type { SubmissionChannel } from '../rules/receipt.ts';
import type { LedgerFieldKey } from './columns.ts';
import type { LedgerEnding } from './values.ts';

/** Where a row stands in the workbook: the sheet and the row number Excel shows. */
export interface RowRef {
  sheet: string;
  row: number;
}

export interface LedgerApplicant {
  kind: ApplicantKind;
  column: ApplicantColumn;
  name: string;
  idType: string;
  idNumber: string;
  creditCode: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
}

/** One application as the ledger records it. Dates are checked to be valid; their order is checked by plan.ts. */
export interface LedgerRow extends RowRef {
  /** The ledger's own number (申请编号), '' when none. */
  ledgerNo: string;
  applicant: LedgerApplicant;
  infoTitle: string;
  infoDocNumber: string;
  infoDescription: string;
  channel: SubmissionChannel;
  /** 申请日期 (the day it was handed in or sent); equals receivedOn when the ledger has no such date. */
  submittedOn: DateString;
  /** 收到申请之日 (条例第三十一条). */
  receivedOn: DateString;
  formWanted: FormWanted;
  delivery: Delivery;
  correction: { on: DateString; items: string; dueOn: DateString; correctedOn: DateString | null } | null;
  fee: { on: DateString; basis: FeeBasis; quantity: number; amountYuan: number; paymentDueOn: DateString; paidOn: DateString | null } | null;
  extension: { on: DateString; workingDays: number; reason: string } | null;
  /** How and when the case ended; null while it is open. */
  ending: (LedgerEnding & { on: DateString; text: string }) | null;
  reasons: string;
  deliveredBy: string;
  closedOn: DateString | null;
  note: string;
  /** The header each field was read from in this sheet (error messages name the file's own column). */
  headers: Partial<Record<LedgerFieldKey, string>>;
}

/** A problem in the file: a row and column when it has one. */
export interface LedgerError {
  sheet: string | null;
  /** The Excel row number; null for a problem of the whole file or sheet. */
  row: number | null;
  /** The column header as the file writes it. */
  column: string | null;
  message: string;
}

/** “工作表「2024」第5行「答复日期」：…” — the sheet is named only when the file has several. */
export function formatLedgerError(e: LedgerError, manySheets: boolean): string {
  const sheet = manySheets && e.sheet ? `工作表「${e.sheet}」` : '';
  const row = e.row !== null ? `第${e.row}行` : '';
  const column = e.column ? `「${e.column}」` : '';
  const where = `${sheet}${row}${column}`;
  return where ? `${where}：${e.message}` : e.message;
}

export interface ParsedLedger {
  rows: LedgerRow[];
  errors: LedgerError[];
  /** Things the clerk should know that do not stop the import (an unknown column ignored …). */
  warnings: string[];
  /** The sheets read, with the row of their header and the columns recognized. */
  sheets: { name: string; headerRow: number; columns: { header: string; field: LedgerFieldKey }[]; dataRows: number }[];
}

/** What happened (or, in a check, would happen) to each row. */
export type RowResult =
  | (RowRef & { status: 'created'; caseId: number | null; receiptNo: string | null; state: string })
  | (RowRef & { status: 'updated'; caseId: number; receiptNo: string; state: string; steps: string[] })
  | (RowRef & { status: 'unchanged'; caseId: number; receiptNo: string; state: string });

export interface LedgerImportReport {
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** True when every row could be imported; false = nothing was written (all-or-nothing). */
  ok: boolean;
  /** The id of the stored import (null in a check, when refused, or when the same file was imported before). */
  importId: number | null;
  /** The same file (same content) was imported before: nothing was done. */
  duplicateOf: { importId: number; at: string; actorName: string } | null;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: LedgerError[];
  /** The errors as sentences (第5行「答复日期」：…). */
  messages: string[];
  warnings: string[];
  rows: RowResult[];
}
