-- Issue 17 §3, first part: the government office's yearly task breakdown (年度政务公开重点工作任务分解方案)
-- with each agency's progress and evidence, and rectification items (整改) sent to an agency.

-- Files uploaded as evidence (a progress report, the closing of a rectification), kept as uploaded.
create table assessment_documents (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  file_name text not null,
  content_type text not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index assessment_documents_org_idx on assessment_documents (org_id);

-- A task of the office's breakdown of a year: org_id is the office that publishes it.
create table assessment_tasks (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  title text not null check (title <> ''),
  evidence_expected text not null default '',
  deadline date not null,
  state text not null default 'draft' check (state in ('draft', 'published')),
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index assessment_tasks_org_year_idx on assessment_tasks (org_id, year);

-- One row per agency a task concerns (the lead agency and the others): its progress.
create table assessment_task_agencies (
  id bigint generated always as identity primary key,
  task_id bigint not null references assessment_tasks(id) on delete cascade,
  org_id bigint not null references organizations(id),
  lead boolean not null default false,
  state text not null default 'open' check (state in ('open', 'submitted', 'accepted', 'returned')),
  note text not null default '',
  evidence_links jsonb not null default '[]',
  document_id bigint references assessment_documents(id),
  return_reason text not null default '',
  submitted_at timestamptz,
  decided_at timestamptz,
  unique (task_id, org_id)
);
create index assessment_task_agencies_org_idx on assessment_task_agencies (org_id, state);

-- A rectification item (整改): a finding the office sent to an agency (org_id), with a deadline.
create table assessment_rectifications (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  office_org_id bigint not null references organizations(id),
  source_kind text not null check (source_kind in ('inspection', 'score', 'manual')),
  source_ref text not null default '',
  finding text not null check (finding <> ''),
  deadline date not null,
  state text not null default 'open' check (state in ('open', 'closed', 'confirmed')),
  closing_note text not null default '',
  evidence_links jsonb not null default '[]',
  document_id bigint references assessment_documents(id),
  reopen_reason text not null default '',
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  confirmed_at timestamptz
);
create index assessment_rectifications_org_idx on assessment_rectifications (org_id, state);
create index assessment_rectifications_office_idx on assessment_rectifications (office_org_id, state);
