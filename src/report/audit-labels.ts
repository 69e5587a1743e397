// The audit log's action codes of annual reports, in Chinese (see orgs/audit-labels.ts).
export const REPORT_AUDIT_LABELS: Record<string, string> = {
  'report.create': '新建年度报告',
  'report.edit': '保存年度报告新版本',
  'report.import': '导入年度报告',
  'report.publish': '发布年度报告',
  'report.generate': '由记录生成年度报告',
  'report.override': '手工修改年度报告单元格',
  'report.rollup-inclusion': '设置是否计入地区汇总',
};
