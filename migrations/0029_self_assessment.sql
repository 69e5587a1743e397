-- Issue 17 §3, 自评报告: each agency's yearly self-assessment, drafted from its facts, edited by the
-- agency and submitted to the government office above it (office_org_id), which returns it with a
-- reason or accepts it. One row per agency per year.
create table assessment_self_assessments (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  office_org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  body text not null default '',
  state text not null default 'draft' check (state in ('draft', 'submitted', 'returned', 'accepted')),
  return_reason text not null default '',
  created_at timestamptz not null default now(),
  drafted_at timestamptz not null default now(),
  edited_at timestamptz not null default now(),
  edited_by bigint references users(id),
  edited_by_name text not null default '',
  submitted_at timestamptz,
  submitted_by bigint references users(id),
  submitted_by_name text not null default '',
  decided_at timestamptz,
  decided_by bigint references users(id),
  decided_by_name text not null default '',
  unique (org_id, year)
);
create index assessment_self_assessments_office_idx on assessment_self_assessments (office_org_id, year, state);
