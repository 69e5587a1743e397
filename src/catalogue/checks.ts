// What the commands derive from a version: its confidentiality findings (title, summary, body
// and every attachment's text) and its row in the search index.
import type { Attachment, ItemContent } from './model.ts';
import { findingsInContext, unreadAttachmentFindings, type FieldFinding } from './rules/confidentiality.ts';
import { bodyLinks, bodyText } from './rules/body.ts';
import { searchableText } from './search/text.ts';
import { tsvectorLiteral } from './search/tokens.ts';

export function versionFindings(v: Pick<ItemContent, 'title' | 'summary' | 'body'>, attachments: readonly Pick<Attachment, 'fileName' | 'mediaType' | 'text'>[], words: readonly string[]): FieldFinding[] {
  return [
    ...findingsInContext('标题', v.title, { words }),
    ...findingsInContext('内容概述', v.summary, { words }),
    // The body's text (its HTML tags are not read) and its link targets.
    ...findingsInContext('正文', bodyText(v.body), { words }),
    ...bodyLinks(v.body).flatMap((href) => findingsInContext('正文链接', href, { words })),
    ...attachments.flatMap((a) => findingsInContext(`附件“${a.fileName}”`, a.text, { words })),
    ...unreadAttachmentFindings(attachments),
  ];
}

export function searchRow(
  itemId: number,
  orgId: number,
  v: Pick<ItemContent, 'columnId' | 'title' | 'summary' | 'body' | 'docNumber'> & { publishedDate: string },
  attachments: readonly Pick<Attachment, 'fileName' | 'text'>[],
) {
  const title = searchableText(v.title);
  const docNumber = searchableText(v.docNumber);
  const summary = searchableText(v.summary);
  const body = searchableText(bodyText(v.body));
  const files = searchableText(attachments.map((a) => `${a.fileName} ${a.text}`).join(' '));
  return {
    itemId,
    orgId,
    columnId: v.columnId,
    publishedDate: v.publishedDate,
    docNumber: v.docNumber,
    title: v.title,
    // Body first: excerpts come from the first occurrence of a term.
    text: [summary, body, files, title, docNumber].filter(Boolean).join(' '),
    vector: tsvectorLiteral([
      { text: title, weight: 'A' },
      { text: `${docNumber} ${summary}`, weight: 'B' },
      { text: body, weight: 'C' },
      { text: files, weight: 'D' },
    ]),
  };
}
