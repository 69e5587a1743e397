-- Annual reports (政府信息公开工作年度报告): one report per organization and year, every edit a
-- new version. A version holds the canonical report JSON (spec/annual-report-json.md) exactly
-- as entered or as printed, the narrative of sections 一–六, where each table came from, and the
-- validator's findings for that version (recorded, never corrected).
-- Every row carries org_id (future distribution key).

create table reports (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),  -- the year the report covers
  format text not null check (format in ('2019', '2021')),   -- the layout of the current version
  status text not null default 'draft' check (status in ('draft', 'published')),
  current_version integer not null,
  -- what the portal shows; a later draft version does not replace it until published again
  published_version integer,
  published_at timestamptz,
  published_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, year),
  check ((status = 'published') = (published_version is not null)),
  check (published_version is null or published_version <= current_version)
);

create table report_versions (
  report_id bigint not null references reports(id),
  org_id bigint not null references organizations(id),
  version integer not null check (version >= 1),
  content jsonb not null,                   -- the canonical report (schema gongkai.annual-report/1)
  narrative jsonb not null default '{}',    -- { "一": "…", …, "六": "…" }
  -- where each table came from: { "table2": "computed" | "imported" | "entered", "table3": …, "table4": … }
  sources jsonb not null,
  findings jsonb not null default '[]',     -- validator findings of this version
  error_count integer not null default 0,
  warning_count integer not null default 0,
  origin text not null check (origin in ('new', 'edit', 'import', 'compute')),
  source_name text,                         -- imported: the file name or address of the document
  content_hash text,                        -- imported: SHA-256 of the file, so a second import changes nothing
  created_by bigint references users(id),   -- null = command line or system
  created_by_name text not null,
  created_at timestamptz not null default now(),
  note text not null default '',
  primary key (report_id, version)
);
create index report_versions_org_idx on report_versions (org_id, report_id);
create index report_versions_hash_idx on report_versions (org_id, content_hash) where content_hash is not null;
