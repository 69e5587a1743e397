-- Published reports read from an upload, kept between the console's preview and its confirmation
-- (issue 21 item 9). In the database, not in a process, so the confirmation may reach any app
-- process. Bound to the user who uploaded; a row lives an hour and is deleted when confirmed, and
-- expired rows are deleted whenever a new preview is written. The token is stored as its hash.
create table report_import_staging (
  token_hash text primary key,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  files jsonb not null                     -- per file: its name and the report read, or why not
);
create index report_import_staging_expires_idx on report_import_staging (expires_at);
