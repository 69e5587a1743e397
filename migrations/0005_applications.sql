-- Applications for disclosure (依申请公开): cases, the applicant's personal data (kept apart),
-- dated events (the statutory clock is computed from them, never stored), attachments, the
-- letters kept with a case, and per-organization receipt-number counters.
-- Every row carries org_id (the future distribution key).

-- 接收回执编号: one counter row per organization and year, incremented under its row lock
-- (update … set n = n + 1 returning n), so several app processes never hand out a number twice.
create table application_counters (
  org_id bigint not null references organizations(id),
  year integer not null,
  n integer not null default 0,
  primary key (org_id, year)
);

-- One application (a case). No personal data here: see application_applicants.
create table applications (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  receipt_no text not null unique,
  state text not null check (state in (
    'submitted', 'received', 'correction_requested', 'corrected', 'abandoned', 'consulting', 'consulted',
    'fee_notified', 'paid', 'unpaid', 'extended', 'replied', 'closed', 'withdrawn')),
  -- 条例第三十一条: how the application reached the agency
  channel text not null check (channel in ('in_person', 'oral', 'post_signed', 'ordinary_letter', 'online', 'fax')),
  submitted_at timestamptz not null default now(),
  submitted_on date not null,
  -- 收到申请之日 (legal receipt date, 第三十一条); null until received/confirmed
  received_on date,
  -- The day the case ended (reply, 逾期不补正, 逾期未缴费, withdrawal); table 3 counts outcomes by it
  concluded_on date,
  -- Table 3 outcome row key (国办公开办函〔2021〕30号 layout), set when concluded
  outcome text,
  -- 申请人情况 column of table 3: 自然人 or one of the five 法人或其他组织 columns
  applicant_kind text not null check (applicant_kind in ('natural', 'organization')),
  applicant_column text not null check (applicant_column in ('natural', 'business', 'research', 'public_welfare', 'legal_service', 'other')),
  -- 条例第二十九条第二款（二）: name, document number or other features of the information sought
  info_title text not null,
  info_doc_number text not null default '',
  info_description text not null default '',
  -- 条例第二十九条第二款（三）: form and manner of getting the information
  form_wanted text not null check (form_wanted in ('paper', 'electronic')),
  delivery text not null check (delivery in ('post', 'email', 'collect', 'online')),
  handler_user_id bigint references users(id),
  -- double submission: a one-time key from the form, and a fingerprint of the content
  submission_key text,
  fingerprint text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index applications_submission_key_idx on applications (org_id, submission_key);
create index applications_org_state_idx on applications (org_id, state, id desc);
create index applications_org_received_idx on applications (org_id, received_on);
create index applications_org_concluded_idx on applications (org_id, concluded_on);
create index applications_fingerprint_idx on applications (org_id, fingerprint, submitted_at);

-- The applicant's personal data (条例第二十九条第二款（一）), one row per case. Only the
-- staff console and the staff API read this table; the portal never does (present.ts).
create table application_applicants (
  case_id bigint primary key references applications(id),
  org_id bigint not null references organizations(id),
  kind text not null check (kind in ('natural', 'organization')),
  name text not null,                          -- 姓名 / 名称
  id_type text not null default '',            -- 自然人: 身份证件类型
  id_number text not null default '',          -- 自然人: 证件号码
  credit_code text not null default '',        -- 法人或其他组织: 统一社会信用代码
  legal_representative text not null default '',
  contact_person text not null default '',
  phone text not null,
  email text not null default '',
  address text not null default '',
  postal_code text not null default '',
  -- “同一申请人” (国办函〔2020〕109号 按件计收, 条例第三十五条): a hash of the normalized identity
  applicant_key text not null
);
create index application_applicants_key_idx on application_applicants (org_id, applicant_key);

-- Dated events: the clock (deadline.ts) and the timeline are computed from these.
create table application_events (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  case_id bigint not null references applications(id),
  kind text not null,
  on_date date not null,           -- the legal date of the event (may be earlier than `at`)
  at timestamptz not null default now(),
  actor_user_id bigint,
  actor_name text not null,
  data jsonb not null default '{}'::jsonb,
  note text not null default ''
);
create index application_events_case_idx on application_events (case_id, id);

-- Files the applicant attached (条例第二十九条: 身份证明 and supporting material).
create table application_attachments (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  case_id bigint not null references applications(id),
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index application_attachments_case_idx on application_attachments (case_id);
