-- Three standard documents (domain-reference §E.4) join the letter kinds, each with its editable template:
-- 征求意见告知书 (the applicant is told that a consultation is under way and its time is not counted),
-- 说明理由告知书 (条例第三十五条: the applicant is asked to explain a number or frequency of applications
-- clearly beyond reason) and 政府信息依申请公开告知书 to a third party (条例第三十二条: the agency discloses
-- over its objection, for the public interest, and tells it what and why).
alter table letter_templates drop constraint letter_templates_kind_check;
alter table letter_templates add constraint letter_templates_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'consultation_notice', 'disclosure', 'extension', 'reasons', 'delay', 'fee', 'reply'));
alter table application_letters drop constraint application_letters_kind_check;
alter table application_letters add constraint application_letters_kind_check
  check (kind in ('receipt', 'correction', 'consultation', 'consultation_notice', 'disclosure', 'extension', 'reasons', 'delay', 'fee', 'reply'));
