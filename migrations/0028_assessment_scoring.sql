-- Issue 17 §3, second part: the office's scoring scheme of a year (考核指标) and each agency's scores.
-- An indicator is computed from platform data (source names the module's count, e.g.
-- 'applications.overdueReplies') or scored by a person (source null) with a reason.

create table assessment_indicators (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  title text not null check (title <> ''),
  description text not null default '',
  points numeric(6, 2) not null check (points >= 0),
  -- points lost per fault; null = all the points at the first fault
  deduction numeric(6, 2) check (deduction is null or deduction > 0),
  veto boolean not null default false,
  source text,
  created_at timestamptz not null default now()
);
create index assessment_indicators_org_year_idx on assessment_indicators (org_id, year, id);

create table assessment_scores (
  id bigint generated always as identity primary key,
  indicator_id bigint not null references assessment_indicators(id) on delete cascade,
  org_id bigint not null references organizations(id),
  -- null: not scored (the source had no data)
  score numeric(6, 2),
  veto boolean not null default false,
  faults integer,
  -- the data behind a computed score, or the person's reason
  detail text not null default '',
  href text,
  computed boolean not null,
  scored_by_name text not null,
  scored_at timestamptz not null default now(),
  unique (indicator_id, org_id)
);
create index assessment_scores_org_idx on assessment_scores (org_id);
