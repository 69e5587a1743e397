// The files the report commands read: a report in canonical JSON and a narrative
// ({ "一": "…", "六": "…" }). Anything unusable is an UnreadableInput whose message
// says which file and why (the commands exit 2 with it).
import { readInputFile, UnreadableInput } from '../../core/command-line.ts';
import { SECTION_KEYS, type SectionKey } from '../model/layout.ts';
import { parseReportJson } from '../model/parse.ts';
import type { AnnualReport, CanonicalNarrative } from '../model/report.ts';

/** The report in a file, with the file's bytes (an import keeps their hash) and its narrative if it has one. */
export function readReportFile(path: string, what = '文件'): { bytes: Buffer; report: AnnualReport; narrative: CanonicalNarrative | null } {
  const bytes = readInputFile(path, what);
  const parsed = parseReportJson(bytes.toString('utf8'));
  if (!parsed.ok) throw new UnreadableInput(`${what} ${path} 不是有效的年度报告数据：\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`);
  return { bytes, report: parsed.report, narrative: parsed.narrative };
}

/** The report's text by section, from a JSON object whose keys are 一 to 六. */
export function readNarrativeFile(path: string): Partial<Record<SectionKey, string>> {
  let value: unknown;
  try {
    value = JSON.parse(readInputFile(path, '正文文件').toString('utf8'));
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(`正文文件 ${path} 不是有效的 JSON：${(e as Error).message}`);
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => SECTION_KEYS.includes(k as SectionKey) && typeof v === 'string');
  if (!ok) throw new UnreadableInput(`正文文件 ${path} 应为对象，键为部分序号（“一”至“六”），值为该部分的文字`);
  return value as Partial<Record<SectionKey, string>>;
}
