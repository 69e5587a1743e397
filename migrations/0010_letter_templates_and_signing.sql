-- Letters of 依申请公开 (issue 5, item 5): editable templates per organization, the head's
-- review and signature of the reply, and the issued letters kept with the case.
-- Every row carries org_id (the future distribution key).

-- An organization's own wording of one letter (rules/letter-template.ts: one paragraph per line,
-- placeholders such as {申请人} {收到日期} {信息名称}). Without a row the built-in wording applies
-- (letter-defaults.ts); deleting the row restores it.
create table letter_templates (
  org_id bigint not null references organizations(id),
  kind text not null check (kind in ('receipt', 'correction', 'consultation', 'extension', 'fee', 'reply')),
  -- reply: the table 3 outcome key (granted, withheld.stateSecret, …); consultation: third_party or
  -- agency; '' for the other kinds
  variant text not null default '',
  body text not null,
  updated_by bigint references users(id),
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, kind, variant)
);

-- 答复须经机关负责人审核签发: a drafted reply waits for the head (reply_drafted, 待签发).
alter table applications drop constraint applications_state_check;
alter table applications add constraint applications_state_check check (state in (
  'submitted', 'received', 'correction_requested', 'corrected', 'abandoned', 'consulting', 'consulted',
  'fee_notified', 'paid', 'unpaid', 'extended', 'reply_drafted', 'replied', 'closed', 'withdrawn'));

-- A letter as issued (the reply when signed, the other notices when their step is recorded): the
-- composed text is frozen here, so later changes of the organization's address or templates never
-- rewrite a letter already sent.
create table application_letters (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  case_id bigint not null references applications(id),
  kind text not null check (kind in ('receipt', 'correction', 'consultation', 'extension', 'fee', 'reply')),
  -- the case event that issued it (received, correction_requested, …, replied)
  event_id bigint not null references application_events(id),
  issued_on date not null,
  -- the composed letter (title, number, addressee, paragraphs, contact, signer, date): the PDF is
  -- rendered once from this snapshot on first download
  letter jsonb not null,
  created_at timestamptz not null default now(),
  unique (event_id, kind)
);
create index application_letters_case_idx on application_letters (case_id, kind, id);

-- The files of an issued letter: the DOCX made at issue, the PDF on first download. Never updated.
create table application_letter_files (
  org_id bigint not null references organizations(id),
  case_id bigint not null references applications(id),
  letter_id bigint not null references application_letters(id),
  kind text not null,
  format text not null check (format in ('docx', 'pdf')),
  file_name text not null,
  content bytea not null,
  size integer not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  primary key (letter_id, format)
);
create index application_letter_files_case_idx on application_letter_files (case_id);
