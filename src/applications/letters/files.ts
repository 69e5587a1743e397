// Letters as files. A letter is issued with its step — the receipt, 补正, 征求意见, 延期 and 收费
// notices when the step is recorded, the reply when the head signs it: the composed text is frozen
// (application_letters) in the step's transaction, and its DOCX is rendered from that text after
// commit by a letter job queued in the same transaction (letter-jobs.ts: rendering is the slow part
// and needs nothing but the frozen text, so a crash after commit loses no letter); a download that
// comes before the job renders the same frozen text and stores it first. The PDF is rendered once from that snapshot on
// first download (pdfmake with its CJK fonts takes ~0.1 s per letter, ~0.6 s for the first one in a
// process — too slow to add to every action) and stored too; a character the PDF fonts lack is
// printed as 〓 and logged as a warning when the PDF is made (letter-pdf.ts). Downloads serve the
// stored bytes, so what the applicant received never changes. A reply awaiting signature is
// rendered live and marked 草稿; a step recorded before letters were kept (or imported from a
// ledger) is rebuilt from the case's records and marked as such.
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../core/db/database.ts';
import { conflict, notFound, renderingFile } from '../../core/errors.ts';
import { loadClockRules } from '../clock-conventions/store.ts';
import { ancestorsOf, findOrgById } from '../../orgs/store.ts';
import { defaultTemplate } from './defaults.ts';
import type { LetterLog } from './pdf.ts';
import { composeLetter, letterEventOf, letterKindsOfEvent, letterVariant, LETTER_TITLES, type Letter, type LetterFacts, type LetterKind } from './compose.ts';
import { caseClock } from '../rules/case-clock.ts';
import { reviewBodyName } from '../rules/remedy.ts';
import {
  findApplicant,
  findCase,
  findIssuedLetter,
  deleteLetterJob,
  findIssuedLetterById,
  findLetterFile,
  insertIssuedLetter,
  insertLetterFile,
  insertLetterJob,
  listEvents,
  listTemplates,
  type StoredTemplate,
} from '../store.ts';
import { today } from '../../core/today.ts';

const DUE_AS_OF: Partial<Record<LetterKind, string>> = { receipt: 'received', reasons: 'reasons_requested', extension: 'extended' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The organization's template of a kind and variant, else the built-in wording. */
export function templateText(stored: readonly StoredTemplate[], kind: LetterKind, variant: string): string {
  return stored.find((t) => t.kind === kind && t.variant === variant)?.body ?? defaultTemplate(kind, variant);
}

/** Composes a letter of the case from the database as it stands (inside or outside a transaction). */
export async function loadLetter(db: Queryable, caseId: number, kind: LetterKind, opts: { draft?: boolean } = {}): Promise<Letter> {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('该申请');
  const [applicant, events, org, templates] = await Promise.all([findApplicant(db, caseId), listEvents(db, caseId), findOrgById(db, c.orgId), listTemplates(db, c.orgId)]);
  const ancestors = await ancestorsOf(db, org!);
  let dueDate: string | null = null;
  const asOf = DUE_AS_OF[kind];
  if (asOf) {
    const last = events.map((e) => e.kind).lastIndexOf(asOf);
    const upTo = events.slice(0, last + 1);
    dueDate = caseClock(await loadClockRules(db, c.orgId), c, upTo, today()).deadline?.dueDate ?? null;
  }
  const event = letterEventOf(kind, events, opts.draft);
  if (!event) throw conflict(`该申请尚无${LETTER_TITLES[kind]}`);
  // A reply carries the text its draft was reviewed with (the handler's own, or the template then in force).
  const own = kind === 'reply' && typeof event.data.template === 'string' && event.data.template ? event.data.template : null;
  const facts: LetterFacts = {
    case: c, applicant: applicant!, events, org: org!, reviewBody: reviewBodyName(org!, ancestors), dueDate,
    template: own ?? templateText(templates, kind, letterVariant(kind, event)), draft: opts.draft,
  };
  return composeLetter(kind, facts);
}

/**
 * Issues the letters of events just recorded (in the command's transaction): composes each and
 * freezes it, and queues its DOCX (letter_jobs). Returns how many were issued: the caller wakes
 * the letter worker after commit (letterJobsQueued) when there are any.
 */
export async function issueLetters(tx: Queryable, orgId: number, caseId: number, events: readonly { id: number; kind: string; onDate: string }[]): Promise<number> {
  let issued = 0;
  for (const e of events) for (const kind of letterKindsOfEvent(e.kind)) {
    const letter = await loadLetter(tx, caseId, kind);
    const letterId = await insertIssuedLetter(tx, { orgId, caseId, kind, eventId: e.id, issuedOn: e.onDate, letter });
    await insertLetterJob(tx, { letterId, orgId, caseId });
    issued++;
  }
  return issued;
}

/**
 * The DOCX of an issued letter, rendered from its frozen text and stored, and its job done, in one
 * transaction. Stored once: when a download or another process stored it first, theirs is kept.
 * Returns false when the letter no longer exists.
 */
export async function storeIssuedDocx(db: Database, letterId: number): Promise<boolean> {
  const issued = await findIssuedLetterById(db, letterId);
  if (!issued) return false;
  const letter = issued.letter as unknown as Letter;
  // Rendered outside the transaction: on PGlite a transaction holds the one connection.
  const docx = (await findLetterFile(db, letterId, 'docx')) ? null : await renderLetter(letter, 'docx');
  await db.transaction(async (tx) => {
    if (docx) await insertLetterFile(tx, { orgId: issued.orgId, caseId: issued.caseId, letterId, kind: issued.kind, format: 'docx', fileName: letter.fileName, content: docx, sha256: sha256(docx) });
    await deleteLetterJob(tx, letterId);
  });
  return true;
}

export type LetterFormat = 'docx' | 'pdf';

const MEDIA_TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The letter as a file; each renderer loads its library (docx, pdfmake) when first used, not at start-up. */
function renderLetter(letter: Letter, format: LetterFormat, log?: LetterLog): Promise<Buffer> {
  return renderingFile(`${letter.title}（${format.toUpperCase()}）`, async () => {
    if (format === 'pdf') return (await import('./pdf.ts')).renderLetterPdf(letter, log);
    return (await import('./docx.ts')).renderLetterDocx(letter);
  });
}

export interface LetterDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
  /** issued: the stored original; draft: a reply not yet signed; rebuilt: no original kept. */
  status: 'issued' | 'draft' | 'rebuilt';
  sha256: string;
}

const pdfName = (name: string) => name.replace(/\.docx$/, '.pdf');

/** The letter as a file to download: DOCX (editable) or PDF. */
export async function letterFile(db: Database, caseId: number, kind: LetterKind, format: LetterFormat = 'docx', log?: LetterLog): Promise<LetterDownload> {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('该申请');
  const issued = await findIssuedLetter(db, caseId, kind);
  if (issued) {
    let file = await findLetterFile(db, issued.id, format);
    if (!file && format === 'docx') {
      // Asked for before its letter job ran: the same frozen text, stored now (the job then finds it done).
      await storeIssuedDocx(db, issued.id);
      file = await findLetterFile(db, issued.id, format);
    }
    if (!file && format === 'pdf') {
      const letter = issued.letter as unknown as Letter;
      const pdf = await renderLetter(letter, 'pdf', log);
      await insertLetterFile(db, { orgId: c.orgId, caseId, letterId: issued.id, kind, format: 'pdf', fileName: pdfName(letter.fileName), content: pdf, sha256: sha256(pdf) });
      file = await findLetterFile(db, issued.id, format);
    }
    if (!file) throw notFound('该文书的文件');
    return { fileName: file.fileName, mediaType: MEDIA_TYPES[format], content: file.content, status: 'issued', sha256: file.sha256 };
  }
  const draft = kind === 'reply' && c.state === 'reply_drafted';
  const letter = await loadLetter(db, caseId, kind, { draft });
  if (!draft) letter.mark = '据办理记录重新生成的副本（未留存发出原件）';
  const content = await renderLetter(letter, format, log);
  return {
    fileName: format === 'pdf' ? pdfName(letter.fileName) : letter.fileName,
    mediaType: MEDIA_TYPES[format],
    content,
    status: draft ? 'draft' : 'rebuilt',
    sha256: sha256(content),
  };
}
