-- Ledger import (依申请公开台账, issue 5 item 7): each imported file, and which case each ledger
-- row became, so that importing the same ledger again (or a later, longer export of it) creates
-- no duplicates and continues the cases it already holds. Every row carries org_id.

create table application_ledger_imports (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  file_name text not null,
  -- sha256 of the file's bytes: the same file again is recognized before anything is read
  file_sha256 text not null,
  rows_read integer not null,
  cases_created integer not null,
  cases_updated integer not null,
  rows_unchanged integer not null,
  actor_user_id bigint,
  actor_name text not null,
  created_at timestamptz not null default now()
);
create index application_ledger_imports_org_idx on application_ledger_imports (org_id, id desc);
create index application_ledger_imports_sha_idx on application_ledger_imports (org_id, file_sha256);

-- One ledger row = one case. row_key: sha256 of the ledger's number and year of receipt, or of the
-- applicant, the day of receipt and the request (src/applications/ledger/plan.ts ledgerRowKey).
create table application_ledger_rows (
  org_id bigint not null references organizations(id),
  row_key text not null,
  case_id bigint not null references applications(id),
  import_id bigint not null references application_ledger_imports(id),
  sheet text not null,
  row_number integer not null,
  ledger_no text not null default '',
  primary key (org_id, row_key)
);
create index application_ledger_rows_case_idx on application_ledger_rows (case_id);
