// The audit log's action codes of the appeals register, in Chinese (see orgs/audit-labels.ts).
export const APPEALS_AUDIT_LABELS: Record<string, string> = {
  'appeal.create': '登记行政复议或行政诉讼',
  'appeal.update': '修改复议诉讼记录',
  'appeal.outcome': '登记复议诉讼结果',
  'appeal.import': '导入复议诉讼台账',
};
