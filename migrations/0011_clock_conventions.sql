-- How an organization counts the reply clock where the Regulation is silent
-- (rules/clock-conventions.ts, docs/clock-conventions.md). Without a row, the nearest organization
-- above with one applies, else the documented defaults. Due dates are computed on every read, so
-- a change applies at once to every open case of the organizations it covers.
create table clock_conventions (
  org_id bigint primary key references organizations(id),
  start_day_counts boolean not null,
  pause_start_day_counts boolean not null,
  pause_end_day_counts boolean not null,
  fee_payment_working_days integer not null check (fee_payment_working_days between 1 and 60),
  due_soon_working_days integer not null check (due_soon_working_days between 0 and 20),
  updated_by bigint references users(id),
  updated_by_name text not null,
  updated_at timestamptz not null default now()
);
