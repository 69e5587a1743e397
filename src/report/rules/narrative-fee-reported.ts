// narrative.fee-reported — when fees were collected, section 六 reports them.
import { table2Locator } from '../model/cells.ts';
import { isTable2_2021 } from '../model/report.ts';
import type { Rule } from './rule.ts';
import { sectionHeading, sectionText } from './narrative-text.ts';

const MENTION = /信息处理费|收费/;

export const narrativeFeeReported: Rule = {
  id: 'narrative.fee-reported',
  severity: 'warning',
  title: '收费情况在第六部分说明',
  description:
    '2021 格式表二“本年收费金额（单位：万元）”大于 0 时，“六、其他需要报告的事项”应说明收费情况（提到“信息处理费”或“收费”）。只在提供了报告正文时检查。注意：表二该行统计的是行政事业性收费；信息处理费按国办函〔2020〕109号收取，同样应在第六部分报告。',
  source: 'domain-reference §B.7 第10条（抽查的 2021 格式报告均在第六部分报告收费情况；是否为格式明文要求未核实）；国办函〔2020〕109号',
  check(report, context) {
    const t = report.table2;
    if (!context.narrative || !t || !isTable2_2021(t)) return [];
    const amount = t.fees.amountWanYuan;
    if (amount === null || amount <= 0) return [];
    const text = sectionText(context.narrative, '六');
    if (MENTION.test(text)) return [];
    return [
      {
        cells: ['table2.fees.amountWanYuan', 'narrative.六'],
        message: `${table2Locator('2021', 'fees', 'amountWanYuan')}为 ${amount}，但“${sectionHeading('六')}”${text ? '没有提到收费情况（“信息处理费”或“收费”）' : '没有内容'}`,
        values: { 'table2.fees.amountWanYuan': amount },
      },
    ];
  },
};
