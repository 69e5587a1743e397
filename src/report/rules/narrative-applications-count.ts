// narrative.applications-count — the number of applications the text says were
// received matches table 3 row 一 (本年新收), 总计 column.
import { TABLE3_SECTIONS, TABLE3_TOTAL_COLUMN } from '../model/layout.ts';
import { table3CellName } from '../model/cells.ts';
import type { Rule } from './rule.ts';
import { firstFigure, sectionHeading } from './narrative-text.ts';

// e.g. 收到群众依申请公开4例；共收到政府信息公开申请12件
const RECEIVED = /(?:收到|受理|新收|接收)[^。；;，,]{0,20}?申请[^。；;，,\d]{0,12}?(\d+)\s*(?:件|例|条|个|份|宗)/;

export const narrativeApplicationsCount: Rule = {
  id: 'narrative.applications-count',
  severity: 'warning',
  title: '正文所述收到申请数与表三一致',
  description:
    '正文（一、总体情况，三、六两部分）第一次写出的“收到……申请 N 件/例”应等于表三“一、本年新收政府信息公开申请数量”的“总计”。只在提供了报告正文、且正文中用阿拉伯数字写出该数时检查。',
  source: 'domain-reference §B.7 第9条（正文中的数字应与表格一致）',
  check(report, context) {
    const t = report.table3;
    if (!context.narrative || !t) return [];
    const total = t.newReceived[TABLE3_TOTAL_COLUMN];
    const said = firstFigure(context.narrative, ['一', '三', '六'], RECEIVED);
    if (total === null || total === undefined || !said || said.value === total) return [];
    const cell = table3CellName('newReceived', TABLE3_TOTAL_COLUMN);
    return [
      {
        cells: [cell, `narrative.${said.section}`],
        message: `“${sectionHeading(said.section)}”中写“${said.quote}”，但表三第1行“${TABLE3_SECTIONS.newReceived}”“总计”列为 ${total}`,
        values: { [cell]: total, narrative: said.value },
      },
    ];
  },
};
