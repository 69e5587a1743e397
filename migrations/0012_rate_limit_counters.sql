-- Rate-limit counters shared by every app process (core/http/rate-limit-store.ts): the public
-- 依申请公开 form and progress look-ups are limited per client address across all processes, not
-- per process. The key is a hash (no address is stored); expired rows are deleted as they age.
create table rate_limit_counters (
  key text primary key,
  window_ends timestamptz not null,
  hits integer not null
);
create index rate_limit_counters_window_ends_idx on rate_limit_counters (window_ends);
