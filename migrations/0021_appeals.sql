-- The appeals register (复议诉讼台账): 行政复议 and 行政诉讼 raised against the organization's
-- 政府信息公开 work, from which table 4 of the annual report is counted (docs/appeals-table4.md).
-- The party is personal data: only the staff console and API of the organization read it.
create table appeals (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  kind text not null check (kind in ('review', 'litigation_direct', 'litigation_after_review')),
  -- the 依申请公开 case concerned, when there is one: its receipt number as entered, and the case
  -- of this organization that number named when saved (a reference only; the case may be imported later)
  receipt_no text not null default '',
  case_id bigint references applications(id),
  party text not null,                         -- 申请人 / 原告
  body text not null,                          -- 复议机关 / 人民法院
  case_number text not null default '',       -- 案号
  received_on date not null,                   -- 复议机关收到申请 / 法院立案之日
  decided_on date,                             -- 作出决定、裁判之日; null while 尚未审结
  outcome text check (outcome in ('upheld', 'corrected', 'other')),
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint appeals_decision_whole check ((decided_on is null) = (outcome is null)),
  constraint appeals_decided_after_received check (decided_on is null or decided_on >= received_on)
);
create index appeals_org_idx on appeals (org_id, received_on);

-- The decision document (复议决定书、判决书、裁定书), kept as uploaded; the latest one counts.
create table appeal_documents (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  appeal_id bigint not null references appeals(id),
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index appeal_documents_appeal_idx on appeal_documents (appeal_id);
