// Every SQL statement of the disclosure catalogue, with the row-to-object mapping.
// Visibility is a query scope: the `live…` functions are what the portal may read.
import { execWithNextQuery, type Database, type Queryable } from '../core/db/database.ts';
import { pageVersion, SITE_SCOPE } from '../core/http/page-versions.ts';
import type {
  Attachment,
  CatalogueSettings,
  Column,
  ColumnKind,
  DocKind,
  FindingAck,
  Item,
  ItemContent,
  ReviewStage,
  Signoff,
  Validity,
  Version,
  VersionState,
} from './model.ts';
import { filterTsquery } from './search/tokens.ts';
import { relevancePositions, walks, type Match, type Walk } from './search/walks.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const isId = (v: string) => /^\d{1,15}$/.test(v);

// ── Settings ─────────────────────────────────────────────────────────────────

interface SettingsRow {
  org_id: number;
  stages: ReviewStage[];
  distinct_signers: boolean;
  sensitive_words: string[];
}
const toSettings = (r: SettingsRow): CatalogueSettings => ({
  orgId: r.org_id,
  stages: r.stages,
  distinctSigners: r.distinct_signers,
  sensitiveWords: r.sensitive_words ?? [],
});

export async function findSettings(db: Queryable, orgId: number): Promise<CatalogueSettings | undefined> {
  const [r] = await db.query<SettingsRow>('select * from catalogue_settings where org_id = $1', [orgId]);
  return r && toSettings(r);
}

/** Inserts the settings unless they exist; true when inserted. */
export async function insertSettings(tx: Queryable, s: CatalogueSettings): Promise<boolean> {
  const rows = await tx.query(
    `insert into catalogue_settings (org_id, stages, distinct_signers, sensitive_words) values ($1, $2, $3, $4)
     on conflict (org_id) do nothing returning org_id`,
    [s.orgId, s.stages, s.distinctSigners, s.sensitiveWords],
  );
  return rows.length > 0;
}

export async function updateSettingsRow(tx: Queryable, s: CatalogueSettings): Promise<void> {
  await tx.query(
    'update catalogue_settings set stages = $2, distinct_signers = $3, sensitive_words = $4, updated_at = now() where org_id = $1',
    [s.orgId, s.stages, s.distinctSigners, s.sensitiveWords],
  );
}

// ── Columns ──────────────────────────────────────────────────────────────────

interface ColumnRow {
  id: number;
  org_id: number;
  parent_id: number | null;
  name: string;
  position: number;
  kind: ColumnKind;
  update_days: number | null;
  description: string;
}
const toColumn = (r: ColumnRow): Column => ({
  id: r.id,
  orgId: r.org_id,
  parentId: r.parent_id,
  name: r.name,
  position: r.position,
  kind: r.kind,
  updateDays: r.update_days,
  description: r.description,
});

/** Columns of one organization in tree order (parents first by position, then their children). */
function treeOrder(all: readonly Column[]): Column[] {
  const out: Column[] = [];
  const walk = (parentId: number | null) => {
    for (const c of all.filter((x) => x.parentId === parentId)) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/** Columns of an organization in tree order (parents first by position, then their children). */
export async function listColumns(db: Queryable, orgId: number): Promise<Column[]> {
  const rows = await db.query<ColumnRow>('select * from catalogue_columns where org_id = $1 order by position, id', [orgId]);
  return treeOrder(rows.map(toColumn));
}

/** The columns of many organizations in one statement, each as listColumns gives it (none: absent). */
export async function listColumnsOfOrgs(db: Queryable, orgIds: readonly number[]): Promise<Map<number, Column[]>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.query<ColumnRow>(
    'select id, org_id, parent_id, name, position, kind, update_days, description from catalogue_columns where org_id = any($1::bigint[]) order by org_id, position, id',
    [orgIds],
  );
  const byOrg = new Map<number, Column[]>();
  for (const c of rows.map(toColumn)) {
    const id = Number(c.orgId);
    const list = byOrg.get(id) ?? [];
    if (list.length === 0) byOrg.set(id, list);
    list.push(c);
  }
  return new Map([...byOrg].map(([id, all]) => [id, treeOrder(all)]));
}

export async function findColumn(db: Queryable, id: number): Promise<Column | undefined> {
  const [r] = await db.query<ColumnRow>('select * from catalogue_columns where id = $1', [id]);
  return r && toColumn(r);
}

export async function columnOrgId(db: Queryable, value: string): Promise<number | null> {
  if (!isId(value)) return null;
  const [r] = await db.query<{ org_id: number }>('select org_id from catalogue_columns where id = $1', [Number(value)]);
  return r?.org_id ?? null;
}

export async function countColumns(db: Queryable, orgId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from catalogue_columns where org_id = $1', [orgId]);
  return r?.n ?? 0;
}

export async function findColumnByName(db: Queryable, orgId: number, parentId: number | null, name: string): Promise<Column | undefined> {
  const [r] = await db.query<ColumnRow>(
    'select * from catalogue_columns where org_id = $1 and coalesce(parent_id, 0) = coalesce($2::bigint, 0) and name = $3',
    [orgId, parentId, name],
  );
  return r && toColumn(r);
}

export async function insertColumn(
  tx: Queryable,
  c: { orgId: number; parentId: number | null; name: string; kind: ColumnKind; updateDays: number | null; description: string; position?: number },
): Promise<Column> {
  const [r] = await tx.query<ColumnRow>(
    `insert into catalogue_columns (org_id, parent_id, name, kind, update_days, description, position)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, (select coalesce(max(position), 0) + 1 from catalogue_columns where org_id = $1 and coalesce(parent_id, 0) = coalesce($2::bigint, 0))))
     returning *`,
    [c.orgId, c.parentId, c.name, c.kind, c.updateDays, c.description, c.position ?? null],
  );
  return toColumn(r!);
}

export async function updateColumnRow(
  tx: Queryable,
  id: number,
  c: { name: string; parentId: number | null; kind: ColumnKind; updateDays: number | null; description: string },
): Promise<Column> {
  const [r] = await tx.query<ColumnRow>(
    `update catalogue_columns set name = $2, parent_id = $3, kind = $4, update_days = $5, description = $6, updated_at = now()
     where id = $1 returning *`,
    [id, c.name, c.parentId, c.kind, c.updateDays, c.description],
  );
  return toColumn(r!);
}

export async function setColumnPositions(tx: Queryable, ids: number[]): Promise<void> {
  for (const [i, id] of ids.entries()) await tx.query('update catalogue_columns set position = $2, updated_at = now() where id = $1', [id, i + 1]);
}

export async function columnUsage(db: Queryable, id: number): Promise<{ children: number; versions: number }> {
  const [r] = await db.query<{ children: number; versions: number }>(
    `select (select count(*)::int from catalogue_columns where parent_id = $1) as children,
            (select count(*)::int from catalogue_versions where column_id = $1) as versions`,
    [id],
  );
  return r!;
}

export async function deleteColumnRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('delete from catalogue_columns where id = $1', [id]);
}

// ── Items and versions ───────────────────────────────────────────────────────

interface ItemRow {
  id: number;
  org_id: number;
  index_number: string | null;
  published_version_id: number | null;
  first_published_at: Date | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  withdrawn_by_name: string | null;
  validity: Validity;
  validity_date: string | null;
  validity_note: string;
  view_count: number;
  created_at: Date;
  updated_at: Date;
}
const toItem = (r: ItemRow): Item => ({
  id: r.id,
  orgId: r.org_id,
  indexNumber: r.index_number,
  publishedVersionId: r.published_version_id,
  firstPublishedAt: iso(r.first_published_at),
  withdrawnAt: iso(r.withdrawn_at),
  withdrawReason: r.withdraw_reason,
  withdrawnByName: r.withdrawn_by_name,
  validity: r.validity,
  validityDate: r.validity_date,
  validityNote: r.validity_note,
  viewCount: r.view_count,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

interface VersionRow {
  id: number;
  org_id: number;
  item_id: number;
  version: number;
  state: VersionState;
  column_id: number;
  title: string;
  summary: string;
  body: string;
  doc_number: string;
  publisher: string;
  written_date: string | null;
  formed_date: string | null;
  published_date: string | null;
  topic: string;
  disclosure_mode: string;
  doc_kind: DocKind | null;
  deadline_basis: string;
  stages: ReviewStage[] | null;
  stage_index: number | null;
  review_round: number;
  rejection_reason: string | null;
  author_id: number | null;
  author_name: string;
  submitted_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}
const toVersion = (r: VersionRow): Version => ({
  id: r.id,
  orgId: r.org_id,
  itemId: r.item_id,
  version: r.version,
  state: r.state,
  columnId: r.column_id,
  title: r.title,
  summary: r.summary,
  body: r.body,
  docNumber: r.doc_number,
  publisher: r.publisher,
  writtenDate: r.written_date,
  formedDate: r.formed_date,
  publishedDate: r.published_date,
  topic: r.topic,
  disclosureMode: r.disclosure_mode,
  docKind: r.doc_kind,
  deadlineBasis: r.deadline_basis,
  stages: r.stages,
  stageIndex: r.stage_index,
  reviewRound: r.review_round,
  rejectionReason: r.rejection_reason,
  authorId: r.author_id,
  authorName: r.author_name,
  submittedAt: iso(r.submitted_at),
  publishedAt: iso(r.published_at),
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export async function itemOrgId(db: Queryable, value: string): Promise<number | null> {
  if (!isId(value)) return null;
  const [r] = await db.query<{ org_id: number }>('select org_id from catalogue_items where id = $1', [Number(value)]);
  return r?.org_id ?? null;
}

export async function findItem(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<Item | undefined> {
  const [r] = await db.query<ItemRow>(`select * from catalogue_items where id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return r && toItem(r);
}

export async function insertItem(tx: Queryable, orgId: number): Promise<number> {
  const [r] = await tx.query<{ id: number }>('insert into catalogue_items (org_id) values ($1) returning id', [orgId]);
  return r!.id;
}

export async function insertVersion(
  tx: Queryable,
  v: ItemContent & { orgId: number; itemId: number; version: number; authorId: number | null; authorName: string },
): Promise<Version> {
  const [r] = await tx.query<VersionRow>(
    `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, summary, body, doc_number, publisher,
       written_date, formed_date, topic, doc_kind, deadline_basis, author_id, author_name)
     values ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning *`,
    [v.orgId, v.itemId, v.version, v.columnId, v.title, v.summary, v.body, v.docNumber, v.publisher, v.writtenDate, v.formedDate, v.topic, v.docKind, v.deadlineBasis, v.authorId, v.authorName],
  );
  return toVersion(r!);
}

export async function updateVersionContent(tx: Queryable, id: number, c: ItemContent): Promise<Version> {
  const [r] = await tx.query<VersionRow>(
    `update catalogue_versions set column_id = $2, title = $3, summary = $4, body = $5, doc_number = $6, publisher = $7,
       written_date = $8, formed_date = $9, topic = $10, doc_kind = $11, deadline_basis = $12, updated_at = now()
     where id = $1 returning *`,
    [id, c.columnId, c.title, c.summary, c.body, c.docNumber, c.publisher, c.writtenDate, c.formedDate, c.topic, c.docKind, c.deadlineBasis],
  );
  return toVersion(r!);
}

export async function setVersionReview(
  tx: Queryable,
  id: number,
  r: { state: VersionState; stages: readonly ReviewStage[] | null; stageIndex: number | null; round: number; rejectionReason?: string | null; submitted?: boolean },
): Promise<void> {
  await tx.query(
    `update catalogue_versions set state = $2, stages = $3, stage_index = $4, review_round = $5,
       rejection_reason = case when $6::boolean then $7 else rejection_reason end,
       submitted_at = case when $8::boolean then now() else submitted_at end, updated_at = now()
     where id = $1`,
    [id, r.state, r.stages, r.stageIndex, r.round, r.rejectionReason !== undefined, r.rejectionReason ?? null, Boolean(r.submitted)],
  );
}

export async function setVersionState(tx: Queryable, id: number, state: VersionState): Promise<void> {
  await tx.query('update catalogue_versions set state = $2, updated_at = now() where id = $1', [id, state]);
}

export async function markVersionPublished(tx: Queryable, id: number, publishedDate: string): Promise<void> {
  await tx.query(
    `update catalogue_versions set state = 'published', stage_index = null, published_date = $2, published_at = now(), updated_at = now() where id = $1`,
    [id, publishedDate],
  );
}

export async function findVersion(db: Queryable, id: number): Promise<Version | undefined> {
  const [r] = await db.query<VersionRow>('select * from catalogue_versions where id = $1', [id]);
  return r && toVersion(r);
}

export async function findVersionByNumber(db: Queryable, itemId: number, version: number): Promise<Version | undefined> {
  const [r] = await db.query<VersionRow>('select * from catalogue_versions where item_id = $1 and version = $2', [itemId, version]);
  return r && toVersion(r);
}

export async function latestVersion(db: Queryable, itemId: number): Promise<Version | undefined> {
  const [r] = await db.query<VersionRow>('select * from catalogue_versions where item_id = $1 order by version desc limit 1', [itemId]);
  return r && toVersion(r);
}

export async function listVersions(db: Queryable, itemId: number): Promise<Version[]> {
  return (await db.query<VersionRow>('select * from catalogue_versions where item_id = $1 order by version desc', [itemId])).map(toVersion);
}

export async function setItemPublished(tx: Queryable, itemId: number, versionId: number, indexNumber: string): Promise<void> {
  await tx.query(
    `update catalogue_items set published_version_id = $2, index_number = $3, first_published_at = coalesce(first_published_at, now()),
       withdrawn_at = null, withdraw_reason = null, withdrawn_by_name = null, updated_at = now() where id = $1`,
    [itemId, versionId, indexNumber],
  );
}

export async function setItemWithdrawn(tx: Queryable, itemId: number, reason: string, byName: string): Promise<void> {
  await tx.query(
    'update catalogue_items set withdrawn_at = now(), withdraw_reason = $2, withdrawn_by_name = $3, updated_at = now() where id = $1',
    [itemId, reason, byName],
  );
}

export async function setItemValidity(tx: Queryable, itemId: number, v: { validity: Validity; validityDate: string; note: string }): Promise<void> {
  await tx.query('update catalogue_items set validity = $2, validity_date = $3, validity_note = $4, updated_at = now() where id = $1', [
    itemId,
    v.validity,
    v.validityDate,
    v.note,
  ]);
}

export async function indexNumberTaken(db: Queryable, orgId: number, indexNumber: string): Promise<boolean> {
  return (await db.query('select 1 from catalogue_items where org_id = $1 and index_number = $2', [orgId, indexNumber])).length > 0;
}

/**
 * The next 索引号 serial of an organization for a year (year 0 for templates without {yyyy}).
 * One statement: the row lock it takes is held until the caller's transaction ends, so two
 * processes publishing at once get consecutive numbers; a rolled-back transaction gives its
 * number back before anyone saw it, and a number once committed is never handed out again.
 */
export async function nextIndexSerial(tx: Queryable, orgId: number, year: number): Promise<number> {
  const [r] = await tx.query<{ last_seq: number }>(
    `insert into catalogue_index_counters (org_id, year, last_seq) values ($1, $2, 1)
     on conflict (org_id, year) do update set last_seq = catalogue_index_counters.last_seq + 1
     returning last_seq`,
    [orgId, year],
  );
  return r!.last_seq;
}

// ── Console lists ────────────────────────────────────────────────────────────

export interface ItemListEntry {
  item: Item;
  /** The newest version (what the console works on). */
  latest: Version;
  columnName: string;
}

export async function listItemsForConsole(
  db: Queryable,
  orgId: number,
  filter: { states?: VersionState[]; columnId?: number | null; limit?: number; offset?: number } = {},
): Promise<ItemListEntry[]> {
  const rows = await db.query<ItemRow & { v: VersionRow; column_name: string }>(
    `select i.*, to_jsonb(v) as v, c.name as column_name
     from catalogue_items i
     join lateral (select * from catalogue_versions x where x.item_id = i.id order by x.version desc limit 1) v on true
     join catalogue_columns c on c.id = v.column_id
     where i.org_id = $1 and ($2::text[] is null or v.state = any($2::text[])) and ($3::bigint is null or v.column_id = $3)
     order by v.updated_at desc, i.id desc limit $4 offset $5`,
    [orgId, filter.states ?? null, filter.columnId ?? null, filter.limit ?? 50, filter.offset ?? 0],
  );
  return rows.map((r) => ({ item: toItem(r), latest: toVersion(jsonVersion(r.v)), columnName: r.column_name }));
}

/** to_jsonb gives dates and numbers as JSON: back to the driver's shapes. */
function jsonVersion(v: VersionRow): VersionRow {
  return { ...v, id: Number(v.id), org_id: Number(v.org_id), item_id: Number(v.item_id), column_id: Number(v.column_id), author_id: v.author_id === null ? null : Number(v.author_id) };
}

export async function countItemsByState(db: Queryable, orgId: number): Promise<Record<string, number>> {
  const rows = await db.query<{ state: string; n: number }>(
    `select v.state, count(*)::int as n from catalogue_items i
     join lateral (select state from catalogue_versions x where x.item_id = i.id order by x.version desc limit 1) v on true
     where i.org_id = $1 group by v.state`,
    [orgId],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Versions waiting in review in an organization, with the stage they wait at. */
export async function listInReview(db: Queryable, orgId: number): Promise<Version[]> {
  return (
    await db.query<VersionRow>(`select * from catalogue_versions where org_id = $1 and state = 'in_review' order by submitted_at, id`, [orgId])
  ).map(toVersion);
}

// ── Sign-offs and acknowledgements ──────────────────────────────────────────

interface SignoffRow {
  id: number;
  version_id: number;
  round: number;
  stage_index: number;
  stage_name: string;
  role: string;
  decision: 'approve' | 'reject';
  reason: string;
  user_id: number | null;
  user_name: string;
  at: Date;
}
const toSignoff = (r: SignoffRow): Signoff => ({
  id: r.id,
  versionId: r.version_id,
  round: r.round,
  stageIndex: r.stage_index,
  stageName: r.stage_name,
  role: r.role,
  decision: r.decision,
  reason: r.reason,
  userId: r.user_id,
  userName: r.user_name,
  at: iso(r.at)!,
});

export async function insertSignoff(
  tx: Queryable,
  s: { orgId: number; itemId: number; versionId: number; round: number; stageIndex: number; stageName: string; role: string; decision: 'approve' | 'reject'; reason: string; userId: number | null; userName: string },
): Promise<void> {
  await tx.query(
    `insert into catalogue_signoffs (org_id, item_id, version_id, round, stage_index, stage_name, role, decision, reason, user_id, user_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [s.orgId, s.itemId, s.versionId, s.round, s.stageIndex, s.stageName, s.role, s.decision, s.reason, s.userId, s.userName],
  );
}

export async function listSignoffs(db: Queryable, versionId: number): Promise<Signoff[]> {
  return (await db.query<SignoffRow>('select * from catalogue_signoffs where version_id = $1 order by id', [versionId])).map(toSignoff);
}

/** Item ids an organization's versions wait for the given stage roles at (for the review queue). */
interface AckRow {
  id: number;
  version_id: number;
  detector: string;
  match_text: string;
  reason: string;
  user_name: string;
  at: Date;
}
const toAck = (r: AckRow): FindingAck => ({ id: r.id, versionId: r.version_id, detector: r.detector, matchText: r.match_text, reason: r.reason, userName: r.user_name, at: iso(r.at)! });

export async function listAcks(db: Queryable, versionId: number): Promise<FindingAck[]> {
  return (await db.query<AckRow>('select * from catalogue_finding_acks where version_id = $1 order by id', [versionId])).map(toAck);
}

export async function insertAck(
  tx: Queryable,
  a: { orgId: number; versionId: number; detector: string; matchText: string; reason: string; userId: number | null; userName: string },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into catalogue_finding_acks (org_id, version_id, detector, match_text, reason, user_id, user_name) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (version_id, detector, match_text) do nothing returning id`,
    [a.orgId, a.versionId, a.detector, a.matchText, a.reason, a.userId, a.userName],
  );
  return rows.length > 0;
}

/** A new version inherits the acknowledgements of the one it was revised from. */
export async function copyAcks(tx: Queryable, fromVersionId: number, toVersionId: number): Promise<void> {
  await tx.query(
    `insert into catalogue_finding_acks (org_id, version_id, detector, match_text, reason, user_id, user_name, at)
     select org_id, $2, detector, match_text, reason, user_id, user_name, at from catalogue_finding_acks where version_id = $1
     on conflict do nothing`,
    [fromVersionId, toVersionId],
  );
}

// ── Attachments ──────────────────────────────────────────────────────────────

interface AttachmentRow {
  id: number;
  version_id: number;
  position: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  text: string;
}
const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  versionId: r.version_id,
  position: r.position,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  text: r.text,
});

export async function listAttachments(db: Queryable, versionId: number): Promise<Attachment[]> {
  return (await db.query<AttachmentRow>('select * from catalogue_attachments where version_id = $1 order by position, id', [versionId])).map(toAttachment);
}

export async function findAttachment(db: Queryable, id: number): Promise<(Attachment & { orgId: number }) | undefined> {
  const [r] = await db.query<AttachmentRow & { org_id: number }>('select * from catalogue_attachments where id = $1', [id]);
  return r && { ...toAttachment(r), orgId: r.org_id };
}

/** An attachment of a live version (what the portal may send). */
export async function findLiveAttachment(db: Queryable, id: number): Promise<(Attachment & { orgId: number }) | undefined> {
  const [r] = await db.query<AttachmentRow & { org_id: number }>(
    `select a.* from catalogue_attachments a join catalogue_items i on i.published_version_id = a.version_id
     where a.id = $1 and i.withdrawn_at is null`,
    [id],
  );
  return r && { ...toAttachment(r), orgId: r.org_id };
}

export async function attachmentOrgId(db: Queryable, value: string): Promise<number | null> {
  if (!isId(value)) return null;
  const [r] = await db.query<{ org_id: number }>('select org_id from catalogue_attachments where id = $1', [Number(value)]);
  return r?.org_id ?? null;
}

export async function insertAttachment(
  tx: Queryable,
  a: { orgId: number; versionId: number; fileName: string; mediaType: string; content: Buffer; sha256: string; text: string },
): Promise<number> {
  await tx.query('insert into catalogue_blobs (org_id, sha256, content) values ($1, $2, $3) on conflict do nothing', [a.orgId, a.sha256, a.content]);
  const [r] = await tx.query<{ id: number }>(
    `insert into catalogue_attachments (org_id, version_id, position, file_name, media_type, size_bytes, sha256, text)
     values ($1, $2, (select coalesce(max(position), 0) + 1 from catalogue_attachments where version_id = $2), $3, $4, $5, $6, $7) returning id`,
    [a.orgId, a.versionId, a.fileName, a.mediaType, a.content.length, a.sha256, a.text],
  );
  return r!.id;
}

export async function deleteAttachmentRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('delete from catalogue_attachments where id = $1', [id]);
}

export async function copyAttachments(tx: Queryable, fromVersionId: number, toVersionId: number): Promise<void> {
  await tx.query(
    `insert into catalogue_attachments (org_id, version_id, position, file_name, media_type, size_bytes, sha256, text)
     select org_id, $2, position, file_name, media_type, size_bytes, sha256, text from catalogue_attachments where version_id = $1`,
    [fromVersionId, toVersionId],
  );
}

export async function attachmentContent(db: Queryable, orgId: number, sha256: string): Promise<Buffer | undefined> {
  const [r] = await db.query<{ content: Uint8Array }>('select content from catalogue_blobs where org_id = $1 and sha256 = $2', [orgId, sha256]);
  return r && Buffer.from(r.content);
}

// ── 解读 links ───────────────────────────────────────────────────────────────

export async function insertInterpretationLink(tx: Queryable, orgId: number, policyItemId: number, interpretationItemId: number, byName: string): Promise<boolean> {
  const rows = await tx.query(
    `insert into catalogue_interpretations (org_id, policy_item_id, interpretation_item_id, created_by_name) values ($1, $2, $3, $4)
     on conflict do nothing returning org_id`,
    [orgId, policyItemId, interpretationItemId, byName],
  );
  return rows.length > 0;
}

export async function deleteInterpretationLink(tx: Queryable, policyItemId: number, interpretationItemId: number): Promise<boolean> {
  const rows = await tx.query('delete from catalogue_interpretations where policy_item_id = $1 and interpretation_item_id = $2 returning org_id', [
    policyItemId,
    interpretationItemId,
  ]);
  return rows.length > 0;
}

export interface LinkedItem {
  itemId: number;
  title: string;
  indexNumber: string | null;
  live: boolean;
}

/** Items linked to this one: its interpretations (as policy) and the policies it interprets. */
export async function listLinks(db: Queryable, itemId: number): Promise<{ interpretations: LinkedItem[]; policies: LinkedItem[] }> {
  const rows = await db.query<{ kind: 'interpretation' | 'policy'; item_id: number; title: string; index_number: string | null; live: boolean }>(
    `select l.kind, i.id as item_id, i.index_number, (i.published_version_id is not null and i.withdrawn_at is null) as live,
       coalesce(pv.title, (select x.title from catalogue_versions x where x.item_id = i.id order by x.version desc limit 1)) as title
     from (select 'interpretation' as kind, interpretation_item_id as other from catalogue_interpretations where policy_item_id = $1
           union all select 'policy', policy_item_id from catalogue_interpretations where interpretation_item_id = $1) l
     join catalogue_items i on i.id = l.other left join catalogue_versions pv on pv.id = i.published_version_id
     order by i.id`,
    [itemId],
  );
  const map = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ itemId: r.item_id, title: r.title, indexNumber: r.index_number, live: r.live }));
  return { interpretations: map('interpretation'), policies: map('policy') };
}

export interface LinkCandidate {
  itemId: number;
  title: string;
  columnKind: ColumnKind;
  docKind: DocKind | null;
  publishedDate: string | null;
  live: boolean;
}

/**
 * Items of an organization that could take part in a 解读 link with `itemId` (latest version in a
 * 政策文件 or 政策解读 column, or with a 文件类型), not yet linked to it, newest first. The caller
 * keeps the right side with rules/interpretation.ts.
 */
export async function listLinkCandidates(db: Queryable, orgId: number, itemId: number, limit = 500): Promise<LinkCandidate[]> {
  const rows = await db.query<{ item_id: number; title: string; column_kind: ColumnKind; doc_kind: DocKind | null; published_date: string | null; live: boolean }>(
    `select i.id as item_id, v.title, c.kind as column_kind, v.doc_kind, v.published_date,
       (i.published_version_id is not null and i.withdrawn_at is null) as live
     from catalogue_items i
     join lateral (select x.title, x.column_id, x.doc_kind, x.published_date, x.updated_at from catalogue_versions x where x.item_id = i.id order by x.version desc limit 1) v on true
     join catalogue_columns c on c.id = v.column_id
     where i.org_id = $1 and i.id <> $2 and (c.kind in ('policy', 'interpretation') or v.doc_kind is not null)
       and not exists (select 1 from catalogue_interpretations l
                       where (l.policy_item_id = i.id and l.interpretation_item_id = $2) or (l.interpretation_item_id = i.id and l.policy_item_id = $2))
     order by v.updated_at desc, i.id desc limit $3`,
    [orgId, itemId, limit],
  );
  return rows.map((r) => ({ itemId: r.item_id, title: r.title, columnKind: r.column_kind, docKind: r.doc_kind, publishedDate: r.published_date, live: r.live }));
}

// ── Portal (live items only) ─────────────────────────────────────────────────

export interface LiveItem {
  item: Item;
  version: Version;
}

const LIVE_JOIN = `from catalogue_items i join catalogue_versions v on v.id = i.published_version_id where i.withdrawn_at is null`;

export async function findLiveItem(db: Queryable, id: number): Promise<(LiveItem & { columnName: string }) | undefined> {
  // One statement for the item page: the version's columns, the item's prefixed, the column's name.
  const [r] = await db.query<VersionRow & Record<string, unknown>>(
    `select v.*, i.index_number as i_index_number, i.published_version_id as i_published_version_id, i.first_published_at as i_first_published_at,
       i.withdrawn_at as i_withdrawn_at, i.withdraw_reason as i_withdraw_reason, i.withdrawn_by_name as i_withdrawn_by_name, i.validity as i_validity,
       i.validity_date as i_validity_date, i.validity_note as i_validity_note, i.view_count as i_view_count, i.created_at as i_created_at,
       i.updated_at as i_updated_at, c.name as column_name
     from catalogue_items i join catalogue_versions v on v.id = i.published_version_id join catalogue_columns c on c.id = v.column_id
     where i.id = $1 and i.withdrawn_at is null`,
    [id],
  );
  if (!r) return undefined;
  const item = Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('i_')).map(([k, v]) => [k.slice(2), v]));
  return { item: toItem({ ...(item as unknown as ItemRow), id, org_id: r.org_id }), version: toVersion(r), columnName: String(r.column_name) };
}

export interface LiveListEntry {
  itemId: number;
  title: string;
  indexNumber: string;
  docNumber: string;
  publishedDate: string;
  validity: Validity;
  docKind: DocKind | null;
  columnId: number;
  orgId: number;
}

interface LiveListRow {
  item_id: number;
  title: string;
  index_number: string;
  doc_number: string;
  published_date: string;
  validity: Validity;
  doc_kind: DocKind | null;
  column_id: number;
  org_id: number;
}
const toLiveEntry = (r: LiveListRow): LiveListEntry => ({
  itemId: r.item_id,
  title: r.title,
  indexNumber: r.index_number,
  docNumber: r.doc_number,
  publishedDate: r.published_date,
  validity: r.validity,
  docKind: r.doc_kind,
  columnId: r.column_id,
  orgId: r.org_id,
});
const LIVE_COLUMNS = 'v.item_id, v.title, i.index_number, v.doc_number, v.published_date, i.validity, v.doc_kind, v.column_id, v.org_id';

/**
 * The live items of these columns in catalogue_search (one row per live item), whose (column_id,
 * published_date, item_id) index gives one column's items newest first: a page is read there and
 * only its rows are joined. Counting and paging through the versions joined with the items read a
 * whole column first (1 s for a column of 100,000 items, issue 19).
 */
const inColumns = (columnIds: number[]) =>
  columnIds.length === 1 ? { where: 's.column_id = $1::bigint', param: columnIds[0]! } : { where: 's.column_id = any($1::bigint[])', param: columnIds };
const LIVE_OF_PAGE = 'join catalogue_items i on i.id = s.item_id join catalogue_versions v on v.id = i.published_version_id';

/** One page of a column, newest first. */
export async function listLiveInColumn(db: Queryable, columnIds: number[], limit: number, offset: number): Promise<LiveListEntry[]> {
  const c = inColumns(columnIds);
  const rows = await db.query<LiveListRow>(
    `select ${LIVE_COLUMNS} from (select s.item_id from catalogue_search s where ${c.where}
       order by s.published_date desc, s.item_id desc limit $2 offset $3) s ${LIVE_OF_PAGE}
     order by v.published_date desc, v.item_id desc`,
    [c.param, limit, offset],
  );
  return rows.map(toLiveEntry);
}

export async function countLiveInColumn(db: Queryable, columnIds: number[]): Promise<number> {
  const c = inColumns(columnIds);
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from catalogue_search s where ${c.where}`, [c.param]);
  return r?.n ?? 0;
}

/** Where a column page starts: after the item of this 发布日期 (null: an old link's undated cursor) and id, in the list's order. */
export interface ColumnCursor {
  date: string | null;
  itemId: number;
}

/**
 * One page of a column by keyset (deep pages as fast as the first): `before` the items older than the
 * cursor in the list's order (newest first), or `after` the newer ones, returned newest first too.
 */
export async function listLiveInColumnFrom(db: Queryable, columnIds: number[], limit: number, from: { before: ColumnCursor } | { after: ColumnCursor }): Promise<LiveListEntry[]> {
  const older = 'before' in from;
  const c = older ? from.before : from.after;
  // Live items always have a date (catalogue_search.published_date is not null); an undated cursor
  // is an old link's: everything is older than it, nothing newer.
  if (c.date === null) return older ? listLiveInColumn(db, columnIds, limit, 0) : [];
  const order = (t: string) => (older ? `${t}.published_date desc, ${t}.item_id desc` : `${t}.published_date asc, ${t}.item_id asc`);
  const columns = inColumns(columnIds);
  const rows = await db.query<LiveListRow>(
    `select ${LIVE_COLUMNS} from (select s.item_id from catalogue_search s where ${columns.where} and (s.published_date, s.item_id) ${older ? '<' : '>'} ($2::date, $3)
       order by ${order('s')} limit $4) s ${LIVE_OF_PAGE}
     order by ${order('v')}`,
    [columns.param, c.date, c.itemId, limit],
  );
  const entries = rows.map(toLiveEntry);
  return older ? entries : entries.reverse();
}

/** Newest live items of the organizations in a subtree (the region home). */
/** orgName: the full name (the public reads it beside items of many agencies). */
export async function listLiveUnder(db: Queryable, path: string, limit: number): Promise<(LiveListEntry & { orgName: string; orgCode: string })[]> {
  const rows = await db.query<LiveListRow & { org_name: string; org_code: string }>(
    `select ${LIVE_COLUMNS}, o.full_name as org_name, o.code as org_code
     from catalogue_search s join catalogue_items i on i.id = s.item_id join catalogue_versions v on v.id = i.published_version_id
     join organizations o on o.id = s.org_id
     where o.path like $1 || '%' order by s.published_date desc, s.item_id desc limit $2`,
    [path, limit],
  );
  return rows.map((r) => ({ ...toLiveEntry(r), orgName: r.org_name, orgCode: r.org_code }));
}

/** Per column: live item count and the newest publication date (portal home, column health). */
export async function columnActivity(db: Queryable, orgId: number): Promise<Map<number, { count: number; lastPublished: string | null }>> {
  const rows = await db.query<{ column_id: number; n: number; last: string | null }>(
    `select v.column_id, count(*)::int as n, max(v.published_date) as last
     from catalogue_versions v join catalogue_items i on i.id = v.item_id
     where v.org_id = $1 and v.state = 'published' and i.withdrawn_at is null group by v.column_id`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.column_id, { count: r.n, lastPublished: r.last }]));
}

/** columnActivity of many organizations in one statement. */
export async function columnActivityOfOrgs(db: Queryable, orgIds: readonly number[]): Promise<Map<number, Map<number, { count: number; lastPublished: string | null }>>> {
  const out = new Map<number, Map<number, { count: number; lastPublished: string | null }>>();
  if (orgIds.length === 0) return out;
  const rows = await db.query<{ org_id: number; column_id: number; n: number; last: string | null }>(
    `select v.org_id, v.column_id, count(*)::int as n, max(v.published_date) as last
     from catalogue_versions v join catalogue_items i on i.id = v.item_id
     where v.org_id = any($1::bigint[]) and v.state = 'published' and i.withdrawn_at is null group by v.org_id, v.column_id`,
    [orgIds],
  );
  for (const r of rows) {
    const id = Number(r.org_id);
    const m = out.get(id) ?? out.set(id, new Map()).get(id)!;
    m.set(r.column_id, { count: r.n, lastPublished: r.last });
  }
  return out;
}

/** liveVersionDates of many organizations in one statement, each in the same order. */
export async function liveVersionDatesOfOrgs(db: Queryable, orgIds: readonly number[], since: string): Promise<Map<number, Awaited<ReturnType<typeof liveVersionDates>>>> {
  const out = new Map<number, Awaited<ReturnType<typeof liveVersionDates>>>();
  if (orgIds.length === 0) return out;
  const rows = await db.query<{ org_id: number; item_id: number; title: string; column_id: number; formed_date: string | null; published_date: string | null; deadline_basis: string }>(
    `select v.org_id, v.item_id, v.title, v.column_id, v.formed_date, v.published_date, v.deadline_basis
     from catalogue_versions v join catalogue_items i on i.id = v.item_id
     where v.org_id = any($1::bigint[]) and v.state = 'published' and i.withdrawn_at is null and (v.published_date is null or v.published_date >= $2)
     order by v.org_id, v.published_date desc nulls first, v.item_id desc`,
    [orgIds, since],
  );
  for (const r of rows) {
    const id = Number(r.org_id);
    const list = out.get(id) ?? out.set(id, []).get(id)!;
    list.push({ itemId: r.item_id, title: r.title, columnId: r.column_id, formedDate: r.formed_date, publishedDate: r.published_date, deadlineBasis: r.deadline_basis });
  }
  return out;
}

/** Live versions of an organization with the dates the health and Art. 26 checks need. */
export async function liveVersionDates(
  db: Queryable,
  orgId: number,
  since: string,
): Promise<{ itemId: number; title: string; columnId: number; formedDate: string | null; publishedDate: string | null; deadlineBasis: string }[]> {
  const rows = await db.query<{ item_id: number; title: string; column_id: number; formed_date: string | null; published_date: string | null; deadline_basis: string }>(
    `select v.item_id, v.title, v.column_id, v.formed_date, v.published_date, v.deadline_basis
     from catalogue_versions v join catalogue_items i on i.id = v.item_id
     where v.org_id = $1 and v.state = 'published' and i.withdrawn_at is null and (v.published_date is null or v.published_date >= $2)
     order by v.published_date desc nulls first, v.item_id desc`,
    [orgId, since],
  );
  return rows.map((r) => ({ itemId: r.item_id, title: r.title, columnId: r.column_id, formedDate: r.formed_date, publishedDate: r.published_date, deadlineBasis: r.deadline_basis }));
}

export async function listLiveColumnIds(db: Queryable): Promise<number[]> {
  return (await db.query<{ column_id: number }>('select distinct column_id from catalogue_search order by column_id')).map((r) => r.column_id);
}

/** Facts for 第二十条第（一）项: the live 规章 and 行政规范性文件 of an organization. */
export async function policyDocumentFacts(db: Queryable, orgId: number) {
  const rows = await db.query<{ doc_kind: DocKind; written_date: string | null; published_date: string | null; validity: Validity; validity_date: string | null }>(
    `select v.doc_kind, v.written_date, v.published_date, i.validity, i.validity_date ${LIVE_JOIN}
     and i.org_id = $1 and v.doc_kind in ('regulation', 'normative')`,
    [orgId],
  );
  return rows.map((r) => ({ docKind: r.doc_kind, writtenDate: r.written_date, publishedDate: r.published_date, validity: r.validity, validityDate: r.validity_date }));
}

// ── Search ───────────────────────────────────────────────────────────────────

export async function upsertSearchRow(
  tx: Queryable,
  s: { itemId: number; orgId: number; columnId: number; publishedDate: string; docNumber: string; title: string; text: string; vector: string },
): Promise<void> {
  await tx.query(
    `insert into catalogue_search (item_id, org_id, column_id, published_date, doc_number, title, text, vector)
     values ($1, $2, $3, $4, $5, $6, $7, $8::tsvector || catalogue_filter_lexemes($2, $3, $4::date))
     on conflict (item_id) do update set org_id = excluded.org_id, column_id = excluded.column_id, published_date = excluded.published_date,
       doc_number = excluded.doc_number, title = excluded.title, text = excluded.text, vector = excluded.vector`,
    [s.itemId, s.orgId, s.columnId, s.publishedDate, s.docNumber, s.title, s.text, s.vector],
  );
}

export async function deleteSearchRow(tx: Queryable, itemId: number): Promise<void> {
  await tx.query('delete from catalogue_search where item_id = $1', [itemId]);
}

export interface SearchFilters {
  orgPath?: string | null;
  columnId?: number | null;
  year?: number | null;
  docNumber?: string | null;
}

export interface SearchHit {
  itemId: number;
  orgId: number;
  /** The short name (the API's field); the portal shows orgFullName. */
  orgName: string;
  orgFullName: string;
  orgCode: string;
  columnId: number;
  title: string;
  docNumber: string;
  publishedDate: string;
  indexNumber: string;
  /** Text around the first occurrence of the first term (else of its first word). */
  excerpt: string;
  rank: number;
}

/** A page of hits; `total`: the matches counted, `capped`: there are more. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
  capped?: boolean;
}

/** What searchLive looks for (built by search/query.ts). */
export interface SearchQuery {
  /** Every word must occur: the tsquery narrows through the GIN index (when there is one), the LIKE patterns make the match exact. */
  tsquery: string | null;
  patterns: string[];
  /** The words as such, for relevance. */
  words: string[];
  /** Every term whole (LIKE patterns): all of them in the title ranks higher. */
  termPatterns: string[];
  /** The terms that are more than one word (LIKE patterns): each one found whole ranks an item first. */
  phrasePatterns: string[];
  /** tsquery of the terms whole, to add older exact matches to the candidates. */
  termTsquery: string | null;
  /** The excerpt starts before the first of these found in the text. */
  excerptAt: string[];
  /** Estimated share of items with every word, and with every term whole (column statistics). */
  estimatedShare?: number;
  termShare?: number;
}

/** Above this estimated share of all items a term is searched by walking the dates. */
const FREQUENT_SHARE = 0.03;
/** Below this estimated share a walk within one organization or column first asks the index whether it holds enough matches. */
const ASK_INDEX_BELOW_SHARE = 0.25;
/**
 * How many items (under the filters, newest first) such a walk reads at most for its first
 * WALK_MATCHES matches: each costs a substring check of its text (about 5 µs here), so 4,000 keep
 * the walk near 20 ms. A deeper page needs more matches, and its walk reads proportionally more
 * (page 50, the deepest, 20,000 items): bounded by the page, as a search engine's deep pages cost
 * more, instead of falling back to reading every match through the GIN index (seconds at 1 M).
 */
const WALK_ROWS = 4000;
/**
 * How many matches such a walk collects (or the page's end, if further): the newest ones, ranked
 * among themselves; ten pages. Collecting 1,000 to count them cost as much again as the rest.
 */
const WALK_MATCHES = 200;
/** Memory for a search's bitmaps and sorts (per search running; PostgreSQL's default is 4 MB). */
const SEARCH_WORK_MEM = '16MB';

const likeOp = (pattern: string) => (/[a-z]/i.test(pattern) ? 'ilike' : 'like');

/**
 * Live items containing every word of the query. At most `countLimit` matches are counted.
 * Relevance: every multi-word term found whole first, then all terms whole in the title, then how
 * many of the words the title has, then how often the words occur.
 */
export async function searchLive(
  db: Database,
  q: SearchQuery,
  f: SearchFilters,
  opts: {
    order: 'relevance' | 'date'; limit: number; offset: number; countLimit: number; walkRows?: number; walkMatches?: number;
    /** The query as typed: a walk is kept for the next page of the same one (its pager's links carry it verbatim). */
    typed?: string;
  },
): Promise<SearchPage> {
  /** The matches a walk looks for: ten pages, or as far as the page asked for. */
  const firstMatches = opts.walkMatches ?? WALK_MATCHES;
  const walkMatches = Math.min(opts.countLimit, Math.max(firstMatches, opts.offset + opts.limit));
  /** The organization filter's organizations (the subtree of orgPath), read in the transaction. */
  let orgIds: number[] | null = null;
  /** The filter with its own parameters. `indexed`: through the GIN index (else the substring checks alone). */
  const filter = (params: unknown[], indexed: boolean, tsquery = q.tsquery, patterns = q.patterns) => {
    const p = (v: unknown) => `$${params.push(v)}`;
    const w: string[] = [];
    const gin = Boolean(tsquery && indexed);
    if (gin) w.push(`s.vector @@ ${p([`(${tsquery})`, ...filterTsquery(f)].join(' & '))}::tsquery`);
    // Case only matters for Latin letters: LIKE is much cheaper than ILIKE on Chinese text.
    for (const pattern of patterns) w.push(`s.text ${likeOp(pattern)} ${p(pattern)}`);
    // Through the GIN index the filters' lexemes already narrow the matches: the filters are checked
    // on them ("+ 0": not through their own indexes, whose bitmaps — a large organization's 100,000
    // items — the planner would AND with the GIN's for nothing).
    const col = (name: string) => (gin ? `s.${name} + 0` : `s.${name}`);
    // One organization as such, so that its (org_id, published_date, item_id) index gives its items newest first.
    if (orgIds) w.push(orgIds.length === 1 ? `${col('org_id')} = ${p(orgIds[0])}` : `${col('org_id')} = any(${p(orgIds)}::bigint[])`);
    if (f.columnId) w.push(`${col('column_id')} = ${p(f.columnId)}`);
    if (f.year) w.push(`${col('published_date')} >= ${p(`${f.year}-01-01`)}::date and ${col('published_date')} < ${p(`${f.year + 1}-01-01`)}::date`);
    if (f.docNumber) w.push(`s.doc_number ilike ${p(`%${f.docNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    return w.length ? w.join(' and ') : 'true';
  };

  const excerptOf = (p: (v: unknown) => string) =>
    `substr(c.text, greatest(1, coalesce(${[...q.excerptAt.filter(Boolean).map((x) => `nullif(strpos(lower(c.text), lower(${p(x)})), 0)`), '1'].join(', ')}) - 40), 160) as excerpt`;
  const byDate = 'c.published_date desc, c.item_id desc';
  const pageColumns = 'c.item_id, c.org_id, c.column_id, c.title, c.doc_number, c.published_date';
  /** The page's hits with their organizations and index numbers. */
  const withOrgs = (page: string) => `select page.*, o.short_name as org_name, o.full_name as org_full_name, o.code as org_code, i.index_number
       from (${page}) page join organizations o on o.id = page.org_id join catalogue_items i on i.id = page.item_id`;
  type HitRow = {
    item_id: number | null; org_id: number; org_name: string; org_full_name: string; org_code: string; column_id: number; title: string; doc_number: string;
    published_date: string; index_number: string; excerpt: string; rank: number;
  };
  const toHits = (rows: HitRow[]): SearchHit[] =>
    rows.filter((r) => r.item_id !== null).map((r) => ({
      itemId: r.item_id!, orgId: r.org_id, orgName: r.org_name, orgFullName: r.org_full_name, orgCode: r.org_code, columnId: r.column_id, title: r.title,
      docNumber: r.doc_number, publishedDate: r.published_date, indexNumber: r.index_number, excerpt: r.excerpt, rank: Number(r.rank),
    }));
  /**
   * Ranking reads every candidate, so the candidates are the newest matches. When there are more,
   * the exact matches (terms whole) among them may be few: the newest countLimit of those join the
   * candidates, unless the terms are frequent themselves (then the newest matches have enough of them).
   */
  const withExact = Boolean(opts.order === 'relevance' && q.phrasePatterns.length && q.termTsquery && (q.termShare ?? 0) < FREQUENT_SHARE);
  const toMatch = (r: { item_id: number; published_date: string }): Match => ({ id: Number(r.item_id), date: String(r.published_date) });
  /** The newest items with the terms whole (up to countLimit): through the GIN index, by date. */
  const exactOf = (params: unknown[]) =>
    `select s.item_id, s.published_date from catalogue_search s where ${filter(params, true, q.termTsquery, q.termPatterns)} order by s.published_date desc, s.item_id desc limit $${params.push(opts.countLimit)}`;

  // A frequent term's walk so far, kept for the next page while the site's version stays (search/walks.ts).
  const walk = (q.estimatedShare ?? 0) >= FREQUENT_SHARE
    ? walks.of(JSON.stringify([opts.typed ?? null, q.patterns, q.termPatterns, f, opts.walkRows ?? null, firstMatches]), await pageVersion(db, [SITE_SCOPE]))
    : null;

  return db.transaction(async (transaction) => {
    // Its settings go with the statement after them, not in a round trip of their own.
    const tx = execWithNextQuery(transaction);
    orgIds = f.orgPath
      ? (await tx.query<{ id: number }>(`select id from organizations where path like $1 || '%'`, [f.orgPath])).map((r) => Number(r.id))
      : null;
    if (orgIds && !orgIds.length) return { total: 0, hits: [] };
    // Only bitmap scans (the GIN index) until the frequent-term path below: with correlated bigrams
    // and prefix tokens the planner's estimates are poor, and a sequential scan or a walk of the
    // date index looking for `limit` matches of a rare term would read the whole table.
    // No JIT compilation: a disabled plan type costs 10^10, far above jit_above_cost, and compiling
    // then takes longer (a quarter of a second) than the query itself.
    // work_mem: a bitmap of a medium term's matches (80,000 at 1 M items) stays exact when ANDed with
    // an organization's or a column's items; at the default 4 MB it turns lossy, and every row of the
    // lossy pages is checked again (a second instead of a tenth).
    await tx.exec(`set local jit = off; set local enable_seqscan = off; set local enable_indexscan = off; set local work_mem = '${SEARCH_WORK_MEM}'`);
    // A frequent term (by the column statistics: the planner itself underestimates, the bigrams of
    // a word being correlated) is searched by walking the dates with the substring checks alone
    // until WALK_MATCHES matches are found: through the GIN index that would mean reading every
    // match, and counting them there first would read each posting list whole (tens of ms for a
    // word in every item). The walk counts the matches itself, and reads at most WALK_ROWS items:
    // when the estimate was too high and those hold fewer matches than the page needs, the search
    // is done again through the GIN index.
    //
    // Within one organization or column the words may be far rarer than overall (an agency that never
    // writes about the topic): the walk would read its WALK_ROWS items in vain. The GIN index, with
    // the filter's lexemes, tells first whether it holds at least the walk's matches: from the index
    // alone (no row read), so it may count an item whose words are not together, never miss one.
    // None: nothing to find; fewer: those are read through the index at once.
    // Not for words in most items: an agency without them is unlikely, and counting their many matches
    // in a large organization would cost more than the walk that finds its page in a few hundred items.
    const frequent = walk !== null;
    // (Not again when a walk of these words and filters is kept: that one found its first matches.)
    if (frequent && !walk?.lookedFor && (q.estimatedShare ?? 0) < ASK_INDEX_BELOW_SHARE && q.tsquery && (orgIds || f.columnId)) {
      // Up to the matches the page needs: a deep page whose filter holds fewer candidates reads them
      // through the index, fewer rows than its walk would read (all the filter's items, for page 50).
      const [probe] = await tx.query<{ n: number }>(
        'select count(*)::int as n from (select 1 from catalogue_search s where s.vector @@ $1::tsquery limit $2) x',
        [[`(${q.tsquery})`, ...filterTsquery(f)].join(' & '), walkMatches],
      );
      const candidates = probe?.n ?? 0;
      if (candidates === 0) return { total: 0, hits: [] };
      // Ranked as the walk would rank them, so that the pages agree with those the walk gives.
      if (candidates < walkMatches) return run(tx, firstMatches);
    }
    if (frequent) {
      const walked = await walkNewest(tx, walk!);
      if (walked) return walked;
      await tx.exec('set local enable_indexscan = off; set local enable_bitmapscan = on; set local enable_sort = on');
      // The walk fell short (the words are rarer here than the statistics say): through the GIN index,
      // counted as usual, but ranked as the walk ranks (the newest first ten pages, then by date):
      // ranking a thousand texts costs far more than finding them.
      return run(tx, firstMatches);
    }
    return run(tx);
  });

  /** The relevance expression on candidate `c` (computed on the text, not with ts_rank, which would unpack every candidate's vector). */
  function rankOf(p: (v: unknown) => string): string {
    const n = Math.max(1, q.words.length);
    if (opts.order !== 'relevance' || !q.words.length) return '0';
    return [
      ...q.phrasePatterns.map((x) => `case when c.text ${likeOp(x)} ${p(x)} then 200 else 0 end`),
      `case when c.title ilike all(${p(q.termPatterns)}::text[]) then 100 else 0 end`,
      ...(n > 1 ? [`(${q.patterns.map((x) => `(c.title ${likeOp(x)} ${p(x)})::int`).join(' + ')}) * 40 / ${n}`] : []),
      // Occurrences from byte lengths (one pass over the text per word: octet_length is stored).
      `(${q.words
        .map((w) => {
          const text = /[a-z]/i.test(w) ? 'lower(c.text)' : 'c.text';
          return `least(10, (octet_length(${text}) - octet_length(replace(${text}, ${p(w.toLowerCase())}, ''))) / ${Buffer.byteLength(w.toLowerCase())})`;
        })
        .join(' + ')}) / ${n}`,
    ].join(' + ');
  }
  /**
   * A frequent term: the newest items under the filters (through the index that gives them in
   * date order) each checked for the words, until the matches the page needs are found or the
   * walk's bound of items is read. It goes on from where the kept walk of the same query stopped.
   * Null: it fell short (fewer matches than a page needs, the words rarer than estimated).
   */
  async function walkNewest(tx: Queryable, walk: Walk): Promise<SearchPage | null> {
    const relevance = opts.order === 'relevance';
    // The exact matches (withExact), read before the walk's settings, which leave the GIN index aside.
    await walk.serially(async () => {
      if (withExact && !walk.exact) {
        const params: unknown[] = [];
        walk.exact = (await tx.query<{ item_id: number; published_date: string }>(exactOf(params), params)).map(toMatch);
      }
      // Only the walk: the planner takes the words' substring checks as independent, expects few
      // matches and would otherwise read and sort every row (a sequential or bitmap scan). With a
      // column or one organization as filter, the walk goes through its own date index (migration 0032).
      await tx.exec('set local enable_indexscan = on; set local enable_bitmapscan = off; set local enable_sort = off');
      const wanted = walk.missing(walkMatches);
      if (!wanted) return;
      // A walk reads WALK_ROWS items per WALK_MATCHES matches it looks for, from the last match on.
      const rows = (opts.walkRows ?? WALK_ROWS) * Math.ceil(wanted / firstMatches);
      const last = walk.matches.at(-1);
      const newest = (params: unknown[]) =>
        `select s.item_id, s.published_date, s.text from catalogue_search s where ${filter(params, false, null, [])}${
          last ? ` and (s.published_date, s.item_id) < ($${params.push(last.date)}::date, $${params.push(last.id)})` : ''} order by s.published_date desc, s.item_id desc`;
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      const found = await tx.query<{ item_id: number; published_date: string }>(
        `select s.item_id, s.published_date from (${newest(params)} limit ${p(rows)}) s where ${q.patterns.map((x) => `s.text ${likeOp(x)} ${p(x)}`).join(' and ') || 'true'} limit ${p(wanted)}`,
        params,
      );
      // Fewer than it looked for: all there are, unless it stopped at its bound with items left.
      const moreParams: unknown[] = [];
      const more = found.length < wanted
        ? (await tx.query<{ n: number }>(`select count(*)::int as n from (select 1 from (${newest(moreParams)}) x offset $${moreParams.push(rows)} limit 1) x`, moreParams))[0]?.n
        : 0;
      walk.extend(found.map(toMatch), walkMatches, Boolean(more));
    });
    // The matches counted, up to what the walk looked for.
    const total = Math.min(walk.matches.length, walkMatches);
    if (total < opts.offset + opts.limit && total < firstMatches && walk.bounded) return null;
    // More than counted: the walk found all it looked for, or stopped at its bound. Then the words are
    // as frequent as estimated, and a page typed past the walk's matches stays empty, under
    // “N 条以上”: reading every match for it would take seconds.
    const capped = walk.matches.length >= walkMatches || walk.bounded;

    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const parts: string[] = [];
    if (relevance) {
      const at = relevancePositions(walk, firstMatches, opts.offset, opts.limit);
      if (at.ranked.length)
        parts.push(`(select ${pageColumns}, ${excerptOf(p)}, ${rankOf(p)} as rank, 0 as part from catalogue_search c where c.item_id = any(${p(at.ranked)}::bigint[])
                     order by rank desc, ${byDate} limit ${p(at.rankedLimit)} offset ${p(at.rankedOffset)})`);
      if (at.dated.length) parts.push(`select ${pageColumns}, ${excerptOf(p)}, 0 as rank, 1 as part from catalogue_search c where c.item_id = any(${p(at.dated)}::bigint[])`);
    } else {
      const ids = walk.matches.slice(opts.offset, Math.min(opts.offset + opts.limit, total)).map((m) => m.id);
      if (ids.length) parts.push(`select ${pageColumns}, ${excerptOf(p)}, 0 as rank, 0 as part from catalogue_search c where c.item_id = any(${p(ids)}::bigint[])`);
    }
    // The page: its items by id (the walk's settings), sorted (at most a page of them).
    if (parts.length) await tx.exec('set local enable_sort = on');
    const rows = parts.length
      ? await tx.query<HitRow>(`${withOrgs(parts.join(' union all '))} order by page.part, page.rank desc, page.published_date desc, page.item_id desc`, params)
      : [];
    return { total, ...(capped ? { capped } : {}), hits: toHits(rows) };
  }

  /** Through the GIN index: every match counted up to countLimit, the newest countLimit ranked (`rankNewest`: as a walk ranks). */
  async function run(tx: Queryable, rankNewest: number | null = null): Promise<SearchPage> {
    const relevance = opts.order === 'relevance';
    // The exact matches (withExact) are read within the page's statement, only when the matches fill countLimit.
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const columns = 's.item_id, s.org_id, s.column_id, s.title, s.doc_number, s.published_date, s.text';
    const newest = `select ${columns} from catalogue_search s where ${filter(params, true)} order by s.published_date desc, s.item_id desc limit ${p(opts.countLimit)}`;
    // With exact matches: those older than the newest ones (the newer ones are among them already).
    // `(select count(*) from c1) >= countLimit` is a one-time filter: below it, every match is among
    // the newest, and the exact ones are not read at all.
    const candidates = withExact
      ? `c1 as (${newest}),
         c as (select * from c1 union all
               select ${columns} from catalogue_search s where (select count(*) from c1) >= ${p(opts.countLimit)} and s.item_id = any(array(select item_id from (${exactOf(params)}) e))
                 and (s.published_date, s.item_id) < (select published_date, item_id from c1 order by published_date, item_id limit 1))`
      : `c as (${newest})`;
    // `rankNewest`: ranked as a walk ranks (search/walks.ts, relevancePositions), the newest so many
    // matches and those with the terms whole first, then the others by date.
    const walkLike = rankNewest !== null && relevance;
    const inRanking = walkLike
      ? `(c.n <= ${p(rankNewest)}${withExact ? ` or c.text ${q.termPatterns.some((x) => /[a-z]/i.test(x)) ? 'ilike' : 'like'} all(${p(q.termPatterns)}::text[])` : ''})`
      : 'true';
    const from = walkLike ? `(select c.*, row_number() over (order by ${byDate}) as n from c) c` : 'c';
    const rows = await tx.query<HitRow & { walked: number }>(
      `with ${candidates},
            page as (select ${pageColumns}, ${excerptOf(p)}, case when ${inRanking} then ${rankOf(p)} else 0 end as rank, ${inRanking} as ranked
                     from ${from} order by ${relevance ? `ranked desc, rank desc, ${byDate}` : byDate} limit ${p(opts.limit)} offset ${p(opts.offset)})
       -- The count of the matches (up to countLimit), on one row even when the page lies past the last match.
       select hits.*, w.walked from (select count(*)::int as walked from ${withExact ? 'c1' : 'c'}) w left join (${withOrgs('select * from page')}) hits on true
       order by ${relevance ? 'hits.ranked desc, hits.rank desc, ' : ''}hits.published_date desc, hits.item_id desc`,
      params,
    );
    return { total: Number(rows[0]?.walked ?? 0), hits: toHits(rows) };
  }
}

/**
 * The share of live items each frequent bigram occurs in, from the column statistics of the
 * search vectors (empty before ANALYZE has run, e.g. on PGlite without autovacuum).
 */
export async function lexemeShares(db: Queryable): Promise<Map<string, number>> {
  const [r] = await db.query<{ elems: string | string[] | null; freqs: number[] | null }>(
    `select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats where tablename = 'catalogue_search' and attname = 'vector'`,
  );
  const elems = r?.elems ? (Array.isArray(r.elems) ? r.elems : []) : [];
  return new Map(elems.map((e, i) => [e, Number(r!.freqs?.[i] ?? 0)]));
}

// ── Visits ───────────────────────────────────────────────────────────────────

/** The random salt of a day (created on first use; deleted with the day's visitor hashes). */
export async function daySalt(tx: Queryable, day: string, fresh: string): Promise<string> {
  await tx.query('insert into catalogue_visit_salts (day, salt) values ($1, $2) on conflict do nothing', [day, fresh]);
  const [r] = await tx.query<{ salt: string }>('select salt from catalogue_visit_salts where day = $1', [day]);
  return r!.salt;
}

export async function addItemViews(tx: Queryable, itemIds: number[], counts: number[]): Promise<void> {
  if (!itemIds.length) return;
  await tx.query(
    `update catalogue_items i set view_count = i.view_count + d.n
     from (select unnest($1::bigint[]) as id, unnest($2::bigint[]) as n) d where i.id = d.id`,
    [itemIds, counts],
  );
}

export async function addPageViews(tx: Queryable, orgId: number, day: string, pv: number, hashes: string[]): Promise<void> {
  await tx.query(
    `insert into catalogue_daily_visits (org_id, day, pv) values ($1, $2, $3)
     on conflict (org_id, day) do update set pv = catalogue_daily_visits.pv + excluded.pv`,
    [orgId, day, pv],
  );
  if (hashes.length) {
    await tx.query('insert into catalogue_visitor_hashes (org_id, day, hash) select $1, $2, unnest($3::text[]) on conflict do nothing', [orgId, day, hashes]);
  }
  await tx.query(
    'update catalogue_daily_visits set uv = (select count(*) from catalogue_visitor_hashes h where h.org_id = $1 and h.day = $2) where org_id = $1 and day = $2',
    [orgId, day],
  );
}

/** After a day is over its unique-visitor count is final: the hashes and the salt are deleted. */
export async function forgetVisitorsBefore(tx: Queryable, day: string): Promise<void> {
  await tx.query(
    `update catalogue_daily_visits d set uv = greatest(d.uv, x.n) from
       (select org_id, day, count(*)::int as n from catalogue_visitor_hashes where day < $1 group by org_id, day) x
     where d.org_id = x.org_id and d.day = x.day`,
    [day],
  );
  await tx.query('delete from catalogue_visitor_hashes where day < $1', [day]);
  await tx.query('delete from catalogue_visit_salts where day < $1', [day]);
}

export async function dailyVisits(db: Queryable, orgId: number, from: string): Promise<{ day: string; pv: number; uv: number }[]> {
  const rows = await db.query<{ day: string; pv: number; uv: number }>(
    'select day, pv, uv from catalogue_daily_visits where org_id = $1 and day >= $2 order by day desc',
    [orgId, from],
  );
  return rows.map((r) => ({ day: r.day, pv: Number(r.pv), uv: r.uv }));
}

export interface PolicyInterpretationDates {
  orgId: number;
  itemId: number;
  title: string;
  publishedDate: string;
  /** The 发布日期 of each live 解读 linked to it. */
  interpretationDates: string[];
}

/** The live 规章 and 行政规范性文件 of the agencies published in the year, each with its live 解读's dates. */
export async function policyInterpretationDates(db: Queryable, orgIds: readonly number[], year: number): Promise<PolicyInterpretationDates[]> {
  const rows = await db.query<{ org_id: number; item_id: number; title: string; published_date: string; dates: string[] | null }>(
    `select i.org_id, i.id as item_id, v.title, v.published_date::text as published_date,
       array(select iv.published_date::text from catalogue_interpretations l join catalogue_items ii on ii.id = l.interpretation_item_id
             join catalogue_versions iv on iv.id = ii.published_version_id
             where l.policy_item_id = i.id and ii.withdrawn_at is null and iv.published_date is not null order by 1) as dates
     from catalogue_items i join catalogue_versions v on v.id = i.published_version_id
     where i.org_id = any($1::bigint[]) and i.withdrawn_at is null and v.doc_kind in ('regulation', 'normative')
       and v.published_date between $2::date and $3::date
     order by i.org_id, v.published_date, i.id`,
    [orgIds, `${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => ({ orgId: Number(r.org_id), itemId: Number(r.item_id), title: r.title, publishedDate: r.published_date, interpretationDates: r.dates ?? [] }));
}

/** Live items whose id is in [from, to) for one part of the sitemap, by id. */
export async function listLiveForSitemapPart(db: Queryable, from: number, to: number): Promise<{ itemId: number; publishedDate: string }[]> {
  const rows = await db.query<{ item_id: number; published_date: string }>(
    'select item_id, published_date from catalogue_search where item_id >= $1 and item_id < $2 order by item_id',
    [from, to],
  );
  return rows.map((r) => ({ itemId: Number(r.item_id), publishedDate: r.published_date }));
}

/** The lowest and highest id of the live items (the sitemap index's parts), or null when there is none. */
export async function liveItemIdRange(db: Queryable): Promise<{ min: number; max: number } | null> {
  const [r] = await db.query<{ min: number | null; max: number | null }>('select min(item_id) as min, max(item_id) as max from catalogue_search');
  return r?.min === null || r?.min === undefined ? null : { min: Number(r.min), max: Number(r.max) };
}
