-- Inspections of the catalogue's published content (issue 17 §2; 国办秘函〔2019〕19号, domain-reference §D.4):
-- per agency, a run with its date and its findings — dead links, 暗链 (hidden links), 严重表述错误 —
-- kept so that progress can be compared; a finding seen in an earlier run keeps its first-seen date.
-- And the list of wrong wordings the inspection looks for: global rows (org_id null, seeded from
-- src/catalogue/inspection/default-wording.json) and an organization's own (applying to it and below).

create table catalogue_inspection_runs (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  run_on date not null,
  -- external links asked over HTTP (GONGKAI_LINK_CHECK=on or --links); otherwise recorded as 未检查
  links_checked boolean not null default false,
  -- { "items": n, "versions": n, "links": n, "internalLinks": n, "externalLinks": n, "unchecked": n }
  summary jsonb not null default '{}',
  -- findings by rule: { "dead_link": n, "hidden_link": n, "wording": n, "unanswered": n }
  counts jsonb not null default '{}',
  created_by_name text not null,
  created_at timestamptz not null default now()
);
create index catalogue_inspection_runs_org_idx on catalogue_inspection_runs (org_id, id desc);

create table catalogue_inspection_findings (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  run_id bigint not null references catalogue_inspection_runs(id),
  rule text not null check (rule in ('dead_link', 'hidden_link', 'wording', 'unanswered')),
  item_id bigint references catalogue_items(id),
  version_id bigint references catalogue_versions(id),
  -- the same finding in another run has the same fingerprint (rule, item, link or wording and sentence)
  fingerprint text not null,
  link text not null default '',
  sentence text not null default '',
  suggestion text not null default '',
  -- dead links: the state (broken, timeout, redirect-loop, unreachable) and its Chinese label; 暗链: the reason
  detail text not null default '',
  -- where the finding is: 正文, 附件 name, 标题…; and whether the version was published or in review
  place text not null default '',
  version_state text not null default 'published',
  first_seen date not null
);
create index catalogue_inspection_findings_run_idx on catalogue_inspection_findings (run_id, rule, item_id);
create index catalogue_inspection_findings_seen_idx on catalogue_inspection_findings (org_id, fingerprint);

create table catalogue_wording_rules (
  id bigint generated always as identity primary key,
  org_id bigint references organizations(id),
  wrong text not null check (wrong <> ''),
  suggestion text not null check (suggestion <> ''),
  kind text not null check (kind in ('organ', 'outdated', 'typo')),
  except_words text[] not null default '{}',
  since date,
  active boolean not null default true,
  created_by_name text not null,
  created_at timestamptz not null default now()
);
create unique index catalogue_wording_rules_unique_idx on catalogue_wording_rules (coalesce(org_id, 0), wrong);
