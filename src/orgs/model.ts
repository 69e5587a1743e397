// An organization in the tree: region (province / city / county) → government → department → sub-unit.
import { z } from 'zod';

export const ORG_KINDS = ['province', 'city', 'county', 'government', 'department', 'subunit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: '省级行政区',
  city: '市级行政区',
  county: '县级行政区',
  government: '人民政府（办公室）',
  department: '部门或机构',
  subunit: '内设或下属单位',
};

export interface Organization {
  id: number;
  parentId: number | null;
  path: string;
  kind: OrgKind;
  fullName: string;
  shortName: string;
  code: string;
  indexTemplate: string | null;
  address: string;
  phone: string;
  fax: string;
  email: string;
  officeHours: string;
  website: string;
  reportDeadline: string | null;
  createdAt: string;
  updatedAt: string;
}

const text = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字` });

/** What a clerk may set on an organization (create and edit). */
export const orgInputSchema = z.object({
  parentCode: z.string().trim().min(1).nullable().optional(),
  kind: z.enum(ORG_KINDS, { error: '机构类型应为：' + ORG_KINDS.map((k) => `${k}（${ORG_KIND_LABELS[k]}）`).join('、') }),
  fullName: text(100).min(2, { error: '机构全称至少 2 个字' }),
  shortName: text(40).min(1, { error: '请填写机构简称' }),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z-]{1,29}$/, { error: '机构代码只能包含字母、数字和连字符，2 到 30 位（用于索引号）' }),
  indexTemplate: text(60).nullable().optional(),
  address: text(200).optional(),
  phone: text(60).optional(),
  fax: text(60).optional(),
  email: z.union([z.literal(''), z.email({ error: '电子邮箱格式不正确' })]).optional(),
  officeHours: text(200).optional(),
  website: text(200).optional(),
  reportDeadline: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '年报截止日期格式应为 MM-DD，例如 01-31' })
    .nullable()
    .optional(),
});
export type OrgInput = z.infer<typeof orgInputSchema>;
