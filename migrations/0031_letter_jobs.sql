-- Issue 19 §4: letters rendered after commit. The step that issues a letter freezes its text
-- (application_letters) and queues its DOCX here, in the same transaction; a worker in any app
-- process claims jobs (for update skip locked: one process per job), renders the DOCX from the
-- frozen text, and stores the file and deletes the job in one transaction. A claim is a lease:
-- run_after moves past the render time, so a process that dies mid-render leaves the job to be
-- claimed again once the lease ends; a job never claimed (the process died right after commit) is
-- taken at once by the next worker, after a restart or in another process.
create table letter_jobs (
  letter_id bigint primary key references application_letters(id) on delete cascade,
  org_id bigint not null references organizations(id),
  case_id bigint not null references applications(id),
  -- not claimed before this moment: now() when queued, the lease's end when claimed, later after a failure
  run_after timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now()
);
create index letter_jobs_run_after_idx on letter_jobs (run_after, letter_id);
