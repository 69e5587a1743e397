// What became of one file of an import: the row of the result table (console), of the API's answer
// and of `gongkai import`'s summary.
import type { Finding } from '../../report/rules/rule.ts';

export type ImportStatus = 'imported' | 'unchanged' | 'not-a-report' | 'failed';

export interface ImportItem {
  path: string;
  status: ImportStatus;
  /** Chinese: what happened (organization and year, or the reason it failed). */
  message: string;
  orgCode?: string;
  orgName?: string;
  /** An organization was created for the agency named in the report. */
  orgCreated?: boolean;
  year?: number;
  reportId?: number;
  /** The imported version is what the portal shows. */
  published?: boolean;
  errors?: number;
  warnings?: number;
  /** The parser's and the validator's findings stored with the version. */
  findings?: Finding[];
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  imported: '已导入',
  unchanged: '已存在（未改动）',
  'not-a-report': '不是年度报告',
  failed: '失败',
};
