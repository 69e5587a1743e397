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
