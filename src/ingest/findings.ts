// What the parser itself reports, beside the validator's findings: the same
// Finding shape (rule id, severity, cells, Chinese message), ids prefixed
// `ingest.`. A published report is imported as printed; these say where the
// printed document could not be read with certainty.
import type { Finding, Hit, Severity } from '../report/rules/rule.ts';

export const INGEST_RULES = {
  'ingest.table-missing': { severity: 'warning', title: '文档中没有该表，记为 null' },
  'ingest.row-missing': { severity: 'warning', title: '表格中没有该行，各格记为 null' },
  'ingest.row-duplicate': { severity: 'warning', title: '同一行出现两次，只取第一次' },
  'ingest.row-short': { severity: 'warning', title: '一行的格数少于应有列数' },
  'ingest.row-extra-cells': { severity: 'warning', title: '一行的格数多于应有列数' },
  'ingest.cell-unreadable': { severity: 'warning', title: '单元格内容无法识别为数字' },
  'ingest.cell-derived': { severity: 'warning', title: '单元格由表内勾稽、合计关系推出' },
  'ingest.cell-blank': { severity: 'warning', title: '单元格印为空白，不能确定是否为 0，记为 null' },
  'ingest.cell-lost': { severity: 'warning', title: '单元格缺失，无法确定，记为 null' },
  'ingest.columns-ambiguous': { severity: 'warning', title: '一行数字与各列的对应无法由表内关系确定，记为 null' },
  'ingest.other-single-row': { severity: 'warning', title: '2021 格式的报告将表三“（六）其他处理”按 2019 格式印为一行' },
  'ingest.digits-cut': { severity: 'warning', title: '连写在一起的数字按表内关系唯一地切分' },
  'ingest.digits-ambiguous': { severity: 'warning', title: '连写在一起的数字有多种切法，无法确定的格记为 null' },
  'ingest.year-uncertain': { severity: 'warning', title: '报告年度不是从标题得出' },
  'ingest.agency-missing': { severity: 'warning', title: '未找到发布机关' },
  'ingest.pages-truncated': { severity: 'warning', title: '文档过长，只读取了前面部分' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type IngestRuleId = keyof typeof INGEST_RULES;

export function ingestFinding(rule: IngestRuleId, hit: Hit): Finding {
  return { rule, severity: INGEST_RULES[rule].severity, ...hit };
}
