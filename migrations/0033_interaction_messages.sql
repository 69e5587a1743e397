-- Messages from the public (issue 20 §1: 信箱 / 咨询 / 建议 / 投诉 / 求助, 领导信箱 as a box): the message
-- with the writer's contact (personal data: never published, never in audit summaries), the hash of the
-- query code shown once to the writer, its reply deadline in working days (domain-reference §E.5), its
-- routing (transfers, merge of duplicates, split), the reply drafted by a handler and signed by the head,
-- publication with the writer's consent (the published texts stored as redacted), the writer's rating,
-- and conversion to a 依申请公开 application or to 信访. Per-organization deadline overrides.

create table interaction_messages (
  id bigint generated always as identity primary key,
  -- the organization handling it now (changes on transfer) and the one the writer addressed
  org_id bigint not null references organizations(id),
  addressed_org_id bigint not null references organizations(id),
  category text not null check (category in ('consult', 'suggest', 'help', 'complain')),
  box text not null default 'general' check (box in ('general', 'leader')),
  channel text not null check (channel in ('website', 'hotline', 'letter')),
  subject text not null,
  content text not null,
  contact_name text not null default '',
  contact_phone text not null default '',
  contact_email text not null default '',
  consent_publish boolean not null default false,
  -- sha256 of the normalized query code; null for a part split off (the writer follows it with the original's code)
  query_code_hash text unique,
  -- the one-time key of the public form: the same form sent twice is one message
  submission_key text unique,
  received_on date not null,
  -- the day the current organization's clock started (received, or the transfer) and its due date
  -- (null while the working-day calendar does not cover the period)
  clock_start_on date not null,
  due_on date,
  state text not null default 'received' check (state in ('received', 'reply_drafted', 'answered', 'closed', 'merged', 'converted_application', 'converted_petition', 'invalid')),
  reply_text text not null default '',
  reply_drafted_by text,
  reply_drafted_on date,
  reply_returned_reason text,
  reply_signed_by text,
  answered_on date,
  closed_on date,
  -- the state's reason shown to the writer: 转信访, 无效留言
  close_reason text not null default '',
  merged_into_id bigint references interaction_messages(id),
  split_from_id bigint references interaction_messages(id),
  converted_case_id bigint,
  converted_receipt_no text,
  published boolean not null default false,
  published_on date,
  published_subject text,
  published_content text,
  published_reply text,
  rating text check (rating in ('satisfied', 'basically', 'unsatisfied')),
  rated_on date,
  created_at timestamptz not null default now()
);
create index interaction_messages_org_idx on interaction_messages (org_id, state, due_on);
create index interaction_messages_received_idx on interaction_messages (org_id, received_on);
create index interaction_messages_published_idx on interaction_messages (org_id, published_on desc) where published;

create table interaction_attachments (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  message_id bigint not null references interaction_messages(id),
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index interaction_attachments_message_idx on interaction_attachments (message_id);

create table interaction_transfers (
  id bigint generated always as identity primary key,
  message_id bigint not null references interaction_messages(id),
  from_org_id bigint not null references organizations(id),
  to_org_id bigint not null references organizations(id),
  reason text not null,
  transferred_on date not null,
  by_name text not null,
  created_at timestamptz not null default now()
);
create index interaction_transfers_message_idx on interaction_transfers (message_id, id);

-- an organization's own reply periods, per category (absent: the defaults of src/interaction/rules/deadline.ts)
create table interaction_deadline_settings (
  org_id bigint not null references organizations(id),
  category text not null check (category in ('consult', 'suggest', 'help', 'complain')),
  working_days integer not null check (working_days between 1 and 60),
  primary key (org_id, category)
);
