// The appeals register's hooks into the other domains (src/appeals/hooks.ts): a decision ordering a
// new reply reopens the 依申请公开 case, in the appeal's own transaction, as the same actor.
import type { AppealHooks } from '../appeals/hooks.ts';
import { reopenForNewReplyIn } from '../applications/commands.ts';

export const APPEAL_HOOKS: AppealHooks = {
  onNewReplyOrdered: async (tx, ctx, order) => {
    await reopenForNewReplyIn(tx, ctx, order.caseId, { on: order.orderedOn, dueOn: order.dueOn, appeal: { id: order.appealId, ...order.appeal } });
  },
};
