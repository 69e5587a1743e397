// `--explain`: for every cell of a parsed report, where it came from and how
// sure the parser is, in Chinese, one line per cell.
import { TABLE4_GROUPS, table2Rows, type ReportFormat } from '../report/model/layout.ts';
import { table2Locator, table3Locator, table4Locator } from '../report/model/cells.ts';
import { describeSource } from './read/document.ts';
import { CONFIDENCE_LABELS, type CellProvenance } from './provenance.ts';
import { FACT_LABELS } from './narrative/facts.ts';
import type { ParseOutcome, ParsedReport } from './parse-document.ts';

/** The kind of file read, as the clerk reads it. */
export const FILE_TYPES = { html: 'HTML 网页', text: '文本文件', pdf: 'PDF 文件', docx: 'Word 文件（.docx）' } as const;

/** 表三第3行“（一）予以公开”“自然人”列, from a cell name such as table3.granted[0]. */
export function cellLocator(cell: string, format: ReportFormat): string {
  const t3 = /^table3\.(.+)\[(\d+)\]$/.exec(cell);
  if (t3) return table3Locator(format, t3[1]!, Number(t3[2]));
  const t4 = /^table4\.(\w+)\[(\d+)\]$/.exec(cell);
  if (t4) return table4Locator(t4[1] as (typeof TABLE4_GROUPS)[number]['key'], Number(t4[2]));
  const t2 = /^table2\.(\w+)\.(\w+)$/.exec(cell);
  if (t2) {
    // a table may have the other layout's shape than the report's format
    const has = (f: ReportFormat) => table2Rows(f).some((r) => r.row.key === t2[1] && r.section.columns.some((c) => c.key === t2[2]));
    return table2Locator(has(format) ? format : format === '2021' ? '2019' : '2021', t2[1]!, t2[2]!);
  }
  return cell;
}

function value(v: CellProvenance['value']): string {
  return v === null ? 'null' : typeof v === 'string' ? `“${v}”` : String(v);
}

function cellLine(p: CellProvenance, format: ReportFormat): string {
  const from = p.where ? describeSource(p.where) : '原文无此格';
  const raw = p.raw === null ? '' : p.raw.trim() ? `，原文“${p.raw.trim()}”` : '，原文为空白';
  const note = p.note ? `；${p.note}` : '';
  return `  ${cellLocator(p.cell, format)} = ${value(p.value)}  [${CONFIDENCE_LABELS[p.confidence]}] ${from}${raw}${note}`;
}

function explainReport(r: ParsedReport, file: string): string[] {
  const { report, detected } = r;
  const out: string[] = [
    `文件 ${file}：${FILE_TYPES[detected.format]}${detected.encoding ? `（${detected.encoding}）` : ''}`,
    `  ${report.agency ?? '（未注明机关）'} ${report.year} 年度政府信息公开工作年度报告，${report.format} 格式`,
    `  年度 ${report.year}：取自${detected.yearSource}；机关：${detected.agency ? `取自${detected.agencySource}` : '未找到'}`,
  ];
  for (const f of r.narrative.facts) {
    out.push(`  正文（${f.section}）所述${FACT_LABELS[f.fact]}：${f.value} ${f.unit}（“${f.quote}”）`);
  }
  const confidence = { exact: 0, derived: 0, uncertain: 0 };
  for (const p of r.provenance) confidence[p.confidence]++;
  out.push(
    `  单元格：确定 ${confidence.exact}，推算 ${confidence.derived}，不确定 ${confidence.uncertain}（其中 null ${r.provenance.filter((p) => p.value === null).length}）`,
  );
  const tables = [
    ['table2', '表二 主动公开政府信息情况'],
    ['table3', '表三 收到和处理政府信息公开申请情况'],
    ['table4', '表四 政府信息公开行政复议、行政诉讼情况'],
  ] as const;
  for (const [key, title] of tables) {
    out.push(title);
    if (report[key] === null) {
      out.push('  文档中没有此表，记为 null');
      continue;
    }
    for (const p of r.provenance.filter((x) => x.cell.startsWith(`${key}.`))) out.push(cellLine(p, report.format));
  }
  return out;
}

/** The explanation of one parse outcome (a report cell by cell; otherwise the reason). */
export function explainOutcome(outcome: ParseOutcome, file: string): string {
  if (outcome.kind === 'unreadable') return `文件 ${file}：无法读取：${outcome.reason}\n`;
  if (outcome.kind === 'not-a-report') return `文件 ${file}：不是政府信息公开工作年度报告：${outcome.reason}\n`;
  return `${explainReport(outcome, file).join('\n')}\n`;
}
