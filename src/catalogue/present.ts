// What the portal and the API may show of catalogue items: explicit allow-lists. The portal
// never sees drafts, review notes, findings or who signed; the API (staff) sees the workflow.
import type { Organization } from '../orgs/model.ts';
import { DOC_KIND_LABELS, VALIDITY_LABELS, type Attachment, type Column, type Item, type Version } from './model.ts';
import type { LiveListEntry, SearchHit } from './store.ts';
import { hasValidity } from './rules/validity.ts';

/** The metadata block of an item page (domain-reference §E.2). */
export function metadataOf(org: Pick<Organization, 'fullName'>, item: Item, v: Version) {
  return {
    indexNumber: item.indexNumber ?? '',
    publisher: v.publisher || org.fullName,
    docNumber: v.docNumber,
    writtenDate: v.writtenDate,
    publishedDate: v.publishedDate,
    topic: v.topic,
    disclosureMode: v.disclosureMode,
    docKind: v.docKind ? DOC_KIND_LABELS[v.docKind] : null,
    /** Shown for policy documents (规章、规范性文件、其他政策文件) only (rules/validity.ts hasValidity). */
    validity: hasValidity(v) ? VALIDITY_LABELS[item.validity] : null,
    validityDate: hasValidity(v) ? item.validityDate : null,
    validityNote: hasValidity(v) ? item.validityNote : '',
  };
}

export function presentPublicItem(org: Organization, item: Item, v: Version, column: Pick<Column, 'id' | 'name'>, attachments: readonly Attachment[]) {
  return {
    id: item.id,
    title: v.title,
    summary: v.summary,
    body: v.body,
    column: { id: column.id, name: column.name },
    organization: { code: org.code, fullName: org.fullName },
    ...metadataOf(org, item, v),
    viewCount: item.viewCount,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes })),
  };
}

export function presentListEntry(e: LiveListEntry) {
  return {
    id: e.itemId,
    title: e.title,
    indexNumber: e.indexNumber,
    docNumber: e.docNumber,
    publishedDate: e.publishedDate,
    validity: e.docKind ? VALIDITY_LABELS[e.validity] : null,
  };
}

export function presentSearchHit(h: SearchHit) {
  return {
    id: h.itemId,
    title: h.title,
    indexNumber: h.indexNumber,
    docNumber: h.docNumber,
    publishedDate: h.publishedDate,
    organization: { code: h.orgCode, shortName: h.orgName },
    columnId: h.columnId,
    excerpt: h.excerpt,
    url: `/items/${h.itemId}`,
  };
}

/** The console / API view of an item: the workflow state of its newest version. */
export function presentStaffItem(item: Item, latest: Version) {
  return {
    id: item.id,
    orgId: item.orgId,
    indexNumber: item.indexNumber,
    live: item.publishedVersionId !== null && item.withdrawnAt === null,
    publishedVersionId: item.publishedVersionId,
    withdrawnAt: item.withdrawnAt,
    withdrawReason: item.withdrawReason,
    validity: item.validity,
    validityDate: item.validityDate,
    viewCount: item.viewCount,
    latest: {
      version: latest.version,
      state: latest.state,
      columnId: latest.columnId,
      title: latest.title,
      summary: latest.summary,
      body: latest.body,
      docNumber: latest.docNumber,
      publisher: latest.publisher,
      writtenDate: latest.writtenDate,
      formedDate: latest.formedDate,
      publishedDate: latest.publishedDate,
      topic: latest.topic,
      docKind: latest.docKind,
      deadlineBasis: latest.deadlineBasis,
      stage: latest.stages && latest.stageIndex !== null ? (latest.stages[latest.stageIndex]?.name ?? null) : null,
      reviewRound: latest.reviewRound,
      rejectionReason: latest.rejectionReason,
      authorName: latest.authorName,
      updatedAt: latest.updatedAt,
    },
  };
}
