-- An audit log that proves itself to someone without the key (issue 22, 等保 audit protection).
-- The key lives outside the database (GONGKAI_AUDIT_KEY / GONGKAI_AUDIT_KEY_FILE / <data>/audit.key):
-- with database access alone, a rewritten entry, a cut tail or a deleted chain can no longer be
-- made to verify. Entries written before this migration have no MAC; the first checkpoint covers them.

-- HMAC of the entry's hash: a rewritten entry (with its chain recomputed) has no valid MAC.
alter table audit_log add column mac text;
-- HMAC of (chain, last id, last hash): a head moved back over a deleted tail has no valid MAC.
alter table audit_heads add column mac text;

-- Signed snapshots of every chain head, themselves a hash chain, written periodically and exported
-- for offsite keeping (`gongkai audit export`): a chain deleted whole is missing from the log but
-- still named by the last checkpoint.
create table audit_checkpoints (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  heads jsonb not null,        -- [{ "chainKey", "lastId", "lastHash" }] in chain order
  prev_hash text not null,     -- the previous checkpoint's hash (64 zeros for the first)
  hash text not null,
  mac text not null
);

create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoints is append-only';
end $$;
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_append_only();
