-- Issue 19 §2, published pages rendered once: a counter per scope of what public pages show ('site',
-- 'org:<id>', 'item:<id>', 'list:<org id>'), bumped in the transaction of each change (publication,
-- withdrawal, 有效性, a 解读 link, a column, an organization) and read by every app process before it
-- answers from its page cache, so that a page changed in one process is rendered again in all.
-- A row appears with a scope's first change; none is ever deleted (a missing row counts 0).
create table page_versions (
  scope text primary key,
  n bigint not null default 0
);
