// Every SQL statement of the inspections: what is inspected (live and in-review versions with their
// attachments' text), the portal's own pages a link may name, runs and findings, the wording list, and
// the counts of the latest run of each agency of a region (for the region dashboard).
import type { Queryable } from '../../core/db/database.ts';
import { defaultWordingRules, type WordingKind, type WordingRule } from './wording.ts';

export type InspectionRule = 'dead_link' | 'hidden_link' | 'wording' | 'unanswered';
export const INSPECTION_RULES: readonly InspectionRule[] = ['dead_link', 'hidden_link', 'wording', 'unanswered'];
export const INSPECTION_RULE_LABELS: Record<InspectionRule, string> = {
  dead_link: '错链（链接无法访问）',
  hidden_link: '暗链（隐藏的链接）',
  wording: '严重表述错误',
  unanswered: '超过 3 个月未回应的留言',
};

export interface InspectedVersion {
  versionId: number;
  itemId: number;
  state: 'published' | 'in_review';
  title: string;
  summary: string;
  body: string;
  /** The date that decides whether a renamed organ's old name was still right: published, else written, else today. */
  date: string | null;
  attachments: { fileName: string; text: string }[];
}

/** The live version of every published, not withdrawn item of an organization, and every version in review. */
export async function versionsToInspect(db: Queryable, orgId: number): Promise<InspectedVersion[]> {
  const rows = await db.query<{ id: number; item_id: number; state: 'published' | 'in_review'; title: string; summary: string; body: string; date: string | null }>(
    `select v.id, v.item_id, v.state, v.title, v.summary, v.body, coalesce(v.published_date, v.written_date) as date
       from catalogue_versions v join catalogue_items i on i.id = v.item_id
      where v.org_id = $1
        and ((v.state = 'published' and i.published_version_id = v.id and i.withdrawn_at is null) or v.state = 'in_review')
      order by v.item_id, v.id`,
    [orgId],
  );
  const attachments = rows.length
    ? await db.query<{ version_id: number; file_name: string; text: string }>(
        'select version_id, file_name, text from catalogue_attachments where version_id = any($1::bigint[]) order by version_id, position, id',
        [rows.map((r) => r.id)],
      )
    : [];
  const byVersion = new Map<number, { fileName: string; text: string }[]>();
  for (const a of attachments) {
    const list = byVersion.get(a.version_id) ?? [];
    list.push({ fileName: a.file_name, text: a.text });
    byVersion.set(a.version_id, list);
  }
  return rows.map((r) => ({ versionId: r.id, itemId: r.item_id, state: r.state, title: r.title, summary: r.summary, body: r.body, date: r.date, attachments: byVersion.get(r.id) ?? [] }));
}

/** Which of the portal's own pages exist: live items, organizations by code, columns, live attachments. */
export async function existingPortalTargets(db: Queryable, want: { items: number[]; orgCodes: string[]; columns: number[]; attachments: number[] }) {
  const [items, orgs, columns, attachments] = await Promise.all([
    want.items.length
      ? db.query<{ id: number }>('select id from catalogue_items where id = any($1::bigint[]) and published_version_id is not null and withdrawn_at is null', [want.items])
      : [],
    want.orgCodes.length ? db.query<{ code: string }>('select code from organizations where code = any($1::text[])', [want.orgCodes]) : [],
    want.columns.length ? db.query<{ id: number }>('select id from catalogue_columns where id = any($1::bigint[])', [want.columns]) : [],
    want.attachments.length
      ? db.query<{ id: number }>(
          `select a.id from catalogue_attachments a join catalogue_items i on i.published_version_id = a.version_id
            where a.id = any($1::bigint[]) and i.withdrawn_at is null`,
          [want.attachments],
        )
      : [],
  ]);
  return {
    items: new Set(items.map((r) => Number(r.id))),
    orgCodes: new Set(orgs.map((r) => r.code)),
    columns: new Set(columns.map((r) => Number(r.id))),
    attachments: new Set(attachments.map((r) => Number(r.id))),
  };
}

// ── Runs and findings ────────────────────────────────────────────────────────

export interface FindingInput {
  rule: InspectionRule;
  itemId: number | null;
  versionId: number | null;
  fingerprint: string;
  link: string;
  sentence: string;
  suggestion: string;
  detail: string;
  place: string;
  versionState: string;
}

export interface Finding extends FindingInput {
  id: number;
  runId: number;
  firstSeen: string;
  /** The item's title as now (live or latest version). */
  title: string | null;
}

export interface RunSummary {
  items: number;
  versions: number;
  links: number;
  internalLinks: number;
  externalLinks: number;
  unchecked: number;
}

export interface InspectionRun {
  id: number;
  orgId: number;
  runOn: string;
  linksChecked: boolean;
  summary: RunSummary;
  counts: Record<InspectionRule, number>;
  createdByName: string;
  createdAt: Date;
}

interface RunRow {
  id: number;
  org_id: number;
  run_on: string;
  links_checked: boolean;
  summary: RunSummary;
  counts: Record<InspectionRule, number>;
  created_by_name: string;
  created_at: Date;
}

const NO_COUNTS: Record<InspectionRule, number> = { dead_link: 0, hidden_link: 0, wording: 0, unanswered: 0 };

const toRun = (r: RunRow): InspectionRun => ({
  id: Number(r.id), orgId: Number(r.org_id), runOn: r.run_on, linksChecked: r.links_checked, summary: r.summary,
  counts: { ...NO_COUNTS, ...r.counts }, createdByName: r.created_by_name, createdAt: r.created_at,
});

/** The earliest first-seen date of each fingerprint in the organization's earlier runs. */
export async function firstSeenDates(tx: Queryable, orgId: number, fingerprints: string[]): Promise<Map<string, string>> {
  if (!fingerprints.length) return new Map();
  const rows = await tx.query<{ fingerprint: string; first_seen: string }>(
    'select fingerprint, min(first_seen) as first_seen from catalogue_inspection_findings where org_id = $1 and fingerprint = any($2::text[]) group by fingerprint',
    [orgId, fingerprints],
  );
  return new Map(rows.map((r) => [r.fingerprint, r.first_seen]));
}

export async function insertRun(
  tx: Queryable,
  r: { orgId: number; runOn: string; linksChecked: boolean; summary: RunSummary; counts: Record<InspectionRule, number>; createdByName: string },
): Promise<InspectionRun> {
  const [row] = await tx.query<RunRow>(
    `insert into catalogue_inspection_runs (org_id, run_on, links_checked, summary, counts, created_by_name)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [r.orgId, r.runOn, r.linksChecked, r.summary, r.counts, r.createdByName],
  );
  return toRun(row!);
}

export async function insertFindings(tx: Queryable, orgId: number, runId: number, findings: (FindingInput & { firstSeen: string })[]): Promise<void> {
  // In slices: one statement per 200 findings.
  for (let i = 0; i < findings.length; i += 200) {
    const slice = findings.slice(i, i + 200);
    const values: unknown[] = [];
    const tuples = slice.map((f) => {
      const base = values.length;
      values.push(orgId, runId, f.rule, f.itemId, f.versionId, f.fingerprint, f.link, f.sentence, f.suggestion, f.detail, f.place, f.versionState, f.firstSeen);
      return `(${Array.from({ length: 13 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await tx.query(
      `insert into catalogue_inspection_findings (org_id, run_id, rule, item_id, version_id, fingerprint, link, sentence, suggestion, detail, place, version_state, first_seen)
       values ${tuples.join(', ')}`,
      values,
    );
  }
}

export async function listRuns(db: Queryable, orgId: number, limit = 20): Promise<InspectionRun[]> {
  const rows = await db.query<RunRow>('select * from catalogue_inspection_runs where org_id = $1 order by id desc limit $2', [orgId, limit]);
  return rows.map(toRun);
}

export async function findingsOfRun(db: Queryable, runId: number): Promise<Finding[]> {
  const rows = await db.query<{
    id: number; run_id: number; rule: InspectionRule; item_id: number | null; version_id: number | null; fingerprint: string; link: string; sentence: string;
    suggestion: string; detail: string; place: string; version_state: string; first_seen: string; title: string | null;
  }>(
    `select f.*, v.title from catalogue_inspection_findings f left join catalogue_versions v on v.id = f.version_id
      where f.run_id = $1 order by f.rule, f.item_id, f.id`,
    [runId],
  );
  return rows.map((r) => ({
    id: Number(r.id), runId: Number(r.run_id), rule: r.rule, itemId: r.item_id === null ? null : Number(r.item_id), versionId: r.version_id === null ? null : Number(r.version_id),
    fingerprint: r.fingerprint, link: r.link, sentence: r.sentence, suggestion: r.suggestion, detail: r.detail, place: r.place, versionState: r.version_state,
    firstSeen: r.first_seen, title: r.title,
  }));
}

export interface RegionInspectionCounts {
  orgId: number;
  code: string;
  name: string;
  /** null: never inspected. */
  runId: number | null;
  runOn: string | null;
  counts: Record<InspectionRule, number>;
}

/**
 * For each organization under a region path (the region's own included), the counts of the latest
 * run's findings by rule; organizations never inspected have runId null and zero counts.
 * One statement for the whole region (for the region dashboard, issue 17 §1).
 */
export async function inspectionCountsOfRegion(db: Queryable, regionPath: string): Promise<RegionInspectionCounts[]> {
  const rows = await db.query<{ id: number; code: string; full_name: string; run_id: number | null; run_on: string | null; counts: Record<InspectionRule, number> | null }>(
    `select o.id, o.code, o.full_name, r.id as run_id, r.run_on, r.counts
       from organizations o
       left join lateral (select id, run_on, counts from catalogue_inspection_runs where org_id = o.id order by id desc limit 1) r on true
      where o.path like $1 || '%'
      order by o.path`,
    [regionPath],
  );
  return rows.map((r) => ({
    orgId: Number(r.id), code: r.code, name: r.full_name, runId: r.run_id === null ? null : Number(r.run_id), runOn: r.run_on,
    counts: { ...NO_COUNTS, ...(r.counts ?? {}) },
  }));
}

// ── The wording list ─────────────────────────────────────────────────────────

export interface StoredWordingRule extends WordingRule {
  id: number;
  /** null: global. */
  orgId: number | null;
  active: boolean;
  createdByName: string;
}

interface WordingRow {
  id: number;
  org_id: number | null;
  wrong: string;
  suggestion: string;
  kind: WordingKind;
  except_words: string[];
  since: string | null;
  active: boolean;
  created_by_name: string;
}

const toWording = (r: WordingRow): StoredWordingRule => ({
  id: Number(r.id), orgId: r.org_id === null ? null : Number(r.org_id), wrong: r.wrong, right: r.suggestion, kind: r.kind,
  except: r.except_words, since: r.since, active: r.active, createdByName: r.created_by_name,
});

/**
 * Writes the shipped default list as the global list, once: when no global row exists yet (removed
 * rows stay, inactive, so a list emptied by an administrator is not filled again). Answers how many were written.
 */
export async function seedDefaultWording(tx: Queryable): Promise<number> {
  const [any] = await tx.query<{ n: number }>('select count(*)::int as n from catalogue_wording_rules where org_id is null');
  if (any!.n > 0) return 0;
  let n = 0;
  for (const r of defaultWordingRules()) {
    const inserted = await tx.query(
      `insert into catalogue_wording_rules (org_id, wrong, suggestion, kind, except_words, since, created_by_name)
       values (null, $1, $2, $3, $4::text[], $5, '系统（默认清单）') on conflict do nothing returning id`,
      [r.wrong, r.right, r.kind, r.except ?? [], r.since ?? null],
    );
    n += inserted.length;
  }
  return n;
}

/** The active rules that apply to an organization: the global ones and those of it and the organizations above it. */
export async function wordingRulesFor(db: Queryable, orgPath: string): Promise<StoredWordingRule[]> {
  const rows = await db.query<WordingRow>(
    `select w.* from catalogue_wording_rules w left join organizations o on o.id = w.org_id
      where w.active and (w.org_id is null or $1 like o.path || '%')
      order by w.org_id nulls first, w.id`,
    [orgPath],
  );
  return rows.map(toWording);
}

/** The list as shown on the console page: global and the organization's own, removed ones included. */
export async function listWordingRules(db: Queryable, orgId: number): Promise<StoredWordingRule[]> {
  const rows = await db.query<WordingRow>('select * from catalogue_wording_rules where org_id is null or org_id = $1 order by org_id nulls first, active desc, id', [orgId]);
  return rows.map(toWording);
}

export async function findWordingRule(db: Queryable, id: number): Promise<StoredWordingRule | undefined> {
  const [row] = await db.query<WordingRow>('select * from catalogue_wording_rules where id = $1', [id]);
  return row ? toWording(row) : undefined;
}

/** Adds a rule, or makes a removed one with the same wrong wording active again with the new suggestion. */
export async function upsertWordingRule(tx: Queryable, orgId: number | null, r: WordingRule, byName: string): Promise<StoredWordingRule> {
  const [row] = await tx.query<WordingRow>(
    `insert into catalogue_wording_rules (org_id, wrong, suggestion, kind, except_words, since, created_by_name)
     values ($1, $2, $3, $4, $5::text[], $6, $7)
     on conflict (coalesce(org_id, 0), wrong) do update set suggestion = excluded.suggestion, kind = excluded.kind,
       except_words = excluded.except_words, since = excluded.since, active = true, created_by_name = excluded.created_by_name
     returning *`,
    [orgId, r.wrong, r.right, r.kind, r.except ?? [], r.since ?? null, byName],
  );
  return toWording(row!);
}

export async function deactivateWordingRule(tx: Queryable, id: number): Promise<void> {
  await tx.query('update catalogue_wording_rules set active = false where id = $1', [id]);
}

export interface LatestRunCounts {
  orgId: number;
  runOn: string;
  linksChecked: boolean;
  links: number;
  counts: Record<InspectionRule, number>;
}

/** Each agency's latest run on or before a day (the yearly assessment looks at the end of its year). */
export async function latestRunCounts(db: Queryable, orgIds: readonly number[], onOrBefore: string): Promise<Map<number, LatestRunCounts>> {
  const rows = await db.query<{ org_id: number; run_on: string; links_checked: boolean; summary: { links?: number }; counts: Record<InspectionRule, number> }>(
    `select distinct on (org_id) org_id, run_on::text as run_on, links_checked, summary, counts from catalogue_inspection_runs
      where org_id = any($1::bigint[]) and run_on <= $2::date order by org_id, id desc`,
    [orgIds, onOrBefore],
  );
  return new Map(rows.map((r) => [Number(r.org_id), { orgId: Number(r.org_id), runOn: r.run_on, linksChecked: r.links_checked, links: r.summary.links ?? 0, counts: { ...NO_COUNTS, ...r.counts } }]));
}

/** The organizations with a catalogue whose latest inspection is older than `days` before today, or that have none. */
export async function dueForInspection(db: Queryable, days: number, today: string): Promise<number[]> {
  const rows = await db.query<{ org_id: number }>(
    `select distinct c.org_id from catalogue_columns c
      where not exists (select 1 from catalogue_inspection_runs r where r.org_id = c.org_id and r.run_on > $2::date - $1::int)
      order by 1`,
    [days, today],
  );
  return rows.map((r) => Number(r.org_id));
}
