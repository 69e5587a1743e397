-- Public consultation (意见征集) on draft documents (issue 20 §3, docs/consultations.md): the
-- consultation, the comments of the public (moderated before any is shown), the 结果反馈 with its
-- points (采纳 or not, and why), and each organization's minimum periods per kind of document.

-- An organization's minimum consultation period for a kind of document; absent = the default of
-- src/consultations/rules/minimum-period.ts (重大行政决策 30 日, 行政规范性文件 7 个工作日).
create table consultation_settings (
  org_id bigint not null references organizations(id),
  kind text not null check (kind in ('normative', 'major_decision', 'other')),
  min_days integer not null check (min_days between 0 and 365),
  day_unit text not null check (day_unit in ('calendar', 'working')),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, kind)
);

-- One consultation. status is what was done (起草 → 发布 → 反馈已公布); whether it is open or closed
-- follows from the dates (rules/phase.ts), never stored.
create table consultations (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  kind text not null check (kind in ('normative', 'major_decision', 'other')),
  title text not null,
  draft text not null,
  explanation text not null,
  starts_on date not null,
  ends_on date not null,
  contact text not null default '',
  short_period_reason text not null default '',
  status text not null default 'draft' check (status in ('draft', 'published', 'concluded')),
  published_on date,
  published_by text,
  feedback_summary text not null default '',
  feedback_published_on date,
  feedback_published_by text,
  final_item_id bigint,
  final_title text,
  final_href text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint consultations_period check (ends_on >= starts_on)
);
create index consultations_org_idx on consultations (org_id, starts_on desc);
create index consultations_public_idx on consultations (status, ends_on desc);

-- A comment of the public. name and contact are personal data: never on the portal, never in the
-- audit log. Only approved comments are shown.
create table consultation_comments (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations(id),
  org_id bigint not null references organizations(id),
  body text not null,
  name text not null default '',
  contact text not null default '',
  channel text not null default 'online' check (channel in ('online', 'offline')),
  received_on date not null,
  received_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reject_reason text not null default '',
  moderated_by text,
  moderated_at timestamptz
);
create index consultation_comments_idx on consultation_comments (consultation_id, status, id);
create index consultation_comments_pending_idx on consultation_comments (org_id) where status = 'pending';

-- The draft as a file (PDF, OFD, Word), besides its text; the latest upload is the one shown.
create table consultation_attachments (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations(id),
  org_id bigint not null references organizations(id),
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index consultation_attachments_idx on consultation_attachments (consultation_id, id desc);

-- The 结果反馈's points: what the public said (grouped), whether it was adopted, and why not.
create table consultation_feedback_points (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations(id),
  position integer not null,
  point text not null,
  result text not null check (result in ('adopted', 'partly', 'not_adopted')),
  reason text not null default '',
  constraint consultation_feedback_points_unique unique (consultation_id, position)
);
