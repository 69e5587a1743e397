-- Scheduled jobs and the reminders of 依申请公开 time limits.

-- One row per named job (src/core/jobs): when it last ran. A process runs a job only while it holds
-- the job's advisory lock and only when the interval since last_run_at has passed (database time),
-- so a restart or a second app process does not run it again before it is due.
create table job_runs (
  name text primary key,
  last_run_at timestamptz,
  runs bigint not null default 0,
  last_failed_at timestamptz,
  last_error text
);

-- One reminder run per calendar day (China time): its digests below are made once, whichever
-- process runs first; later runs of the same day only retry unsent e-mails.
create table reminder_runs (
  on_date date primary key,
  created_at timestamptz not null default now(),
  digests integer not null,
  cases integer not null
);

-- What one handler was reminded of on one day in one organization: the cases due within 3 working
-- days and the overdue ones (receipt number, title of the information sought, due date — never the
-- applicant's personal data), and whether the e-mail went out.
create table reminder_digests (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  user_id bigint not null references users(id),
  on_date date not null,
  due_soon jsonb not null default '[]'::jsonb,
  overdue jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  -- e-mail: claimed by one process at a time, sent at most once
  email_to text,
  email_claimed_at timestamptz,
  email_attempts integer not null default 0,
  emailed_at timestamptz,
  email_error text,
  unique (org_id, user_id, on_date)
);
create index reminder_digests_user_idx on reminder_digests (user_id, on_date desc);

-- The address a handler wants the daily reminder at (set by the handler in the console).
create table reminder_addresses (
  user_id bigint primary key references users(id) on delete cascade,
  org_id bigint not null references organizations(id),
  email text not null,
  updated_at timestamptz not null default now()
);
