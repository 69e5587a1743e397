// Staff accounts and their roles (each user belongs to one organization).

export const ROLES = ['admin', 'editor', 'reviewer', 'confidentiality', 'handler', 'head', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  editor: '信息发布员',
  reviewer: '审核人',
  confidentiality: '保密审查员',
  handler: '依申请办理人',
  head: '机关负责人',
  supervisor: '监督员',
};

export interface User {
  id: number;
  orgId: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

/** The signed-in staff member, as every policy sees it. */
export interface Staff {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  /** The user's own organization and its tree path: the root of everything it may reach. */
  homeOrgId: number;
  homePath: string;
  /** The organization currently worked on (organization switcher). */
  orgId: number;
  mustChangePassword: boolean;
}

export function parseRoles(input: string | string[]): Role[] {
  const list = (Array.isArray(input) ? input : input.split(/[,，\s]+/)).map((r) => r.trim()).filter(Boolean);
  const byLabel = new Map(Object.entries(ROLE_LABELS).map(([k, v]) => [v, k as Role]));
  const roles = list.map((r) => (ROLES.includes(r as Role) ? (r as Role) : byLabel.get(r)));
  const bad = list.filter((_, i) => !roles[i]);
  if (bad.length) throw new Error(`无法识别的角色：${bad.join('、')}。可用角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`);
  return [...new Set(roles as Role[])];
}
