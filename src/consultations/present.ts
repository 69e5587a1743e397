// What the portal and the API may show: explicit allow-lists. The portal never shows a comment's name
// or contact, nor a comment that is not approved; the API shows names and contacts only to those who
// moderate (consultationPolicy.readPersonalData).
import { COMMENT_STATUS_LABELS, FEEDBACK_RESULT_LABELS, KIND_LABELS, type CommentCounts, type Consultation, type ConsultationComment, type FeedbackPoint } from './model.ts';
import { describePeriod, type PeriodCheck } from './rules/minimum-period.ts';
import { phaseOn, PHASE_LABELS } from './rules/phase.ts';

/** What both views show of a consultation: the draft, its period and where it stands. */
function common(c: Consultation, day: string) {
  const phase = phaseOn(c, day);
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: KIND_LABELS[c.kind],
    title: c.title,
    draft: c.draft,
    explanation: c.explanation,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    contact: c.contact,
    shortPeriodReason: c.shortPeriodReason,
    phase,
    phaseLabel: PHASE_LABELS[phase],
  };
}

/** The portal's view of a consultation (drafts are never shown). */
export function presentPublic(c: Consultation, day: string) {
  return {
    ...common(c, day),
    feedback: c.status === 'concluded' ? { summary: c.feedbackSummary, publishedOn: c.feedbackPublishedOn } : null,
    finalDocument: c.finalDocument && { title: c.finalDocument.title, href: c.finalDocument.href },
  };
}
export type PublicConsultation = ReturnType<typeof presentPublic>;

/** An approved comment as the portal shows it: the text and the day, nothing of who wrote it. */
export const presentPublicComment = (m: ConsultationComment) => ({ id: m.id, body: m.body, receivedOn: m.receivedOn });

export const presentPoint = (p: FeedbackPoint) => ({ point: p.point, result: p.result, resultLabel: FEEDBACK_RESULT_LABELS[p.result], reason: p.reason });

/** The staff API's view. */
export function presentConsultation(c: Consultation, day: string, counts: CommentCounts, period: PeriodCheck | null) {
  return {
    ...common(c, day),
    status: c.status,
    publishedOn: c.publishedOn,
    minimumPeriod: period && { label: describePeriod(period.minimum), minimumEnd: period.minimumEnd, long: period.long },
    comments: counts,
    feedbackSummary: c.feedbackSummary,
    feedbackPublishedOn: c.feedbackPublishedOn,
    finalDocument: c.finalDocument && { itemId: c.finalDocument.itemId, title: c.finalDocument.title, href: c.finalDocument.href },
  };
}

export function presentComment(m: ConsultationComment, withPersonalData: boolean) {
  return {
    id: m.id,
    body: m.body,
    name: withPersonalData ? m.name : null,
    contact: withPersonalData ? m.contact : null,
    channel: m.channel,
    receivedOn: m.receivedOn,
    status: m.status,
    statusLabel: COMMENT_STATUS_LABELS[m.status],
    rejectReason: m.rejectReason,
  };
}
