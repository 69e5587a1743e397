// A first look before the real reading: does the text carry anything of an annual report at all —
// the words of its title (政府信息公开, 年度报告), the themes of its six parts, the labels of its
// tables? Printable noise (base64, logs, code) carries none, and reading megabytes of it as a
// report takes seconds; it is turned away here, in a few milliseconds. A real report names
// 政府信息公开 in its title and 主动公开/依申请 in its parts, so it always passes; the look goes
// a million characters deep, far beyond any page's navigation before its title.
import { normalizeForMatch } from '../../core/text/normalize.ts';

/** How far into the text the markers are looked for (characters, after tags are dropped). */
export const SCREEN_CHARS = 1_000_000;

const MARKERS = /政府信息公开|政务公开|信息公开|年度报告|年报|主动公开|依申请|行政复议|行政诉讼|申请人情况|本年新收|总体情况|规范性文件/;

/** Chinese: why the text is not an annual report, or null when it may be one. */
export function missingReportMarkers(plainText: string): string | null {
  const head = plainText.slice(0, SCREEN_CHARS);
  // normalized in pieces (traditional characters, pinyin artefacts): a piece overlaps the next by a few characters
  const PIECE = 20_000;
  for (let at = 0; at < head.length; at += PIECE) {
    if (MARKERS.test(normalizeForMatch(head.slice(at, at + PIECE + 64)))) return null;
  }
  const where = plainText.length > SCREEN_CHARS ? `前 ${SCREEN_CHARS / 10_000} 万个字符中` : '文中';
  return `${where}没有年度报告的任何标志（“政府信息公开”“年度报告”等标题用语、六个部分的标题、表格栏目），不是政府信息公开工作年度报告`;
}

/** The text of an HTML page for the look: tags dropped (linear: a tag never spans another '<'), entities left to the normalizer. */
export function htmlScreenText(html: string): string {
  return html.replace(/<[^<>]*>/g, ' ');
}
