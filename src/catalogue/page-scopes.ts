// What each cached portal page of the catalogue depends on (src/core/http/page-cache.ts), and the
// scopes a catalogue change bumps in its transaction:
// - an item page: `item:<id>` (its live version, 有效性, 解读 links and their titles) and its organization's
//   `org:<id>` (names, column names);
// - a column page: the organization's `list:<id>` (which items are live, their titles, badges) and `org:<id>`;
// - the portal home: `site` (newest items of all organizations, the organization tree);
// - a part of the sitemap: `sitemap:<part>` (which items of its block of ids are live, and their dates).
import { bumpPageVersions, orgScope, SITE_SCOPE } from '../core/http/page-versions.ts';
import type { Queryable } from '../core/db/database.ts';
import { listLinks } from './store.ts';

export const itemScope = (itemId: number) => `item:${itemId}`;
export const listScope = (orgId: number) => `list:${orgId}`;

/** Item ids per sitemap part: the protocol allows 50,000 URLs in one; a part is a block of this many ids. */
export const SITEMAP_PART = 50_000;
export const sitemapPartOf = (itemId: number) => Math.floor(itemId / SITEMAP_PART);
export const sitemapScope = (part: number) => `sitemap:${part}`;

export const itemPageScopes = (itemId: number, orgId: number) => [itemScope(itemId), orgScope(orgId)];
export const columnPageScopes = (orgId: number) => [listScope(orgId), orgScope(orgId)];

/**
 * An item went live or off the portal (publication, a new live version, withdrawal): its page, the
 * pages it is linked with as 解读 or policy (they list it only while it is live), its organization's
 * column pages, the portal home's newest items and its part of the sitemap.
 */
export async function itemVisibilityChanged(tx: Queryable, orgId: number, itemId: number): Promise<void> {
  const links = await listLinks(tx, itemId);
  const linked = [...links.interpretations, ...links.policies].map((l) => itemScope(l.itemId));
  await bumpPageVersions(tx, [SITE_SCOPE, listScope(orgId), itemScope(itemId), sitemapScope(sitemapPartOf(itemId)), ...linked]);
}
