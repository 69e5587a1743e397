// The audit log's action codes of the task breakdown and rectification items, in Chinese.
export const ASSESSMENT_AUDIT_LABELS: Record<string, string> = {
  'assessment.task.create': '新建任务分解事项',
  'assessment.task.update': '修改任务分解事项',
  'assessment.task.delete': '删除任务分解草稿',
  'assessment.task.publish': '发布任务分解事项',
  'assessment.progress.save': '保存任务完成情况',
  'assessment.progress.submit': '报送任务完成',
  'assessment.progress.accept': '验收任务完成情况',
  'assessment.progress.return': '退回任务完成情况',
  'assessment.rectification.create': '下发整改事项',
  'assessment.rectification.close': '报送整改完成',
  'assessment.rectification.confirm': '确认整改完成',
  'assessment.rectification.reopen': '重新打开整改事项',
};
