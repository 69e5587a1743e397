// Routing a message (issue 20 §1): what may be done in which state, transfers to another agency, and
// merging duplicates. Pure rules; the commands apply them under the row lock.
//
// Transfer and the clock: the receiving agency's period RESTARTS on the day of the transfer, with its own
// period for the category — as a 12345 order re-dispatched to the competent unit (派单) is counted from
// when that unit gets it, and the same rule the Regulation uses for the agency a request is really for
// (条例第三十六条（五）告知申请人向有关机关申请). The writer's received date is kept: the public
// statistics' working days and the §D.4 “3 months unanswered” count run from it, so a transfer never
// hides how long the writer waited.
import type { MessageState } from '../model.ts';

export type Action = 'transfer' | 'merge' | 'split' | 'draft' | 'sign' | 'return' | 'convert' | 'invalid' | 'close' | 'rate' | 'publish';

/** The states an action may start from. */
const FROM: Record<Action, readonly MessageState[]> = {
  transfer: ['received'],
  merge: ['received'],
  split: ['received', 'reply_drafted'],
  draft: ['received', 'reply_drafted'],
  sign: ['reply_drafted'],
  return: ['reply_drafted'],
  convert: ['received'],
  invalid: ['received'],
  close: ['answered'],
  rate: ['answered', 'closed'],
  publish: ['answered', 'closed'],
};

export const canDo = (state: MessageState, action: Action): boolean => FROM[action].includes(state);

/** States in which the agency still owes the writer an answer. */
export const OPEN_STATES: readonly MessageState[] = ['received', 'reply_drafted'];
/** States that were never a valid message of their own (a duplicate merged into another, 无效留言). */
export const NOT_COUNTED_STATES: readonly MessageState[] = ['merged', 'invalid'];

export interface TransferTarget {
  id: number;
  kind: string;
}

/** Agencies that answer the public: not the region nodes of the tree (as for applications). */
export const answersMessages = (o: { kind: string }) => ['government', 'department', 'subunit'].includes(o.kind);

/** Why a transfer is refused, or null. */
export function transferRefusal(fromOrgId: number, to: TransferTarget | null, state: MessageState): string | null {
  if (!canDo(state, 'transfer')) return '只有办理中（尚未起草答复）的留言可以转办';
  if (!to) return '未找到要转办的机关';
  if (to.id === fromOrgId) return '不能转办给本机关';
  if (!answersMessages(to)) return '只能转办给行政机关（不能转给地区）';
  return null;
}

/** Why merging `id` into `into` is refused, or null: both open, one agency, no chains. */
export function mergeRefusal(m: { id: number; orgId: number; state: MessageState }, into: { id: number; orgId: number; state: MessageState } | null): string | null {
  if (!canDo(m.state, 'merge')) return '只有办理中（尚未起草答复）的留言可以合并';
  if (!into) return '未找到要合并到的留言';
  if (into.id === m.id) return '不能与自身合并';
  if (into.orgId !== m.orgId) return '只能合并本机关正在办理的留言';
  if (!OPEN_STATES.includes(into.state)) return '要合并到的留言已答复或已办结，请另行答复';
  return null;
}
