// Every SQL statement of the Article 20 ledgers, with the row-to-object mapping. Amounts are bigint
// 分 in the database; they are read as text and turned into bigint here, never through a float.
import type { Queryable } from '../core/db/database.ts';
import type {
  CountCategory, CountInput, Decision, DecisionCategory, EntryStatus, FeeEntry, ItemCount, ItemInput, ParsedDecisions, PeriodCount, Procurement,
} from './model.ts';
import type { PlannedDecision } from './rules/import-plan.ts';
import type { Fen } from '../core/money.ts';

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`];

// ── Decisions ─────────────────────────────────────────────────────────────────

interface DecisionRow { id: number; org_id: number; category: DecisionCategory; doc_number: string; decided_on: string; subject: string; batch_id: number | null; status: EntryStatus }
const toDecision = (r: DecisionRow): Decision => ({ id: r.id, orgId: r.org_id, category: r.category, docNumber: r.doc_number, decidedOn: r.decided_on, subject: r.subject, batchId: r.batch_id, status: r.status });

/** The decisions decided in `year`, of a category when given, by date. */
export async function listDecisions(db: Queryable, orgId: number, year: number, category?: DecisionCategory, limit = 100_000): Promise<Decision[]> {
  const rows = await db.query<DecisionRow>(
    `select id, org_id, category, doc_number, decided_on, subject, batch_id, status from article20_decisions
     where org_id = $1 and decided_on between $2::date and $3::date and ($4::text is null or category = $4)
     order by decided_on, id limit $5`,
    [orgId, ...yearRange(year), category ?? null, limit],
  );
  return rows.map(toDecision);
}

/** What the count needs of the decisions of a year: category, date, status. */
export async function decisionTallies(db: Queryable, orgId: number, year: number): Promise<{ category: DecisionCategory; decidedOn: string; status: EntryStatus }[]> {
  const rows = await db.query<{ category: DecisionCategory; decided_on: string; status: EntryStatus }>(
    `select category, decided_on, status from article20_decisions where org_id = $1 and decided_on between $2::date and $3::date`,
    [orgId, ...yearRange(year)],
  );
  return rows.map((r) => ({ category: r.category, decidedOn: r.decided_on, status: r.status }));
}

/** The stored keys (category|doc_key) among the given ones. */
export async function storedDecisionKeys(db: Queryable, orgId: number): Promise<Set<string>> {
  const rows = await db.query<{ k: string }>(`select category || '|' || doc_key as k from article20_decisions where org_id = $1`, [orgId]);
  return new Set(rows.map((r) => r.k));
}

export async function insertBatch(tx: Queryable, orgId: number, b: { fileName: string; sha256: string; rowsAdded: number; duplicates: number; actorName: string }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into article20_import_batches (org_id, file_name, sha256, rows_added, duplicates, actor_name) values ($1, $2, $3, $4, $5, $6) returning id`,
    [orgId, b.fileName, b.sha256, b.rowsAdded, b.duplicates, b.actorName],
  );
  return r!.id;
}

/** Inserts decisions in chunks (one statement per 500 rows); a key stored meanwhile is skipped. Returns how many were added. */
export async function insertDecisions(tx: Queryable, orgId: number, batchId: number | null, rows: readonly PlannedDecision[], status: EntryStatus = 'entered', confirmedBy: string | null = null): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params: unknown[] = [orgId, batchId, status, confirmedBy];
    const values = chunk.map((d) => {
      params.push(d.category, d.docNumber, d.docKey, d.decidedOn, d.subject);
      const n = params.length;
      return `($1, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::date, $${n}, $2, $3, $4, case when $4::text is null then null else now() end)`;
    });
    const inserted = await tx.query<{ id: number }>(
      `insert into article20_decisions (org_id, category, doc_number, doc_key, decided_on, subject, batch_id, status, confirmed_by, confirmed_at)
       values ${values.join(', ')} on conflict (org_id, category, doc_key) do nothing returning id`,
      params,
    );
    added += inserted.length;
  }
  return added;
}

export interface BatchSummary { id: number; fileName: string; rowsAdded: number; duplicates: number; actorName: string; createdAt: Date }
export async function listBatches(db: Queryable, orgId: number, limit = 20): Promise<BatchSummary[]> {
  const rows = await db.query<{ id: number; file_name: string; rows_added: number; duplicates: number; actor_name: string; created_at: Date }>(
    'select id, file_name, rows_added, duplicates, actor_name, created_at from article20_import_batches where org_id = $1 order by id desc limit $2',
    [orgId, limit],
  );
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, rowsAdded: r.rows_added, duplicates: r.duplicates, actorName: r.actor_name, createdAt: r.created_at }));
}

// ── Counts, fees, 2019 items, procurement ──────────────────────────────────────

interface CountRow { id: number; org_id: number; year: number; period: string; category: CountCategory; count: number; note: string; status: EntryStatus }
export async function listCounts(db: Queryable, orgId: number, year: number): Promise<PeriodCount[]> {
  const rows = await db.query<CountRow>('select id, org_id, year, period, category, count, note, status from article20_counts where org_id = $1 and year = $2 order by category, period', [orgId, year]);
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, year: r.year, period: r.period, category: r.category, count: r.count, note: r.note, status: r.status }));
}

/** Enters (or replaces) the count of a period; a replaced count is 录入 again. Returns the row and what it was. */
export async function upsertCount(tx: Queryable, orgId: number, c: CountInput): Promise<{ id: number; before: { count: number; status: EntryStatus } | null }> {
  const [old] = await tx.query<{ count: number; status: EntryStatus }>(
    'select count, status from article20_counts where org_id = $1 and year = $2 and category = $3 and period = $4 for update',
    [orgId, c.year, c.category, c.period],
  );
  const [r] = await tx.query<{ id: number }>(
    `insert into article20_counts (org_id, year, period, category, count, note) values ($1, $2, $3, $4, $5, $6)
     on conflict (org_id, year, category, period) do update set count = excluded.count, note = excluded.note, status = 'entered', confirmed_by = null, confirmed_at = null, updated_at = now()
     returning id`,
    [orgId, c.year, c.period, c.category, c.count, c.note],
  );
  return { id: r!.id, before: old ?? null };
}

interface FeeRow { id: number; org_id: number; year: number; period: string; item: string; amount_fen: string; note: string; status: EntryStatus }
export async function listFees(db: Queryable, orgId: number, year: number): Promise<FeeEntry[]> {
  const rows = await db.query<FeeRow>('select id, org_id, year, period, item, amount_fen::text as amount_fen, note, status from article20_fees where org_id = $1 and year = $2 order by period, id', [orgId, year]);
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, year: r.year, period: r.period, item: r.item, amountFen: BigInt(r.amount_fen), note: r.note, status: r.status }));
}

export async function insertFee(tx: Queryable, orgId: number, f: { year: number; period: string; item: string; amountFen: Fen; note: string }, status: EntryStatus = 'entered', confirmedBy: string | null = null): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into article20_fees (org_id, year, period, item, amount_fen, note, status, confirmed_by, confirmed_at)
     values ($1, $2, $3, $4, $5::bigint, $6, $7, $8, case when $8::text is null then null else now() end) returning id`,
    [orgId, f.year, f.period, f.item, f.amountFen.toString(), f.note, status, confirmedBy],
  );
  return r!.id;
}

interface ItemRow { id: number; org_id: number; year: number; item: ItemCount['item']; previous_count: number; change: number; status: EntryStatus }
export async function listItems(db: Queryable, orgId: number, year: number): Promise<ItemCount[]> {
  const rows = await db.query<ItemRow>('select id, org_id, year, item, previous_count, change, status from article20_items where org_id = $1 and year = $2', [orgId, year]);
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, year: r.year, item: r.item, previousCount: r.previous_count, change: r.change, status: r.status }));
}

export async function upsertItem(tx: Queryable, orgId: number, i: ItemInput): Promise<{ id: number; before: { previousCount: number; change: number; status: EntryStatus } | null }> {
  const [old] = await tx.query<{ previous_count: number; change: number; status: EntryStatus }>(
    'select previous_count, change, status from article20_items where org_id = $1 and year = $2 and item = $3 for update', [orgId, i.year, i.item],
  );
  const [r] = await tx.query<{ id: number }>(
    `insert into article20_items (org_id, year, item, previous_count, change) values ($1, $2, $3, $4, $5)
     on conflict (org_id, year, item) do update set previous_count = excluded.previous_count, change = excluded.change, status = 'entered', confirmed_by = null, confirmed_at = null, updated_at = now()
     returning id`,
    [orgId, i.year, i.item, i.previousCount, i.change],
  );
  return { id: r!.id, before: old ? { previousCount: old.previous_count, change: old.change, status: old.status } : null };
}

export async function findProcurement(db: Queryable, orgId: number, year: number): Promise<Procurement | null> {
  const [r] = await db.query<{ id: number; org_id: number; year: number; projects: number; amount_fen: string; status: EntryStatus }>(
    'select id, org_id, year, projects, amount_fen::text as amount_fen, status from article20_procurement where org_id = $1 and year = $2', [orgId, year],
  );
  return r ? { id: r.id, orgId: r.org_id, year: r.year, projects: r.projects, amountFen: BigInt(r.amount_fen), status: r.status } : null;
}

export async function upsertProcurement(tx: Queryable, orgId: number, p: { year: number; projects: number; amountFen: Fen }): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into article20_procurement (org_id, year, projects, amount_fen) values ($1, $2, $3, $4::bigint)
     on conflict (org_id, year) do update set projects = excluded.projects, amount_fen = excluded.amount_fen, status = 'entered', confirmed_by = null, confirmed_at = null, updated_at = now()
     returning id`,
    [orgId, p.year, p.projects, p.amountFen.toString()],
  );
  return r!.id;
}

// ── Confirmation ────────────────────────────────────────────────────────────────

export interface ConfirmedCounts { decisions: number; counts: number; fees: number; items: number; procurement: number }

/** Confirms every entered entry of the year; returns how many of each kind. */
export async function confirmYear(tx: Queryable, orgId: number, year: number, by: string): Promise<ConfirmedCounts> {
  const set = `set status = 'confirmed', confirmed_by = $3, confirmed_at = now()`;
  const n = async (sql: string, params: unknown[]) => (await tx.query<{ id: number }>(sql, params)).length;
  return {
    decisions: await n(`update article20_decisions ${set} where org_id = $1 and status = 'entered' and decided_on between $2::date and $4::date returning id`, [orgId, `${year}-01-01`, by, `${year}-12-31`]),
    counts: await n(`update article20_counts ${set} where org_id = $1 and year = $2 and status = 'entered' returning id`, [orgId, year, by]),
    fees: await n(`update article20_fees ${set} where org_id = $1 and year = $2 and status = 'entered' returning id`, [orgId, year, by]),
    items: await n(`update article20_items ${set} where org_id = $1 and year = $2 and status = 'entered' returning id`, [orgId, year, by]),
    procurement: await n(`update article20_procurement ${set} where org_id = $1 and year = $2 and status = 'entered' returning id`, [orgId, year, by]),
  };
}

// ── Import previews ─────────────────────────────────────────────────────────────

export async function insertPreview(db: Queryable, p: { orgId: number; userId: number | null; fileName: string; sha256: string; category: DecisionCategory | null; parsed: ParsedDecisions }): Promise<number> {
  await db.query(`delete from article20_import_previews where created_at < now() - interval '1 hour'`);
  const [r] = await db.query<{ id: number }>(
    'insert into article20_import_previews (org_id, user_id, file_name, sha256, category, parsed) values ($1, $2, $3, $4, $5, $6) returning id',
    [p.orgId, p.userId, p.fileName, p.sha256, p.category, p.parsed],
  );
  return r!.id;
}

export interface StoredPreview { id: number; orgId: number; userId: number | null; fileName: string; sha256: string; category: DecisionCategory | null; parsed: ParsedDecisions }
/** A preview of the last hour, locked for the rest of the transaction. */
export async function lockPreview(tx: Queryable, id: number): Promise<StoredPreview | null> {
  const [r] = await tx.query<{ id: number; org_id: number; user_id: number | null; file_name: string; sha256: string; category: DecisionCategory | null; parsed: ParsedDecisions }>(
    `select id, org_id, user_id, file_name, sha256, category, parsed from article20_import_previews where id = $1 and created_at >= now() - interval '1 hour' for update`, [id],
  );
  return r ? { id: r.id, orgId: r.org_id, userId: r.user_id, fileName: r.file_name, sha256: r.sha256, category: r.category, parsed: r.parsed } : null;
}

export async function deletePreview(tx: Queryable, id: number): Promise<void> {
  await tx.query('delete from article20_import_previews where id = $1', [id]);
}

export async function countDecisionsOfOrg(db: Queryable, orgId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from article20_decisions where org_id = $1', [orgId]);
  return r!.n;
}

/** Entries still 录入, per year (decisions by the year of their date), latest year first. */
export async function unconfirmedByYear(db: Queryable, orgId: number): Promise<{ year: number; n: number }[]> {
  return db.query<{ year: number; n: number }>(
    `select year, sum(n)::int as n from (
       select extract(year from decided_on)::int as year, count(*)::int as n from article20_decisions where org_id = $1 and status = 'entered' group by 1
       union all select year, count(*)::int from article20_counts where org_id = $1 and status = 'entered' group by year
       union all select year, count(*)::int from article20_fees where org_id = $1 and status = 'entered' group by year
       union all select year, count(*)::int from article20_items where org_id = $1 and status = 'entered' group by year
       union all select year, count(*)::int from article20_procurement where org_id = $1 and status = 'entered' group by year
     ) x group by year order by year desc`,
    [orgId],
  );
}

export const REMOVABLE = { decision: 'article20_decisions', count: 'article20_counts', fee: 'article20_fees' } as const;
export type RemovableKind = keyof typeof REMOVABLE;

/** An entry of the organization, locked; what the audit log keeps of it. */
export async function lockEntry(tx: Queryable, kind: RemovableKind, orgId: number, id: number): Promise<{ status: 'entered' | 'confirmed'; year: number; view: Record<string, unknown> } | null> {
  if (kind === 'decision') {
    const [r] = await tx.query<{ status: 'entered' | 'confirmed'; category: string; doc_number: string; decided_on: string }>(
      'select status, category, doc_number, decided_on from article20_decisions where id = $1 and org_id = $2 for update', [id, orgId]);
    return r ? { status: r.status, year: Number(r.decided_on.slice(0, 4)), view: { category: r.category, docNumber: r.doc_number, decidedOn: r.decided_on } } : null;
  }
  if (kind === 'count') {
    const [r] = await tx.query<{ status: 'entered' | 'confirmed'; year: number; period: string; category: string; count: number }>(
      'select status, year, period, category, count from article20_counts where id = $1 and org_id = $2 for update', [id, orgId]);
    return r ? { status: r.status, year: r.year, view: { year: r.year, period: r.period, category: r.category, count: r.count } } : null;
  }
  const [r] = await tx.query<{ status: 'entered' | 'confirmed'; year: number; period: string; item: string; amount_fen: string }>(
    'select status, year, period, item, amount_fen::text as amount_fen from article20_fees where id = $1 and org_id = $2 for update', [id, orgId]);
  return r ? { status: r.status, year: r.year, view: { year: r.year, period: r.period, item: r.item, amountFen: r.amount_fen } } : null;
}

export async function deleteEntry(tx: Queryable, kind: RemovableKind, id: number): Promise<void> {
  await tx.query(`delete from ${REMOVABLE[kind]} where id = $1`, [id]);
}
