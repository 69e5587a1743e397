-- Every publication of an annual report (issue 21 item 7): the first, and each revision that replaced
-- the published version, with when, by whom and the 修订说明 the public reads. The portal shows the
-- revision and keeps the earlier published versions readable, so changed figures never pass unnoticed.
create table report_publications (
  id bigint generated always as identity primary key,
  report_id bigint not null references reports(id),
  org_id bigint not null references organizations(id),
  version integer not null,
  published_at timestamptz not null default now(),
  published_by_name text not null,
  revision_note text,                      -- null for the first publication; required for a revision
  unique (report_id, version)
);
create index report_publications_report_idx on report_publications (report_id, published_at);

-- Reports published before this migration: their one known publication.
insert into report_publications (report_id, org_id, version, published_at, published_by_name)
select id, org_id, published_version, coalesce(published_at, updated_at), coalesce(published_by_name, '')
  from reports where published_version is not null;
