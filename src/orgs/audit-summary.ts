// An audit entry's summary as a clerk reads it (pure): a change as 字段：旧值 → 新值, other facts as
// 字段：值, in Chinese where the field has a name (AUDIT_FIELD_LABELS below); never raw JSON.

/** Names of the fields that summaries carry, for showing a change as 字段：旧值 → 新值. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  username: '用户名', displayName: '姓名', roles: '角色', disabled: '停用', email: '电子邮箱', orgCode: '机构代码',
  fullName: '全称', shortName: '简称', code: '机构代码', kind: '类型', phone: '联系电话', address: '办公地址',
  year: '年度', version: '版本', note: '说明', reason: '理由', title: '标题', state: '状态', outcome: '答复结果',
  revisionNote: '修订说明', errors: '错误', warnings: '警告', previouslyPublished: '此前发布的版本', imported: '导入',
  on: '日期', date: '日期', validity: '有效性', column: '栏目', columnId: '栏目', name: '名称',
  count: '数量', created: '新建', updated: '更新', unchanged: '未变', fileName: '文件名', receiptNo: '申请编号',
};

const MAX_VALUE = 120;

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(valueText).join('、') : '（无）';
  if (typeof v === 'object') {
    const text = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}：${valueText(x)}`).join('；');
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
  }
  const s = String(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Lines describing the summary; `fields` names the keys (unknown keys are shown as they are). */
export function describeAuditSummary(summary: unknown, fields: Readonly<Record<string, string>>): string[] {
  if (!summary || typeof summary !== 'object' || Array.isArray(summary)) return summary === undefined || summary === null ? [] : [valueText(summary)];
  const name = (k: string) => fields[k] ?? k;
  const { before, after, ...rest } = summary as Record<string, unknown>;
  const lines: string[] = [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      if (!same(b[k], a[k])) lines.push(`${name(k)}：${valueText(b[k])} → ${valueText(a[k])}`);
    }
  } else {
    if (before !== undefined) lines.push(`原：${valueText(before)}`);
    if (after !== undefined) lines.push(`现：${valueText(after)}`);
  }
  for (const [k, v] of Object.entries(rest)) lines.push(`${name(k)}：${valueText(v)}`);
  return lines;
}
