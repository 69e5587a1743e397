-- Login throttling (issue 22): wrong passwords block the client address that sent them, for the
-- name it tried (known or not), with a growing pause; the real user signing in from elsewhere is
-- never locked out. Replaces the account-wide lock (users.failed_logins, users.locked_until, now unused).
create table login_throttle (
  name_key text not null,            -- the user name as typed, trimmed and in lower case
  address text not null,             -- the client address (behind a proxy: as TRUST_PROXY says)
  failures integer not null default 0,
  blocked_until timestamptz,
  last_failure_at timestamptz not null default now(),
  primary key (name_key, address)
);
create index login_throttle_blocked_idx on login_throttle (name_key, blocked_until);
