// What the appeals register asks of other modules without importing them (domains do not import each
// other): src/app gives the commands these hooks (src/app/appeal-hooks.ts).
import type { Queryable } from '../core/db/database.ts';
import type { CommandContext } from '../orgs/context.ts';

/** A decision recorded in the register orders the agency to answer a 依申请公开 case again. */
export interface NewReplyOrdered {
  caseId: number;
  appealId: number;
  /** The day the agency received the decision (the new period runs from it). */
  orderedOn: string;
  /** The deadline the decision states, if any. */
  dueOn: string | null;
  appeal: { kindLabel: string; caseNumber: string; body: string; decidedOn: string };
}

/**
 * Runs inside the appeal's transaction, as the same actor: reopens the case (or throws, and the
 * outcome is not recorded either).
 */
export type OnNewReplyOrdered = (tx: Queryable, ctx: CommandContext, order: NewReplyOrdered) => Promise<void>;

export interface AppealHooks {
  onNewReplyOrdered?: OnNewReplyOrdered;
}
