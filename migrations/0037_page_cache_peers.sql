-- Issue 19 §2: app processes that answer cached pages without reading page_versions on every
-- request. Each holds a lease it renews only while its LISTEN on page_versions' notifications is
-- alive; a command that bumps page_versions sends a fence (a number from page_fence) after its
-- commit and waits until every process whose lease runs has acknowledged it (acked), or its lease
-- has run out. Rows of processes gone for an hour are deleted when another registers.
create table page_cache_peers (
  id text primary key,
  lease_until timestamptz not null,
  acked bigint not null
);
create sequence page_fence;
