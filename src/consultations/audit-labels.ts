// The audit log's action codes of public consultation, in Chinese (see orgs/audit-labels.ts).
export const CONSULTATIONS_AUDIT_LABELS: Record<string, string> = {
  'consultation.create': '起草意见征集',
  'consultation.update': '修改意见征集',
  'consultation.attachment': '上传征求意见稿文件',
  'consultation.publish': '发布意见征集',
  'consultation.comment': '公众提交意见',
  'consultation.comment_offline': '登记书面意见',
  'consultation.moderate': '审核公众意见',
  'consultation.feedback_save': '保存结果反馈',
  'consultation.feedback_publish': '公布结果反馈',
  'consultation.final_document': '关联正式文件',
  'consultation.settings': '设置征求意见最短期限',
};
