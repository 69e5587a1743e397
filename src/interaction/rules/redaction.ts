// Publishing a reply with its message (issue 20 §1 “published only with the writer's consent, without
// personal data”; 条例第十五条 个人隐私不得公开). Pure: the confidentiality detectors are another
// domain's (src/catalogue/rules/confidentiality.ts), so they come in as a PersonalDataScan (src/app fills
// it in: src/app/interaction-hooks.ts).
//
// What the portal shows of a published message:
//   - never the contact fields (name, phone, e-mail): the writer is shown as 网友;
//   - the writer's name, phone and e-mail wherever they appear in the subject, message or reply: masked;
//   - whatever the scan finds (identity numbers, bank cards, mobile numbers) and e-mail addresses: masked.
export interface PersonalDataFinding {
  start: number;
  end: number;
}

/** Personal data in a text (UTF-16 offsets), e.g. the catalogue's detectFindings limited to personal detectors. */
export type PersonalDataScan = (text: string) => readonly PersonalDataFinding[];

/** How the writer is named on the portal. */
export const PUBLIC_WRITER = '网友';
export const MASK = '＊＊＊';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Every stretch of the text to hide, merged where they overlap. */
function spans(text: string, scan: PersonalDataScan, literals: readonly string[]): [number, number][] {
  const found: [number, number][] = scan(text).map((f) => [f.start, f.end]);
  for (const m of text.matchAll(EMAIL)) found.push([m.index!, m.index! + m[0].length]);
  for (const lit of literals) {
    if (!lit) continue;
    for (let i = text.indexOf(lit); i !== -1; i = text.indexOf(lit, i + lit.length)) found.push([i, i + lit.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return merged;
}

/** The text with the writer's contact details and any personal data found replaced by ＊＊＊. */
export function redactText(text: string, scan: PersonalDataScan, contact: { name: string; phone: string; email: string }): string {
  const phoneVariants = contact.phone ? [contact.phone, contact.phone.replace(/\D/g, '')] : [];
  // a one-character name (a surname alone) would mask every occurrence of that character: only names of 2+
  const literals = [...(contact.name.trim().length >= 2 ? [contact.name.trim()] : []), ...phoneVariants.filter((p) => p.length >= 5), contact.email.trim()];
  let out = '';
  let at = 0;
  for (const [s, e] of spans(text, scan, literals)) {
    out += text.slice(at, s) + MASK;
    at = e;
  }
  return out + text.slice(at);
}

export interface Publication {
  subject: string;
  content: string;
  reply: string;
}

/** Why a message may not be published, or null: the writer's consent and a signed reply are both needed. */
export function publicationRefusal(m: { consentPublish: boolean; state: string; replyText: string }): string | null {
  if (!m.consentPublish) return '留言人未同意公开，不能公开此留言及答复';
  if (!['answered', 'closed'].includes(m.state) || !m.replyText) return '答复经负责人签发后才能公开';
  return null;
}

/** The redacted texts the portal shows. */
export function publication(m: { subject: string; content: string; replyText: string; contact: { name: string; phone: string; email: string } }, scan: PersonalDataScan): Publication {
  return {
    subject: redactText(m.subject, scan, m.contact),
    content: redactText(m.content, scan, m.contact),
    reply: redactText(m.replyText, scan, m.contact),
  };
}
