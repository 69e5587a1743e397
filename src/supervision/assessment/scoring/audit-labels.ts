// The audit log's action codes of the scoring scheme, in Chinese.
export const SCORING_AUDIT_LABELS: Record<string, string> = {
  'assessment.indicator.create': '新增考核指标',
  'assessment.indicator.delete': '删除考核指标',
  'assessment.scores.compute': '按平台数据计算考核得分',
  'assessment.score.manual': '人工评分',
};
