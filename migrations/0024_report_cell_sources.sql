-- The assembled annual report (issue 16 §3): a version generated from the records keeps where each
-- cell's number came from (which records, with a link), and the cells a person changed by hand
-- afterwards, each with the value, the reason, who and when. Overrides are carried to every later
-- generation, marked in the console and in `report compute --explain`, never in the published tables.
alter table report_versions add column cell_sources jsonb not null default '[]';  -- [{ cell, description, href? }]
alter table report_versions add column overrides jsonb not null default '[]';     -- [{ cell, value, computed, reason, byName, at }]
