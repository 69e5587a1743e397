// What the API shows of tasks and rectification items (explicit allow-lists), with the Chinese labels
// and whether each is overdue today.
import type { Progress, Rectification, Task } from './model.ts';
import { SOURCE_KIND_LABELS } from './model.ts';
import { isOverdue } from './rules/overdue.ts';
import { PROGRESS_STATE_LABELS, RECTIFICATION_STATE_LABELS, TASK_STATE_LABELS } from './rules/transitions.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentProgress = (p: Progress, deadline: string, today: string) => ({
  id: p.id, orgId: p.orgId, orgName: p.orgName, orgCode: p.orgCode, lead: p.lead, state: p.state, stateLabel: PROGRESS_STATE_LABELS[p.state],
  overdue: isOverdue(deadline, p.state, today), note: p.note, evidenceLinks: p.evidenceLinks,
  document: p.document ? { id: p.document.id, fileName: p.document.fileName, size: p.document.size } : null,
  returnReason: p.returnReason, submittedAt: iso(p.submittedAt), decidedAt: iso(p.decidedAt),
});

export const presentTask = (t: Task, today: string) => ({
  id: t.id, officeOrgId: t.orgId, year: t.year, title: t.title, evidenceExpected: t.evidenceExpected, deadline: t.deadline,
  state: t.state, stateLabel: TASK_STATE_LABELS[t.state], publishedAt: iso(t.publishedAt),
  agencies: t.agencies.map((p) => presentProgress(p, t.deadline, today)),
});

export const presentRectification = (r: Rectification, today: string) => ({
  id: r.id, orgId: r.orgId, orgName: r.orgName, officeOrgId: r.officeOrgId, officeName: r.officeName,
  sourceKind: r.sourceKind, sourceKindLabel: SOURCE_KIND_LABELS[r.sourceKind], sourceRef: r.sourceRef, finding: r.finding, deadline: r.deadline,
  state: r.state, stateLabel: RECTIFICATION_STATE_LABELS[r.state], overdue: isOverdue(r.deadline, r.state, today),
  closingNote: r.closingNote, evidenceLinks: r.evidenceLinks,
  document: r.document ? { id: r.document.id, fileName: r.document.fileName, size: r.document.size } : null,
  reopenReason: r.reopenReason, createdAt: iso(r.createdAt), closedAt: iso(r.closedAt), confirmedAt: iso(r.confirmedAt),
});
