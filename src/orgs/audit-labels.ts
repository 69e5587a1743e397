// What the audit log's action codes of organizations, staff and sign-in mean, in Chinese. Every module
// keeps the labels of the actions it writes (its own audit-labels.ts); src/app puts them together
// for the audit page, and test/foundation/audit-labels.test.ts finds any code written without one.
export const ORGS_AUDIT_LABELS: Record<string, string> = {
  'org.create': '新增机构',
  'org.update': '修改机构信息',
  'user.create': '新增用户',
  'user.login': '登录',
  'user.logout': '退出登录',
  'user.password.change': '修改密码',
  'user.password.reset': '重置密码',
  'user.roles.update': '修改用户角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'login.throttle': '登录失败过多，暂停该地址登录',
  'login.throttle.clear': '解除登录暂停',
};

/** Names of the fields that summaries carry, for showing a change as 字段：旧值 → 新值. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  username: '用户名', displayName: '姓名', roles: '角色', disabled: '停用', email: '电子邮箱', orgCode: '机构代码',
  fullName: '全称', shortName: '简称', code: '机构代码', kind: '类型', phone: '联系电话', address: '办公地址',
  year: '年度', version: '版本', note: '说明', reason: '理由', title: '标题', state: '状态', outcome: '答复结果',
  revisionNote: '修订说明', errors: '错误', warnings: '警告', previouslyPublished: '此前发布的版本', imported: '导入',
  on: '日期', date: '日期', validity: '有效性', column: '栏目', columnId: '栏目', name: '名称',
  count: '数量', created: '新建', updated: '更新', unchanged: '未变', fileName: '文件名', receiptNo: '申请编号',
};
