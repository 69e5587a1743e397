-- 条例第三十五条 说明理由: the letter that asks an applicant to explain a number or frequency of
-- applications clearly beyond reason (说明理由告知书, domain-reference §E.4 item 4) joins the letter kinds.
alter table letter_templates drop constraint letter_templates_kind_check;
alter table letter_templates add constraint letter_templates_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'extension', 'reasons', 'delay', 'fee', 'reply'));
alter table application_letters drop constraint application_letters_kind_check;
alter table application_letters add constraint application_letters_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'extension', 'reasons', 'delay', 'fee', 'reply'));
