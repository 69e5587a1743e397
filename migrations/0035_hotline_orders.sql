-- 12345 work orders imported from the platform's Excel exports (issue 20 §2): each order is a message
-- of interaction_messages (channel 'hotline'); this links the platform's 工单编号 to it, once per
-- importing organization (re-import recognized: the same order twice is one message), and keeps the
-- layout the order came in (the header row of its file) and the row as the platform wrote it, so that
-- the reply given in gongkai is exported back in the same columns. A separate table rather than a column
-- of interaction_messages: a transfer changes the message's org_id, the importing agency stays.
-- The row holds the caller's name and number (personal data): never published, never in audit summaries.

create table hotline_imports (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  file_name text not null,
  sha256 text not null,
  -- the header row as in the file (column titles in order), for the export in the same layout
  headers text[] not null,
  imported_on date not null,
  created_at timestamptz not null default now()
);
create index hotline_imports_org_idx on hotline_imports (org_id, id desc);

create table hotline_orders (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  order_no text not null,
  message_id bigint not null unique references interaction_messages(id),
  -- the last import that carried the order (its layout is the order's layout)
  import_id bigint not null references hotline_imports(id),
  -- the row's cells by column title, as the platform wrote them (text)
  row_values jsonb not null,
  -- the platform had answered the order when it was last imported (nothing to send back)
  answered_on_platform boolean not null default false,
  unique (org_id, order_no)
);
create index hotline_orders_import_idx on hotline_orders (import_id);
