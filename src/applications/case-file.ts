// A case with everything computed from it (案卷): events, the clock today, the snapshot the
// transitions check, the actions its state allows. Read by the console and the API.
import type { Queryable } from '../core/db/database.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import type { Applicant, Attachment, Case, CaseEvent } from './model.ts';
import { caseClock, type CaseClock } from './rules/case-clock.ts';
import { snapshotOf, type CaseSnapshot } from './rules/case-events.ts';
import { allowedActions, type CaseAction } from './rules/transitions.ts';
import { findApplicant, findCase, listAttachments, listEvents } from './store.ts';
import { today } from '../core/today.ts';

export interface CaseFile {
  case: Case;
  events: CaseEvent[];
  clock: CaseClock;
  snapshot: CaseSnapshot;
  actions: CaseAction[];
  attachments: Attachment[];
  /** null unless asked for (personal data: only for staff allowed to see it). */
  applicant: Applicant | null;
}

export async function loadCaseFile(db: Queryable, caseId: number, withApplicant: boolean): Promise<CaseFile | null> {
  const c = await findCase(db, caseId);
  if (!c) return null;
  const [events, rules, attachments, applicant] = await Promise.all([
    listEvents(db, caseId),
    loadClockRules(db, c.orgId),
    listAttachments(db, caseId),
    withApplicant ? findApplicant(db, caseId) : Promise.resolve(undefined),
  ]);
  const snapshot = snapshotOf(c, events);
  return {
    case: c,
    events,
    clock: caseClock(rules, c, events, today()),
    snapshot,
    actions: allowedActions(snapshot),
    attachments,
    applicant: applicant ?? null,
  };
}
