-- Working-day calendar (工作日历): national holidays and 调休 makeup workdays from the yearly
-- State Council notice, the years for which that notice has been entered, and an
-- organization's own local days. Ordinary weekends are computed, never stored.

-- A year is covered once its notice (《国务院办公厅关于YYYY年部分节假日安排的通知》) is entered;
-- a deadline that runs into a year not listed here fails instead of guessing.
create table calendar_years (
  year integer primary key check (year between 1949 and 9999),
  source text not null,      -- the notice (title, doc number, date)
  url text,
  created_by text not null,  -- who entered it: '系统' for the shipped data, else the admin
  created_at timestamptz not null default now()
);

-- National special days: a reference table (the same on every node in a distributed setup).
create table calendar_days (
  date date primary key,
  kind text not null check (kind in ('holiday', 'makeup_workday')),
  name text not null check (name <> ''),  -- e.g. 春节 / 春节调休上班
  source text not null,                    -- the notice this day comes from
  created_by text not null,
  created_at timestamptz not null default now()
);

-- Local days of one organization (e.g. a local festival the region observes), overriding the
-- national calendar on that date for that organization's deadlines. Carries org_id like
-- every row that belongs to an organization.
create table calendar_org_days (
  org_id bigint not null references organizations(id),
  date date not null,
  kind text not null check (kind in ('holiday', 'makeup_workday')),
  name text not null check (name <> ''),
  source text not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, date)
);
