// The audit log's action code of the 12345 import, in Chinese (see app/audit-labels.ts).
export const HOTLINE_AUDIT_LABELS: Record<string, string> = {
  'letter.hotline_import': '导入 12345 工单',
};
