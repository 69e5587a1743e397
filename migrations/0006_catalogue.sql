-- Proactive disclosure (主动公开, 条例第十九条至第二十六条): the disclosure catalogue of each
-- organization — columns (栏目), items with their versions, 索引号 counters, review before
-- publication (三审制 + 保密审查, 条例第十七条), acknowledgements of confidentiality findings,
-- policy interpretations (解读), visit statistics without personal data, and search.
-- Every row that belongs to an organization carries org_id (future distribution key).

create extension if not exists pg_trgm;

-- Per-organization settings: the review stages ([{ "name": "初审", "role": "reviewer" }, …]),
-- whether one person may sign two stages of the same version, and the organization's own
-- list of words that must not be published. Created with the defaults on first use.
create table catalogue_settings (
  org_id bigint primary key references organizations(id),
  stages jsonb not null,
  distinct_signers boolean not null default true,
  sensitive_words text[] not null default '{}',
  updated_at timestamptz not null default now()
);

-- 栏目: a tree per organization, ordered by position; update_days is the expected update
-- interval that the inspection rules check (domain-reference §D.4), null = updated as needed.
create table catalogue_columns (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  parent_id bigint references catalogue_columns(id),
  name text not null check (name <> ''),
  position integer not null default 0,
  kind text not null default 'general' check (kind in ('general', 'guide', 'policy', 'interpretation', 'report')),
  update_days integer check (update_days > 0),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index catalogue_columns_name_idx on catalogue_columns (org_id, coalesce(parent_id, 0), name);
create index catalogue_columns_org_idx on catalogue_columns (org_id, parent_id, position);

-- An item is one piece of government information in the catalogue. Its content lives in
-- versions; the portal shows published_version_id unless the item is withdrawn.
-- 索引号 is allocated at first publication and never changes or is reused.
create table catalogue_items (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  index_number text,
  published_version_id bigint,
  first_published_at timestamptz,
  withdrawn_at timestamptz,
  withdraw_reason text,
  withdrawn_by_name text,
  -- 有效性 of a policy document ([G17] 文件资料: 修改、废止、失效 … 在已发布的原文件上作出明确标注)
  validity text not null default 'effective' check (validity in ('effective', 'expired', 'abolished', 'amended')),
  validity_date date,
  validity_note text not null default '',
  view_count bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index catalogue_items_index_number_idx on catalogue_items (org_id, index_number) where index_number is not null;
create index catalogue_items_org_idx on catalogue_items (org_id, id desc);

create table catalogue_versions (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  item_id bigint not null references catalogue_items(id),
  version integer not null,
  state text not null check (state in ('draft', 'in_review', 'published', 'superseded', 'withdrawn')),
  column_id bigint not null references catalogue_columns(id),
  title text not null check (title <> ''),
  summary text not null default '',
  body text not null default '',           -- plain text, paragraphs separated by blank lines
  doc_number text not null default '',     -- 文号
  publisher text not null,                 -- 发布机构
  written_date date,                       -- 成文日期
  formed_date date,                        -- 形成或者变更之日 (条例第二十六条)
  published_date date,                     -- 发布日期 of this version
  topic text not null default '',          -- 主题分类
  disclosure_mode text not null default '主动公开',
  doc_kind text check (doc_kind in ('regulation', 'normative', 'other_policy')),
  deadline_basis text not null default '', -- 条例第二十六条：法律、法规另有规定的期限
  stages jsonb,                            -- the review stages as they were at submission
  stage_index integer,
  review_round integer not null default 0,
  rejection_reason text,
  author_id bigint,
  author_name text not null,
  submitted_at timestamptz,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (item_id, version)
);
-- At most one version of an item is being written or reviewed at a time.
create unique index catalogue_versions_open_idx on catalogue_versions (item_id) where state in ('draft', 'in_review');
-- Column lists of the portal: the live versions by date.
create index catalogue_versions_live_idx on catalogue_versions (column_id, published_date desc, item_id desc) where state = 'published';
create index catalogue_versions_org_state_idx on catalogue_versions (org_id, state);
alter table catalogue_items add constraint catalogue_items_published_version_fk foreign key (published_version_id) references catalogue_versions(id);

-- 索引号 sequence: one counter row per organization and year, taken with
-- `insert … on conflict do update … returning` inside the publishing transaction, so that
-- processes sharing the database never hand out the same number.
create table catalogue_index_counters (
  org_id bigint not null references organizations(id),
  year integer not null,
  last_seq integer not null,
  primary key (org_id, year)
);

-- One decision of one review stage (reject carries the reason back to the author).
create table catalogue_signoffs (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  item_id bigint not null references catalogue_items(id),
  version_id bigint not null references catalogue_versions(id),
  round integer not null,
  stage_index integer not null,
  stage_name text not null,
  role text not null,
  decision text not null check (decision in ('approve', 'reject')),
  reason text not null default '',
  user_id bigint,
  user_name text not null,
  at timestamptz not null default now()
);
create index catalogue_signoffs_version_idx on catalogue_signoffs (version_id, id);

-- Findings of the confidentiality and personal-data check are computed from the text; a
-- 保密审查员 acknowledges one (the same detector and matched text in this version) with a reason.
create table catalogue_finding_acks (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  version_id bigint not null references catalogue_versions(id),
  detector text not null,
  match_text text not null,
  reason text not null check (reason <> ''),
  user_id bigint,
  user_name text not null,
  at timestamptz not null default now(),
  unique (version_id, detector, match_text)
);

-- Attachments of a version; file contents are stored once per organization and hash.
create table catalogue_blobs (
  org_id bigint not null references organizations(id),
  sha256 text not null,
  content bytea not null,
  primary key (org_id, sha256)
);
create table catalogue_attachments (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  version_id bigint not null references catalogue_versions(id),
  position integer not null default 0,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  text text not null default '',           -- extracted for search and the confidentiality check
  created_at timestamptz not null default now()
);
create index catalogue_attachments_version_idx on catalogue_attachments (version_id, position);

-- 政策解读 linked to the policy document it interprets (“三同步”, domain-reference §E.6).
create table catalogue_interpretations (
  org_id bigint not null references organizations(id),
  policy_item_id bigint not null references catalogue_items(id),
  interpretation_item_id bigint not null references catalogue_items(id),
  created_by_name text not null,
  created_at timestamptz not null default now(),
  primary key (policy_item_id, interpretation_item_id),
  check (policy_item_id <> interpretation_item_id)
);
create index catalogue_interpretations_reverse_idx on catalogue_interpretations (interpretation_item_id);

-- Search over the live items: simplified text (traditional converted), a tsvector of character
-- bigrams built by the application (weights: A title, B 文号 and summary, C body, D attachments),
-- and a trigram index on titles for fuzzy ranking.
create table catalogue_search (
  item_id bigint primary key references catalogue_items(id),
  org_id bigint not null references organizations(id),
  column_id bigint not null references catalogue_columns(id),
  published_date date not null,
  doc_number text not null default '',
  title text not null,
  text text not null,
  vector tsvector not null
);
create index catalogue_search_vector_idx on catalogue_search using gin (vector);
create index catalogue_search_title_idx on catalogue_search using gin (title gin_trgm_ops);
create index catalogue_search_org_date_idx on catalogue_search (org_id, published_date desc);
-- Newest first: frequent terms are found by walking the dates rather than reading every match.
create index catalogue_search_date_idx on catalogue_search (published_date desc, item_id desc);

-- Visits without personal data: daily page views, and unique visitors counted from a hash of
-- the client with a random salt of the day; hashes and salts are deleted once the day is over.
create table catalogue_daily_visits (
  org_id bigint not null references organizations(id),
  day date not null,
  pv bigint not null default 0,
  uv integer not null default 0,
  primary key (org_id, day)
);
create table catalogue_visitor_hashes (
  org_id bigint not null,
  day date not null,
  hash text not null,
  primary key (org_id, day, hash)
);
create table catalogue_visit_salts (
  day date primary key,
  salt text not null
);
