-- The region roll-up of annual reports (地区汇总): a government office's report for its whole area sums
-- the published reports of the agencies directly under it. An agency is included by default once it has
-- a published report of the year; an administrator of the office or of the agency may exclude it for a
-- year, with a reason (and include it again). One row per office, agency and year once decided;
-- no row = included. Every change is in the audit log (report.rollup-inclusion).
create table report_rollup_inclusions (
  office_org_id bigint not null references organizations(id),
  org_id bigint not null references organizations(id),
  year integer not null,
  included boolean not null,
  reason text not null default '',
  changed_by bigint,
  changed_by_name text not null,
  changed_at timestamptz not null default now(),
  primary key (office_org_id, org_id, year),
  constraint report_rollup_inclusions_reason check (included or length(reason) > 0)
);
create index report_rollup_inclusions_org_idx on report_rollup_inclusions (org_id, year);
