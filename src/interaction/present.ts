// What the portal and the API may show of a message: explicit allow-lists. The portal's published list
// shows only the stored redacted texts (never the raw ones, never the contact fields: the writer is 网友);
// the writer's own lookup shows the state, the reply and what happened, never the contact fields either.
import { BOX_LABELS, CATEGORY_LABELS, CHANNEL_LABELS, RATING_LABELS, STATE_LABELS, type Message, type Rating, type Transfer } from './model.ts';
import { PUBLIC_WRITER } from './rules/redaction.ts';

export interface PublishedMessage {
  id: number;
  categoryLabel: string;
  boxLabel: string;
  writer: string;
  subject: string;
  content: string;
  receivedOn: string;
  answeredOn: string;
  reply: string;
}

export function presentPublished(m: Message): PublishedMessage {
  return {
    id: m.id,
    categoryLabel: CATEGORY_LABELS[m.category],
    boxLabel: BOX_LABELS[m.box],
    writer: PUBLIC_WRITER,
    subject: m.publishedSubject ?? '',
    content: m.publishedContent ?? '',
    receivedOn: m.receivedOn,
    answeredOn: m.answeredOn ?? m.publishedOn ?? '',
    reply: m.publishedReply ?? '',
  };
}

export interface WriterView {
  id: number;
  orgName: string;
  categoryLabel: string;
  subject: string;
  receivedOn: string;
  dueOn: string | null;
  state: string;
  stateLabel: string;
  /** The signed reply (the merged-into message's when merged), or null. */
  reply: { text: string; answeredOn: string; orgName: string } | null;
  /** 转信访, 无效, conversion to an application: what the writer is told. */
  notice: string | null;
  receiptNo: string | null;
  transfers: { toOrgName: string; on: string }[];
  mergedIntoId: number | null;
  parts: { id: number; subject: string; stateLabel: string; reply: string | null; answeredOn: string | null }[];
  canRate: boolean;
  rating: { label: string; on: string } | null;
  published: boolean;
}

/** The writer's view of their message (by query code). `mergedInto`: the message a duplicate was merged into. */
export function presentForWriter(m: Message, orgName: string, transfers: readonly Transfer[], related: readonly Message[], mergedInto: { m: Message; orgName: string } | null): WriterView {
  const signed = (x: Message) => (['answered', 'closed'].includes(x.state) && x.answeredOn ? x : null);
  const own = signed(m);
  const merged = mergedInto && signed(mergedInto.m);
  const reply = own ? { text: own.replyText, answeredOn: own.answeredOn!, orgName } : merged ? { text: merged.replyText, answeredOn: merged.answeredOn!, orgName: mergedInto!.orgName } : null;
  const notice =
    m.state === 'converted_application' ? `${m.closeReason}申请编号：${m.convertedReceiptNo}。请凭申请编号和联系电话（或电子邮箱）在“依申请公开”中查询办理进度。`
      : m.state === 'converted_petition' ? `您反映的事项属于信访事项，本机关已转信访渠道办理。理由：${m.closeReason}`
        : m.state === 'invalid' ? `本留言未予受理（无效留言）。理由：${m.closeReason}`
          : m.state === 'merged' ? `您的留言与内容相同的第 ${m.mergedIntoId} 号留言合并办理${merged ? '，答复如下' : '，答复后在此显示'}。`
            : null;
  return {
    id: m.id,
    orgName,
    categoryLabel: CATEGORY_LABELS[m.category],
    subject: m.subject,
    receivedOn: m.receivedOn,
    dueOn: m.dueOn,
    state: m.state,
    stateLabel: STATE_LABELS[m.state === 'reply_drafted' ? 'received' : m.state],
    reply,
    notice,
    receiptNo: m.convertedReceiptNo,
    transfers: transfers.map((t) => ({ toOrgName: t.toOrgName, on: t.transferredOn })),
    mergedIntoId: m.mergedIntoId,
    parts: related.filter((r) => r.splitFromId === m.id).map((r) => ({ id: r.id, subject: r.subject, stateLabel: STATE_LABELS[r.state === 'reply_drafted' ? 'received' : r.state], reply: signed(r)?.replyText ?? null, answeredOn: signed(r)?.answeredOn ?? null })),
    canRate: own !== null && m.rating === null,
    rating: m.rating ? { label: RATING_LABELS[m.rating], on: m.ratedOn ?? '' } : null,
    published: m.published,
  };
}

/** The staff API's record: the contact only for those who may read personal data. */
export function presentMessage(m: Message, withContact: boolean) {
  return {
    id: m.id,
    orgId: m.orgId,
    addressedOrgId: m.addressedOrgId,
    category: m.category,
    categoryLabel: CATEGORY_LABELS[m.category],
    box: m.box,
    channel: m.channel,
    channelLabel: CHANNEL_LABELS[m.channel],
    subject: m.subject,
    content: m.content,
    contact: withContact ? m.contact : null,
    consentPublish: m.consentPublish,
    receivedOn: m.receivedOn,
    clockStartOn: m.clockStartOn,
    dueOn: m.dueOn,
    state: m.state,
    stateLabel: STATE_LABELS[m.state],
    reply: m.replyText || null,
    replyDraftedBy: m.replyDraftedBy,
    replySignedBy: m.replySignedBy,
    answeredOn: m.answeredOn,
    mergedIntoId: m.mergedIntoId,
    splitFromId: m.splitFromId,
    convertedReceiptNo: m.convertedReceiptNo,
    published: m.published,
    rating: m.rating as Rating | null,
  };
}
