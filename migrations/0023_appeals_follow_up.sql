-- Issue 16 item 1, the appeals register finished: a decision that orders the agency to answer the
-- application again (责令重新答复, 撤销原答复并重新答复), and the previews of a register import.

-- The order of a new reply: the day the agency received the decision ordering it (the new period
-- runs from it) and the deadline the decision states, if any. Only a decided, corrected record
-- carries one.
alter table appeals add column new_reply_ordered_on date;
alter table appeals add column new_reply_due_on date;
alter table appeals add constraint appeals_new_reply_decided check (new_reply_ordered_on is null or outcome = 'corrected');
alter table appeals add constraint appeals_new_reply_due check (new_reply_due_on is null or new_reply_ordered_on is not null);
create index appeals_case_idx on appeals (case_id) where case_id is not null;
create index appeals_case_number_idx on appeals (org_id, case_number) where case_number <> '';

-- A register workbook checked in the console and waiting for the clerk's confirmation: kept for
-- the user who uploaded it (an hour), so that any app process can take the confirmation.
create table appeal_import_previews (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  user_id bigint references users(id) on delete cascade,
  file_name text not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index appeal_import_previews_org_idx on appeal_import_previews (org_id, created_at);
