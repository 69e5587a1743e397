// Every SQL statement of public consultation, with the row-to-object mapping.
import type { Queryable } from '../core/db/database.ts';
import type {
  CommentCounts, CommentInput, CommentStatus, Consultation, ConsultationComment, ConsultationInput, ConsultationKind, ConsultationStatus, DayUnit, FeedbackPoint, FeedbackResult, FinalDocument,
} from './model.ts';
import type { MinimumPeriod } from './rules/minimum-period.ts';

interface ConsultationRow {
  id: number;
  org_id: number;
  kind: ConsultationKind;
  title: string;
  draft: string;
  explanation: string;
  starts_on: string;
  ends_on: string;
  contact: string;
  short_period_reason: string;
  status: ConsultationStatus;
  published_on: string | null;
  feedback_summary: string;
  feedback_published_on: string | null;
  final_item_id: number | null;
  final_title: string | null;
  final_href: string | null;
}

const COLUMNS = `id, org_id, kind, title, draft, explanation, starts_on, ends_on, contact, short_period_reason, status, published_on,
  feedback_summary, feedback_published_on, final_item_id, final_title, final_href`;

function toConsultation(r: ConsultationRow): Consultation {
  return {
    id: r.id, orgId: r.org_id, kind: r.kind, title: r.title, draft: r.draft, explanation: r.explanation, startsOn: r.starts_on, endsOn: r.ends_on,
    contact: r.contact, shortPeriodReason: r.short_period_reason, status: r.status, publishedOn: r.published_on, feedbackSummary: r.feedback_summary,
    feedbackPublishedOn: r.feedback_published_on,
    finalDocument: r.final_item_id === null ? null : { itemId: r.final_item_id, title: r.final_title ?? '', href: r.final_href ?? '' },
  };
}

export async function findConsultation(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<Consultation | undefined> {
  const [r] = await db.query<ConsultationRow>(`select ${COLUMNS} from consultations where id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return r && toConsultation(r);
}

export async function consultationOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>('select org_id from consultations where id = $1', [id]);
  return r?.org_id ?? null;
}

/** The organization's consultations, newest first. */
export async function listConsultations(db: Queryable, orgId: number): Promise<Consultation[]> {
  const rows = await db.query<ConsultationRow>(`select ${COLUMNS} from consultations where org_id = $1 order by starts_on desc, id desc`, [orgId]);
  return rows.map(toConsultation);
}

/**
 * Published consultations that have started by `day` (the portal's list), newest first: all, or those of
 * the organizations under a tree path (an agency and its subunits; a county and its agencies).
 */
export async function listPublicConsultations(db: Queryable, day: string, underPath: string | null = null): Promise<Consultation[]> {
  const rows = await db.query<ConsultationRow>(
    `select ${COLUMNS.split(/,\s*/).map((c) => `c.${c}`).join(', ')} from consultations c join organizations o on o.id = c.org_id
     where c.status <> 'draft' and c.starts_on <= $1::date and ($2::text is null or starts_with(o.path, $2))
     order by c.ends_on desc, c.id desc limit 500`,
    [day, underPath],
  );
  return rows.map(toConsultation);
}

export async function insertConsultation(tx: Queryable, orgId: number, c: ConsultationInput): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into consultations (org_id, kind, title, draft, explanation, starts_on, ends_on, contact, short_period_reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [orgId, c.kind, c.title, c.draft, c.explanation, c.startsOn, c.endsOn, c.contact, c.shortPeriodReason],
  );
  return r!.id;
}

export async function updateConsultationRecord(tx: Queryable, id: number, c: ConsultationInput): Promise<void> {
  await tx.query(
    `update consultations set kind = $2, title = $3, draft = $4, explanation = $5, starts_on = $6, ends_on = $7, contact = $8, short_period_reason = $9,
       updated_at = now() where id = $1`,
    [id, c.kind, c.title, c.draft, c.explanation, c.startsOn, c.endsOn, c.contact, c.shortPeriodReason],
  );
}

export async function setPublished(tx: Queryable, id: number, on: string, by: string): Promise<void> {
  await tx.query(`update consultations set status = 'published', published_on = $2, published_by = $3, updated_at = now() where id = $1`, [id, on, by]);
}

export async function setFeedbackSummary(tx: Queryable, id: number, summary: string): Promise<void> {
  await tx.query('update consultations set feedback_summary = $2, updated_at = now() where id = $1', [id, summary]);
}

export async function setConcluded(tx: Queryable, id: number, on: string, by: string): Promise<void> {
  await tx.query(`update consultations set status = 'concluded', feedback_published_on = $2, feedback_published_by = $3, updated_at = now() where id = $1`, [id, on, by]);
}

export async function setFinalDocument(tx: Queryable, id: number, doc: FinalDocument | null): Promise<void> {
  await tx.query('update consultations set final_item_id = $2, final_title = $3, final_href = $4, updated_at = now() where id = $1', [id, doc?.itemId ?? null, doc?.title ?? null, doc?.href ?? null]);
}

// ── Feedback points ─────────────────────────────────────────────────────────

export async function listFeedbackPoints(db: Queryable, consultationId: number): Promise<FeedbackPoint[]> {
  const rows = await db.query<{ point: string; result: FeedbackResult; reason: string }>(
    'select point, result, reason from consultation_feedback_points where consultation_id = $1 order by position',
    [consultationId],
  );
  return rows.map((r) => ({ point: r.point, result: r.result, reason: r.reason }));
}

export async function replaceFeedbackPoints(tx: Queryable, consultationId: number, points: readonly FeedbackPoint[]): Promise<void> {
  await tx.query('delete from consultation_feedback_points where consultation_id = $1', [consultationId]);
  for (const [i, p] of points.entries()) {
    await tx.query('insert into consultation_feedback_points (consultation_id, position, point, result, reason) values ($1, $2, $3, $4, $5)', [consultationId, i + 1, p.point, p.result, p.reason]);
  }
}

// ── Comments ────────────────────────────────────────────────────────────────

interface CommentRow {
  id: number;
  consultation_id: number;
  org_id: number;
  body: string;
  name: string;
  contact: string;
  channel: 'online' | 'offline';
  received_on: string;
  status: CommentStatus;
  reject_reason: string;
}

const COMMENT_COLUMNS = 'id, consultation_id, org_id, body, name, contact, channel, received_on, status, reject_reason';

const toComment = (r: CommentRow): ConsultationComment => ({
  id: r.id, consultationId: r.consultation_id, orgId: r.org_id, body: r.body, name: r.name, contact: r.contact, channel: r.channel,
  receivedOn: r.received_on, status: r.status, rejectReason: r.reject_reason,
});

export async function insertComment(tx: Queryable, c: Pick<Consultation, 'id' | 'orgId'>, input: CommentInput, channel: 'online' | 'offline', receivedOn: string): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into consultation_comments (consultation_id, org_id, body, name, contact, channel, received_on) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [c.id, c.orgId, input.body, input.name, input.contact, channel, receivedOn],
  );
  return r!.id;
}

export async function findComment(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<ConsultationComment | undefined> {
  const [r] = await db.query<CommentRow>(`select ${COMMENT_COLUMNS} from consultation_comments where id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return r && toComment(r);
}

/** A consultation's comments in the order received; `status` filters (the portal: approved only). */
export async function listComments(db: Queryable, consultationId: number, status: CommentStatus | null = null): Promise<ConsultationComment[]> {
  const rows = await db.query<CommentRow>(
    `select ${COMMENT_COLUMNS} from consultation_comments where consultation_id = $1 and ($2::text is null or status = $2) order by received_on, id`,
    [consultationId, status],
  );
  return rows.map(toComment);
}

export async function setModeration(tx: Queryable, id: number, status: CommentStatus, reason: string, by: string): Promise<void> {
  await tx.query('update consultation_comments set status = $2, reject_reason = $3, moderated_by = $4, moderated_at = now() where id = $1', [id, status, reason, by]);
}

export async function countComments(db: Queryable, consultationId: number): Promise<CommentCounts> {
  const [r] = await db.query<CommentCounts>(
    `select count(*)::int as total, count(*) filter (where channel = 'online')::int as online, count(*) filter (where channel = 'offline')::int as offline,
       count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'approved')::int as approved,
       count(*) filter (where status = 'rejected')::int as rejected
     from consultation_comments where consultation_id = $1`,
    [consultationId],
  );
  return r!;
}

/** Pending comments per consultation of the organization (the moderation queue and 待办). */
export async function pendingByConsultation(db: Queryable, orgId: number): Promise<Map<number, number>> {
  const rows = await db.query<{ consultation_id: number; n: number }>(
    `select consultation_id, count(*)::int as n from consultation_comments where org_id = $1 and status = 'pending' group by consultation_id`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.consultation_id, r.n]));
}

/** The organization's pending comments, oldest first, with their consultation's title. */
export async function listPendingComments(db: Queryable, orgId: number): Promise<(ConsultationComment & { consultationTitle: string })[]> {
  const rows = await db.query<CommentRow & { title: string }>(
    `select ${COMMENT_COLUMNS.split(/,\s*/).map((c) => `m.${c}`).join(', ')}, c.title from consultation_comments m join consultations c on c.id = m.consultation_id
     where m.org_id = $1 and m.status = 'pending' order by m.received_on, m.id limit 500`,
    [orgId],
  );
  return rows.map((r) => ({ ...toComment(r), consultationTitle: r.title }));
}

/** Published consultations whose end is before `day` and whose 结果反馈 is not published yet. */
export async function countAwaitingFeedback(db: Queryable, orgId: number, day: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from consultations where org_id = $1 and status = 'published' and ends_on < $2::date`, [orgId, day]);
  return r!.n;
}

export async function countConsultations(db: Queryable, orgId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from consultations where org_id = $1', [orgId]);
  return r!.n;
}

// ── Settings ────────────────────────────────────────────────────────────────

/** The organization's own minimum periods (kinds without a row use the defaults). */
export async function findMinimumPeriods(db: Queryable, orgId: number): Promise<Partial<Record<ConsultationKind, MinimumPeriod>>> {
  const rows = await db.query<{ kind: ConsultationKind; min_days: number; day_unit: DayUnit }>('select kind, min_days, day_unit from consultation_settings where org_id = $1', [orgId]);
  return Object.fromEntries(rows.map((r) => [r.kind, { days: r.min_days, unit: r.day_unit }]));
}

export async function upsertMinimumPeriod(tx: Queryable, orgId: number, kind: ConsultationKind, p: MinimumPeriod, by: string): Promise<void> {
  await tx.query(
    `insert into consultation_settings (org_id, kind, min_days, day_unit, updated_by) values ($1, $2, $3, $4, $5)
     on conflict (org_id, kind) do update set min_days = excluded.min_days, day_unit = excluded.day_unit, updated_by = excluded.updated_by, updated_at = now()`,
    [orgId, kind, p.days, p.unit, by],
  );
}

// ── The draft as a file ─────────────────────────────────────────────────────

export interface AttachmentMeta {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

export async function insertAttachment(tx: Queryable, c: Pick<Consultation, 'id' | 'orgId'>, a: { fileName: string; contentType: string; sha256: string; content: Buffer }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    'insert into consultation_attachments (consultation_id, org_id, file_name, content_type, size, sha256, content) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [c.id, c.orgId, a.fileName, a.contentType, a.content.length, a.sha256, a.content],
  );
  return r!.id;
}

/** The latest file of the consultation, without its bytes. */
export async function findAttachment(db: Queryable, consultationId: number): Promise<AttachmentMeta | null> {
  const [r] = await db.query<{ id: number; file_name: string; content_type: string; size: number }>(
    'select id, file_name, content_type, size from consultation_attachments where consultation_id = $1 order by id desc limit 1',
    [consultationId],
  );
  return r ? { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size } : null;
}

export async function findAttachmentContent(db: Queryable, consultationId: number): Promise<(AttachmentMeta & { content: Buffer }) | null> {
  const [r] = await db.query<{ id: number; file_name: string; content_type: string; size: number; content: Uint8Array }>(
    'select id, file_name, content_type, size, content from consultation_attachments where consultation_id = $1 order by id desc limit 1',
    [consultationId],
  );
  return r ? { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, content: Buffer.from(r.content) } : null;
}
