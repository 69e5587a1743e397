// The audit log's action codes of the Article 20 ledgers, in Chinese (see orgs/audit-labels.ts).
export const ARTICLE20_AUDIT_LABELS: Record<string, string> = {
  'article20.import': '导入双公示决定（第二十条事项台账）',
  'article20.count': '录入处理决定数量（第二十条事项台账）',
  'article20.fee': '录入行政事业性收费（第二十条事项台账）',
  'article20.item': '录入上一年项目数量和本年增减（第二十条事项台账）',
  'article20.procurement': '录入政府集中采购（第二十条事项台账）',
  'article20.confirm': '确认第二十条事项台账',
  'article20.remove': '删除第二十条事项台账记录',
};
