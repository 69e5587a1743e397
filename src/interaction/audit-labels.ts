// The audit log's action codes of messages from the public, in Chinese (see orgs/audit-labels.ts).
export const INTERACTION_AUDIT_LABELS: Record<string, string> = {
  'letter.submit': '收到网上留言',
  'letter.register': '登记来信或 12345 工单',
  'letter.transfer': '转办留言',
  'letter.merge': '合并重复留言',
  'letter.split': '拆分留言',
  'letter.draft': '起草留言答复',
  'letter.return': '退回留言答复',
  'letter.sign': '签发留言答复',
  'letter.publish': '公开留言答复',
  'letter.unpublish': '撤下公开的留言答复',
  'letter.convert_application': '留言转为政府信息公开申请',
  'letter.convert_petition': '留言转信访渠道',
  'letter.invalid': '标记无效留言',
  'letter.close': '留言办结',
  'letter.rate': '留言人评价',
  'letter.deadlines': '设置留言答复期限',
};
