-- 条例第三十五条 延迟答复: the letter that tells the applicant the later reply date the agency set
-- (延迟答复告知书) joins the letter kinds, with its own editable template.
alter table letter_templates drop constraint letter_templates_kind_check;
alter table letter_templates add constraint letter_templates_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'extension', 'delay', 'fee', 'reply'));
alter table application_letters drop constraint application_letters_kind_check;
alter table application_letters add constraint application_letters_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'extension', 'delay', 'fee', 'reply'));
