// The links of an item to check (链接可用性, domain-reference §D.4): the link targets of its body and the
// web addresses written in its attachments' text. Links to this portal's own pages are internal and
// checked against the database (an item that does not exist or is withdrawn = broken); http(s) links
// elsewhere are external, asked over HTTP by core/link-check.ts when the checker is on.
import { bodyLinks } from '../rules/body.ts';

export type InternalTarget =
  | { kind: 'item'; id: number }
  | { kind: 'org'; code: string }
  | { kind: 'column'; id: number }
  | { kind: 'attachment'; id: number };

export type LinkClass = { kind: 'internal'; target: InternalTarget | null } | { kind: 'external'; url: string } | { kind: 'other' };

/** What a link is. `internalHosts`: host names of this portal (e.g. gk.example.gov.cn), whose absolute links are internal too. */
export function classifyLink(href: string, internalHosts: readonly string[] = []): LinkClass {
  const h = href.trim();
  let path: string | null = null;
  if (h.startsWith('/') && !h.startsWith('//')) path = h;
  else if (/^https?:\/\//i.test(h)) {
    let url: URL;
    try {
      url = new URL(h);
    } catch {
      return { kind: 'external', url: h };
    }
    if (!internalHosts.includes(url.hostname.toLowerCase())) return { kind: 'external', url: url.href };
    path = url.pathname;
  } else return { kind: 'other' };
  const clean = path.split(/[?#]/)[0]!;
  let m = /^\/items\/(\d+)(?:\/print)?\/?$/.exec(clean);
  if (m) return { kind: 'internal', target: { kind: 'item', id: Number(m[1]) } };
  m = /^\/columns\/(\d+)(?:\/rss\.xml)?\/?$/.exec(clean);
  if (m) return { kind: 'internal', target: { kind: 'column', id: Number(m[1]) } };
  m = /^\/attachments\/(\d+)\/?$/.exec(clean);
  if (m) return { kind: 'internal', target: { kind: 'attachment', id: Number(m[1]) } };
  m = /^\/orgs\/([^/]+)(?:\/.*)?$/.exec(clean);
  if (m) {
    let code = m[1]!;
    try {
      code = decodeURIComponent(code);
    } catch {
      // kept as written
    }
    return { kind: 'internal', target: { kind: 'org', code } };
  }
  // Another page of the portal (/, /search, …): not a resource that can disappear.
  return { kind: 'internal', target: null };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'，。；、：！？（）【】《》“”]+/gi;

/** The web addresses written in a text (an attachment's), trailing punctuation removed. */
export function urlsInText(text: string): string[] {
  return [...new Set([...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(/[.,;:!?)\]]+$/, '')))];
}

export interface ItemLink {
  href: string;
  /** 正文, or 附件《name》. */
  place: string;
}

/** The links of one version: its body's link targets, then the addresses in each attachment's text. */
export function linksOfVersion(v: { body: string; attachments: readonly { fileName: string; text: string }[] }): ItemLink[] {
  const out: ItemLink[] = [];
  const seen = new Set<string>();
  const add = (href: string, place: string) => {
    const key = `${place}\u0000${href}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ href, place });
    }
  };
  for (const href of bodyLinks(v.body)) add(href, '正文');
  for (const a of v.attachments) for (const url of urlsInText(a.text)) add(url, `附件《${a.fileName}》`);
  return out;
}
