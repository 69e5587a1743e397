-- Core: settings, organizations, staff accounts, sessions, audit log.
-- Every row that belongs to an organization carries org_id (future distribution key).

create table app_settings (
  key text primary key,
  value text not null
);

-- A tree: region (province / city / county) → government → department → sub-unit.
create table organizations (
  id bigint generated always as identity primary key,
  parent_id bigint references organizations(id),
  -- materialized path of ids, e.g. '/1/4/9/': subtree queries for supervisors
  path text not null default '',
  kind text not null check (kind in ('province', 'city', 'county', 'government', 'department', 'subunit')),
  full_name text not null,
  short_name text not null,
  code text not null unique,
  index_template text, -- null = default '{code}/{yyyy}-{seq:05}'
  address text not null default '',
  phone text not null default '',
  fax text not null default '',
  email text not null default '',
  office_hours text not null default '',
  website text not null default '',
  report_deadline text check (report_deadline ~ '^\d{2}-\d{2}$'), -- 'MM-DD'; null = default by kind
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_parent_idx on organizations (parent_id);
create index organizations_path_idx on organizations (path text_pattern_ops);
create unique index organizations_full_name_idx on organizations (full_name);

create table users (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  must_change_password boolean not null default true,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_org_idx on users (org_id);

create table user_roles (
  user_id bigint not null references users(id) on delete cascade,
  role text not null check (role in ('admin', 'editor', 'reviewer', 'confidentiality', 'handler', 'head', 'supervisor')),
  primary key (user_id, role)
);

-- Staff sessions live in the database so that any app process can serve any request.
create table sessions (
  token_hash text primary key,
  user_id bigint not null references users(id) on delete cascade,
  org_id bigint not null references organizations(id), -- the organization currently worked on
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Append-only audit log; one hash chain per organization (chain_key = org id, 0 = system).
create table audit_log (
  id bigint generated always as identity primary key,
  chain_key bigint not null,
  at timestamptz not null,
  actor_user_id bigint,
  actor_name text not null,
  org_id bigint,
  action text not null,
  target_type text not null,
  target_id text not null,
  summary jsonb not null,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_chain_idx on audit_log (chain_key, id);
create index audit_log_org_idx on audit_log (org_id, id desc);

-- The newest entry of each chain, so that deleting the tail of a chain is detected too.
create table audit_heads (
  chain_key bigint primary key,
  last_id bigint not null,
  last_hash text not null
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
