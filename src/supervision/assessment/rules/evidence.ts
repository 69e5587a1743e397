// Evidence links: a published catalogue item of the agency (its portal address /items/123, on this site or
// with the site's host, or 条目 123), or any other http(s) address (a page elsewhere on the agency's site).
// A path of this site (/orgs/…) is kept as written. One link a line; at most 20, each at most 500 characters.

export type EvidenceLink = { kind: 'item'; itemId: number; text: string } | { kind: 'url'; text: string };

export const MAX_LINKS = 20;

export function parseEvidenceLink(raw: string): EvidenceLink | { error: string } {
  const text = raw.trim();
  if (text.length > 500) return { error: `链接过长（最多 500 个字符）：${text.slice(0, 40)}…` };
  const bare = /^(?:条目\s*|#)?(\d{1,15})$/.exec(text);
  if (bare) return { kind: 'item', itemId: Number(bare[1]), text: `/items/${Number(bare[1])}` };
  const local = /^\/items\/(\d{1,15})\/?$/.exec(text);
  if (local) return { kind: 'item', itemId: Number(local[1]), text: `/items/${Number(local[1])}` };
  if (/^\/[^\s/][^\s]*$/.test(text)) return { kind: 'url', text }; // another page of this site, e.g. /orgs/QS-ZRZY/catalogue
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `不是有效的链接：${text}（请填写本机关已发布条目的地址，如 /items/123，或以 http:// 、https:// 开头的网址）` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `只接受 http 或 https 链接：${text}` };
  const onSite = /^\/items\/(\d{1,15})\/?$/.exec(url.pathname);
  if (onSite) return { kind: 'item', itemId: Number(onSite[1]), text: url.toString() };
  return { kind: 'url', text: url.toString() };
}

/** The links of a text area (one a line, blank lines skipped), or the errors. */
export function parseEvidenceLinks(text: string | readonly string[]): { links: EvidenceLink[]; errors: string[] } {
  const lines = (typeof text === 'string' ? text.split(/\r?\n/) : [...text]).map((l) => l.trim()).filter(Boolean);
  const links: EvidenceLink[] = [];
  const errors: string[] = [];
  if (lines.length > MAX_LINKS) errors.push(`最多填写 ${MAX_LINKS} 个链接`);
  for (const line of lines.slice(0, MAX_LINKS)) {
    const r = parseEvidenceLink(line);
    if ('error' in r) errors.push(r.error);
    else if (!links.some((l) => l.text === r.text)) links.push(r);
  }
  return { links, errors };
}
