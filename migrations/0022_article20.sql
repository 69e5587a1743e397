-- The Article 20 ledgers (第二十条事项台账): the records behind table 2 第二十条第（五）（六）（八）（九）项
-- of the annual report (docs/article20-table2.md). Every entry is 录入 (entered) by an editor and
-- 已确认 (confirmed) by the head or an administrator; only confirmed entries count in the report.

-- One import of a 双公示 export (the decisions it added carry its id).
create table article20_import_batches (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  file_name text not null,
  sha256 text not null,
  rows_added integer not null,
  duplicates integer not null,
  actor_name text not null,
  created_at timestamptz not null default now()
);
create index article20_import_batches_org_idx on article20_import_batches (org_id, created_at);

-- One 行政许可 / 行政处罚 / 行政强制 decision; its 决定文书号 is unique per organization and category,
-- compared by doc_key (brackets, widths and spaces normalized: rules/doc-number.ts).
create table article20_decisions (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  category text not null check (category in ('licensing', 'penalty', 'coercion')),
  doc_number text not null,
  doc_key text not null,
  decided_on date not null,
  subject text not null default '',          -- 相对人或事项名称 (optional)
  batch_id bigint references article20_import_batches(id),
  status text not null default 'entered' check (status in ('entered', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint article20_decisions_unique unique (org_id, category, doc_key)
);
create index article20_decisions_year_idx on article20_decisions (org_id, decided_on);

-- Counts entered by hand, for a year ('') or a month (M01–M12) or quarter (Q1–Q4) of it.
create table article20_counts (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  period text not null default '' check (period ~ '^(|M(0[1-9]|1[0-2])|Q[1-4])$'),
  category text not null check (category in ('licensing', 'other_services', 'penalty', 'coercion')),
  count integer not null check (count >= 0),
  note text not null default '',
  status text not null default 'entered' check (status in ('entered', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint article20_counts_unique unique (org_id, year, category, period)
);

-- 行政事业性收费 collected, in 分 (exact; shown in 万元 in table 2).
create table article20_fees (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  period text not null default '' check (period ~ '^(|M(0[1-9]|1[0-2])|Q[1-4])$'),
  item text not null,
  amount_fen bigint not null check (amount_fen >= 0),
  note text not null default '',
  status text not null default 'entered' check (status in ('entered', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  created_at timestamptz not null default now()
);
create index article20_fees_year_idx on article20_fees (org_id, year);

-- 2019 layout: 上一年项目数量 and 本年增/减 (signed) of each item row of a year.
create table article20_items (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  item text not null check (item in ('licensing', 'other_services', 'penalty', 'coercion', 'fees')),
  previous_count integer not null check (previous_count >= 0),
  change integer not null,
  status text not null default 'entered' check (status in ('entered', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint article20_items_unique unique (org_id, year, item)
);

-- 2019 layout: 政府集中采购 of a year (项目数量, 采购总金额 in 分).
create table article20_procurement (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  year integer not null check (year between 2008 and 2100),
  projects integer not null check (projects >= 0),
  amount_fen bigint not null check (amount_fen >= 0),
  status text not null default 'entered' check (status in ('entered', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint article20_procurement_unique unique (org_id, year)
);

-- A previewed import, kept until confirmed (for one hour, for the user who uploaded), so that any
-- app process can take the confirmation.
create table article20_import_previews (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  user_id bigint,
  file_name text not null,
  sha256 text not null,
  category text check (category in ('licensing', 'penalty', 'coercion')),
  parsed jsonb not null,
  created_at timestamptz not null default now()
);
