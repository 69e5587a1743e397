// Gathers what a letter needs (the case, the applicant, the organization and its 复议机关, the due
// date as it stood when the letter's event was recorded) and renders it as DOCX.
import type { Queryable } from '../core/db/database.ts';
import { notFound } from '../core/errors.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findOrgById } from '../orgs/store.ts';
import { DOCX_MEDIA_TYPE, renderLetterDocx } from './letter-docx.ts';
import { PDF_MEDIA_TYPE, renderLetterPdf } from './letter-pdf.ts';
import { composeLetter, type Letter, type LetterKind } from './letters.ts';
import { caseClock } from './rules/case-clock.ts';
import { reviewBodyName } from './rules/remedy.ts';
import { findApplicant, findCase, listEvents } from './store.ts';
import { today } from './today.ts';

const DUE_AS_OF: Partial<Record<LetterKind, string>> = { receipt: 'received', extension: 'extended' };

export async function loadLetter(db: Queryable, caseId: number, kind: LetterKind): Promise<Letter> {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('该申请');
  const [applicant, events, org] = await Promise.all([findApplicant(db, caseId), listEvents(db, caseId), findOrgById(db, c.orgId)]);
  const ancestorIds = org!.path.split('/').filter(Boolean).map(Number).filter((id) => id !== org!.id);
  const ancestors = (await Promise.all(ancestorIds.map((id) => findOrgById(db, id)))).filter((o) => o !== undefined);
  let dueDate: string | null = null;
  const asOf = DUE_AS_OF[kind];
  if (asOf) {
    const last = events.map((e) => e.kind).lastIndexOf(asOf);
    const upTo = events.slice(0, last + 1);
    dueDate = caseClock(await loadCalendar(db, c.orgId), c, upTo, today()).deadline?.dueDate ?? null;
  }
  return composeLetter(kind, { case: c, applicant: applicant!, events, org: org!, reviewBody: reviewBodyName(org!, ancestors), dueDate });
}

export type LetterFormat = 'docx' | 'pdf';

/** The letter as a file to download: DOCX (editable) or PDF. */
export async function letterFile(db: Queryable, caseId: number, kind: LetterKind, format: LetterFormat = 'docx'): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const letter = await loadLetter(db, caseId, kind);
  if (format === 'pdf') return { fileName: letter.fileName.replace(/\.docx$/, '.pdf'), mediaType: PDF_MEDIA_TYPE, content: await renderLetterPdf(letter) };
  return { fileName: letter.fileName, mediaType: DOCX_MEDIA_TYPE, content: await renderLetterDocx(letter) };
}
