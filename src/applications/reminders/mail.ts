// The reminder e-mail (in Chinese) and the SMTP mailer. The e-mail names each case by its receipt
// number and the title of the information sought only: never the applicant's name, identity
// document, phone, address or e-mail.
import type { Transporter } from 'nodemailer';
import type { Config } from '../../core/config.ts';
import { reminderLine, type ReminderItem } from './rules.ts';
import type { StoredDigest } from './store.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** An SMTP mailer for GONGKAI_SMTP_URL (smtp://user:pass@host:587, smtps://…:465) sending as GONGKAI_MAIL_FROM. */
export function smtpMailer(url: string, from: string): Mailer {
  // nodemailer is loaded with the first e-mail, not at every start of the server or the CLI.
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }, { from }),
    ));
  return {
    async send(m) {
      await (await open()).sendMail({ to: m.to, subject: m.subject, text: m.text, textEncoding: 'base64' });
    },
    close: () => void transport?.then((t) => t.close(), () => {}),
  };
}

/** The configured mailer, or null when SMTP is not configured (reminders then show in the console only). */
export function mailerFromConfig(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  return config.smtpUrl && config.mailFrom ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
}

const section = (title: string, items: readonly ReminderItem[]) =>
  items.length ? [`${title}（${items.length} 件）：`, ...items.map((i) => `  ${reminderLine(i)}`), ''] : [];

export function digestSubject(d: Pick<StoredDigest, 'onDate' | 'overdue' | 'dueSoon'>): string {
  const parts = [d.overdue.length ? `已逾期 ${d.overdue.length} 件` : '', d.dueSoon.length ? `即将到期 ${d.dueSoon.length} 件` : ''].filter(Boolean);
  return `依申请公开办理时限提醒（${d.onDate}）：${parts.join('，')}`;
}

export function digestEmail(d: StoredDigest): Omit<MailMessage, 'to'> {
  const unassigned = d.overdue.concat(d.dueSoon).some((i) => !i.assigned);
  const text = [
    `${d.displayName}，您好：`,
    '',
    `截至 ${d.onDate}，您在${d.orgName}办理的以下政府信息公开申请需要注意答复期限（《中华人民共和国政府信息公开条例》第三十三条，按工作日计算）：`,
    '',
    ...section('已逾期', d.overdue),
    ...section('即将到期', d.dueSoon),
    ...(unassigned ? ['标注“未分配办理人”的申请尚未分配，已同时提醒本机关全部依申请办理人。'] : []),
    '请登录 gongkai 管理后台“依申请公开”查看和办理。',
    '',
    '本邮件由系统自动发送，不含申请人个人信息，请勿回复。',
  ];
  return { subject: digestSubject(d), text: text.join('\n') };
}
