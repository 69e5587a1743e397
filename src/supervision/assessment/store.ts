// Every SQL statement of the task breakdown and rectification items, with the row-to-object mapping.
import type { Queryable } from '../../core/db/database.ts';
import type { Organization } from '../../orgs/model.ts';
import type { DocumentRef, Progress, Rectification, RectificationInput, Task, TaskInput } from './model.ts';
import type { Concerned } from './rules/agencies.ts';
import type { ProgressState, RectificationState, TaskState } from './rules/transitions.ts';

type Row = Record<string, unknown>;

const docRef = (r: Row): DocumentRef | null =>
  r.document_id === null || r.document_id === undefined ? null : { id: Number(r.document_id), fileName: String(r.doc_name), size: Number(r.doc_size) };

const toProgress = (r: Row): Progress => ({
  id: Number(r.id), taskId: Number(r.task_id), orgId: Number(r.org_id), orgName: String(r.org_name), orgCode: (r.org_code as string | null) ?? null,
  lead: Boolean(r.lead), state: r.state as ProgressState, note: String(r.note), evidenceLinks: (r.evidence_links as string[]) ?? [],
  document: docRef(r), returnReason: String(r.return_reason), submittedAt: (r.submitted_at as Date | null) ?? null, decidedAt: (r.decided_at as Date | null) ?? null,
});

const PROGRESS_SELECT = `select p.*, o.full_name as org_name, o.code as org_code, d.file_name as doc_name, length(d.content) as doc_size
  from assessment_task_agencies p join organizations o on o.id = p.org_id left join assessment_documents d on d.id = p.document_id`;

const toTask = (r: Row, agencies: Progress[]): Task => ({
  id: Number(r.id), orgId: Number(r.org_id), year: Number(r.year), title: String(r.title), evidenceExpected: String(r.evidence_expected),
  deadline: String(r.deadline), state: r.state as TaskState, publishedAt: (r.published_at as Date | null) ?? null, agencies,
});

async function withAgencies(db: Queryable, rows: Row[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const progress = (await db.query<Row>(`${PROGRESS_SELECT} where p.task_id = any($1::bigint[]) order by p.task_id, p.lead desc, o.path`, [ids])).map(toProgress);
  return rows.map((r) => toTask(r, progress.filter((p) => p.taskId === Number(r.id))));
}

export async function insertTask(tx: Queryable, officeId: number, input: TaskInput, agencies: Concerned[]): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into assessment_tasks (org_id, year, title, evidence_expected, deadline) values ($1, $2, $3, $4, $5) returning id`,
    [officeId, input.year, input.title, input.evidenceExpected, input.deadline],
  );
  await setTaskAgencies(tx, row!.id, agencies);
  return Number(row!.id);
}

export async function updateTaskRow(tx: Queryable, id: number, input: TaskInput, agencies: Concerned[]): Promise<void> {
  await tx.query(`update assessment_tasks set year = $2, title = $3, evidence_expected = $4, deadline = $5 where id = $1`, [id, input.year, input.title, input.evidenceExpected, input.deadline]);
  await tx.query(`delete from assessment_task_agencies where task_id = $1`, [id]);
  await setTaskAgencies(tx, id, agencies);
}

async function setTaskAgencies(tx: Queryable, taskId: number, agencies: Concerned[]): Promise<void> {
  for (const a of agencies) await tx.query(`insert into assessment_task_agencies (task_id, org_id, lead) values ($1, $2, $3)`, [taskId, a.orgId, a.lead]);
}

export async function deleteTaskRow(tx: Queryable, id: number): Promise<void> {
  await tx.query(`delete from assessment_tasks where id = $1`, [id]);
}

export async function publishTaskRow(tx: Queryable, id: number): Promise<void> {
  await tx.query(`update assessment_tasks set state = 'published', published_at = now() where id = $1`, [id]);
}

export async function lockTask(tx: Queryable, id: number): Promise<Task | undefined> {
  const rows = await tx.query<Row>(`select * from assessment_tasks where id = $1 for update`, [id]);
  return (await withAgencies(tx, rows))[0];
}

export async function findTask(db: Queryable, id: number): Promise<Task | undefined> {
  return (await withAgencies(db, await db.query<Row>(`select * from assessment_tasks where id = $1`, [id])))[0];
}

/** The office's tasks of a year, by deadline. */
export async function listOfficeTasks(db: Queryable, officeId: number, year: number): Promise<Task[]> {
  return withAgencies(db, await db.query<Row>(`select * from assessment_tasks where org_id = $1 and year = $2 order by deadline, id`, [officeId, year]));
}

/** An agency's published tasks of a year (as lead or participant), by deadline, with its part first. */
export async function listAgencyTasks(db: Queryable, agencyId: number, year: number): Promise<{ task: Task; mine: Progress }[]> {
  const rows = await db.query<Row>(
    `select t.* from assessment_tasks t join assessment_task_agencies p on p.task_id = t.id
      where p.org_id = $1 and t.year = $2 and t.state = 'published' order by t.deadline, t.id`,
    [agencyId, year],
  );
  // an agency sees its own part of a task, never the other agencies' (nor their names)
  return (await withAgencies(db, rows)).map((task) => {
    const mine = task.agencies.find((a) => a.orgId === agencyId)!;
    return { task: { ...task, agencies: [mine] }, mine };
  });
}

export async function lockProgress(tx: Queryable, id: number): Promise<Progress | undefined> {
  await tx.query(`select id from assessment_task_agencies where id = $1 for update`, [id]);
  return findProgress(tx, id);
}

export async function findProgress(db: Queryable, id: number): Promise<Progress | undefined> {
  const [row] = await db.query<Row>(`${PROGRESS_SELECT} where p.id = $1`, [id]);
  return row ? toProgress(row) : undefined;
}

export async function saveProgressRow(tx: Queryable, id: number, v: { state: ProgressState; note: string; links: string[]; documentId: number | null; submitted: boolean }): Promise<void> {
  await tx.query(
    `update assessment_task_agencies set state = $2, note = $3, evidence_links = $4::jsonb, document_id = coalesce($5, document_id),
       submitted_at = case when $6 then now() else submitted_at end where id = $1`,
    [id, v.state, v.note, v.links, v.documentId, v.submitted],
  );
}

export async function decideProgressRow(tx: Queryable, id: number, state: ProgressState, reason: string): Promise<void> {
  await tx.query(`update assessment_task_agencies set state = $2, return_reason = $3, decided_at = now() where id = $1`, [id, state, reason]);
}

export async function insertDocument(tx: Queryable, orgId: number, d: { fileName: string; contentType: string; sha256: string; content: Buffer }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into assessment_documents (org_id, file_name, content_type, sha256, content) values ($1, $2, $3, $4, $5) returning id`,
    [orgId, d.fileName, d.contentType, d.sha256, d.content],
  );
  return Number(row!.id);
}

export async function findDocumentContent(db: Queryable, id: number): Promise<{ orgId: number; fileName: string; contentType: string; content: Buffer } | undefined> {
  const [row] = await db.query<Row>(`select org_id, file_name, content_type, content from assessment_documents where id = $1`, [id]);
  return row ? { orgId: Number(row.org_id), fileName: String(row.file_name), contentType: String(row.content_type), content: Buffer.from(row.content as Uint8Array) } : undefined;
}

/** Which of these catalogue items are published (not withdrawn) items of the agency. */
export async function publishedItemsOf(db: Queryable, agencyId: number, itemIds: readonly number[]): Promise<Set<number>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.query<{ id: number }>(
    `select id from catalogue_items where org_id = $1 and id = any($2::bigint[]) and published_version_id is not null and withdrawn_at is null`,
    [agencyId, [...itemIds]],
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** The organizations below the office (its agencies), by tree path. */
export async function agenciesBelow(db: Queryable, office: Pick<Organization, 'id' | 'path'>): Promise<{ id: number; path: string; fullName: string; code: string | null }[]> {
  const rows = await db.query<Row>(`select id, path, full_name, code from organizations where path like $1 and id <> $2 order by path`, [`${office.path}%`, office.id]);
  return rows.map((r) => ({ id: Number(r.id), path: String(r.path), fullName: String(r.full_name), code: (r.code as string | null) ?? null }));
}

export async function orgsByIds(db: Queryable, ids: readonly number[]): Promise<{ id: number; path: string; fullName: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<Row>(`select id, path, full_name from organizations where id = any($1::bigint[])`, [[...ids]]);
  return rows.map((r) => ({ id: Number(r.id), path: String(r.path), fullName: String(r.full_name) }));
}

const RECT_SELECT = `select r.*, o.full_name as org_name, f.full_name as office_name, d.file_name as doc_name, length(d.content) as doc_size
  from assessment_rectifications r join organizations o on o.id = r.org_id join organizations f on f.id = r.office_org_id
  left join assessment_documents d on d.id = r.document_id`;

const toRect = (r: Row): Rectification => ({
  id: Number(r.id), orgId: Number(r.org_id), orgName: String(r.org_name), officeOrgId: Number(r.office_org_id), officeName: String(r.office_name),
  sourceKind: r.source_kind as Rectification['sourceKind'], sourceRef: String(r.source_ref), finding: String(r.finding), deadline: String(r.deadline),
  state: r.state as RectificationState, closingNote: String(r.closing_note), evidenceLinks: (r.evidence_links as string[]) ?? [], document: docRef(r),
  reopenReason: String(r.reopen_reason), createdAt: r.created_at as Date, closedAt: (r.closed_at as Date | null) ?? null, confirmedAt: (r.confirmed_at as Date | null) ?? null,
});

export async function insertRectification(tx: Queryable, officeId: number, input: RectificationInput): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into assessment_rectifications (org_id, office_org_id, source_kind, source_ref, finding, deadline) values ($1, $2, $3, $4, $5, $6) returning id`,
    [input.orgId, officeId, input.sourceKind, input.sourceRef, input.finding, input.deadline],
  );
  return Number(row!.id);
}

export async function lockRectification(tx: Queryable, id: number): Promise<Rectification | undefined> {
  await tx.query(`select id from assessment_rectifications where id = $1 for update`, [id]);
  return findRectification(tx, id);
}

export async function findRectification(db: Queryable, id: number): Promise<Rectification | undefined> {
  const [row] = await db.query<Row>(`${RECT_SELECT} where r.id = $1`, [id]);
  return row ? toRect(row) : undefined;
}

export async function closeRectificationRow(tx: Queryable, id: number, v: { note: string; links: string[]; documentId: number | null }): Promise<void> {
  await tx.query(
    `update assessment_rectifications set state = 'closed', closing_note = $2, evidence_links = $3::jsonb, document_id = coalesce($4, document_id), closed_at = now() where id = $1`,
    [id, v.note, v.links, v.documentId],
  );
}

export async function decideRectificationRow(tx: Queryable, id: number, state: 'confirmed' | 'open', reason: string): Promise<void> {
  await tx.query(
    `update assessment_rectifications set state = $2, reopen_reason = case when $2 = 'open' then $3 else reopen_reason end,
       confirmed_at = case when $2 = 'confirmed' then now() else null end where id = $1`,
    [id, state, reason],
  );
}

/** Rectification items the office sent (side 'office') or the agency received ('agency'), newest first. */
export async function listRectifications(db: Queryable, orgId: number, side: 'office' | 'agency'): Promise<Rectification[]> {
  const col = side === 'office' ? 'r.office_org_id' : 'r.org_id';
  return (await db.query<Row>(`${RECT_SELECT} where ${col} = $1 order by (r.state = 'confirmed'), r.deadline, r.id`, [orgId])).map(toRect);
}

// --- 待办 counts

export async function agencyOpenCounts(db: Queryable, agencyId: number, today: string): Promise<{ tasks: number; overdueTasks: number; items: number; overdueItems: number }> {
  const [row] = await db.query<Row>(
    `select
       (select count(*) from assessment_task_agencies p join assessment_tasks t on t.id = p.task_id where p.org_id = $1 and t.state = 'published' and p.state in ('open', 'returned')) as tasks,
       (select count(*) from assessment_task_agencies p join assessment_tasks t on t.id = p.task_id where p.org_id = $1 and t.state = 'published' and p.state <> 'accepted' and t.deadline < $2::date) as overdue_tasks,
       (select count(*) from assessment_rectifications where org_id = $1 and state = 'open') as items,
       (select count(*) from assessment_rectifications where org_id = $1 and state <> 'confirmed' and deadline < $2::date) as overdue_items`,
    [agencyId, today],
  );
  return { tasks: Number(row!.tasks), overdueTasks: Number(row!.overdue_tasks), items: Number(row!.items), overdueItems: Number(row!.overdue_items) };
}

export async function officeWaitingCounts(db: Queryable, officeId: number): Promise<{ submitted: number; closed: number }> {
  const [row] = await db.query<Row>(
    `select
       (select count(*) from assessment_task_agencies p join assessment_tasks t on t.id = p.task_id where t.org_id = $1 and p.state = 'submitted') as submitted,
       (select count(*) from assessment_rectifications where office_org_id = $1 and state = 'closed') as closed`,
    [officeId],
  );
  return { submitted: Number(row!.submitted), closed: Number(row!.closed) };
}

// --- scope of route parameters

export async function taskOrgId(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ org_id: number }>(`select org_id from assessment_tasks where id = $1`, [id]);
  return row ? Number(row.org_id) : null;
}
export async function progressOrgId(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ org_id: number }>(`select org_id from assessment_task_agencies where id = $1`, [id]);
  return row ? Number(row.org_id) : null;
}
export async function rectificationOrgId(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ org_id: number }>(`select org_id from assessment_rectifications where id = $1`, [id]);
  return row ? Number(row.org_id) : null;
}
export async function documentOrgId(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ org_id: number }>(`select org_id from assessment_documents where id = $1`, [id]);
  return row ? Number(row.org_id) : null;
}
