// What the staff API shows of a record: an explicit allow-list. The party (personal data) only for
// those who may read it (appealPolicy.readPersonalData); the document by name and size, never bytes.
import { KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL, type Appeal } from './model.ts';

export function presentAppeal(a: Appeal, withParty: boolean) {
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: KIND_LABELS[a.kind],
    receiptNo: a.receiptNo,
    caseId: a.caseId,
    party: withParty ? a.party : null,
    body: a.body,
    caseNumber: a.caseNumber,
    receivedOn: a.receivedOn,
    decidedOn: a.decidedOn,
    outcome: a.outcome,
    outcomeLabel: a.outcome ? OUTCOME_LABELS[a.outcome] : PENDING_LABEL,
    note: a.note,
    document: a.document && { fileName: a.document.fileName, contentType: a.document.contentType, size: a.document.size },
    newReply: a.newReply && { orderedOn: a.newReply.orderedOn, dueOn: a.newReply.dueOn },
  };
}
