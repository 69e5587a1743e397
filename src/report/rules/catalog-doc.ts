// The Chinese page docs/validator-rules.md, generated from the rule catalog so
// that the documentation cannot drift from the code.
import { RULES } from './catalog.ts';
import { SEVERITY_LABELS } from './rule.ts';

export const VALIDATOR_DOC_PATH = 'docs/validator-rules.md';

export function renderValidatorDoc(): string {
  const lines: string[] = [
    '# 年度报告检查规则',
    '',
    '> 本页由 `scripts/gen-validator-doc.ts` 根据 `src/report/rules/catalog.ts` 自动生成，请勿手工修改。',
    '> 修改规则后运行 `node --import tsx scripts/gen-validator-doc.ts` 重新生成；测试会比对本页与代码是否一致。',
    '',
    '`gongkai report check <file.json>` 按下列规则检查一份年度报告（canonical JSON，见 `spec/annual-report-json.md`）。',
    '每条检查结果给出规则编号、级别、涉及的单元格（如 `table3.newReceived[0]`、`table4.review[4]`、`table2.fees.amountWanYuan`）和中文说明。',
    '有“错误”级别的结果时命令退出码为 1，只有“警告”或没有结果时为 0，文件无法读取或不是有效的报告数据时为 2。',
    '已公开的报告即使违反规则也按原样导入，检查结果记录在旁，不会自动更正任何数字。',
    '',
    `共 ${RULES.length} 条规则：`,
    '',
    '| 规则编号 | 级别 | 名称 |',
    '|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${SEVERITY_LABELS[r.severity]} | ${r.title} |`),
    '',
  ];
  for (const r of RULES) {
    lines.push(
      `## ${r.id}`,
      '',
      `**${r.title}**（${SEVERITY_LABELS[r.severity]}）`,
      '',
      `- 检查内容：${r.description}`,
      `- 依据：${r.source}`,
      '',
    );
  }
  return lines.join('\n');
}

/** GitHub's heading anchor for a rule id heading (`## table3.balance` → table3balance). */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9\- ]/g, '');
}
