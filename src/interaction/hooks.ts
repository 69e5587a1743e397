// What the messages module asks of other modules without importing them (domains do not import each
// other): src/app gives the commands these hooks (src/app/interaction-hooks.ts).
import type { Queryable } from '../core/db/database.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { PersonalDataScan } from './rules/redaction.ts';

/** A message that is really a 依申请公开 request (条例第二十七条), as the applications module's intake takes it. */
export interface ApplicationFromMessage {
  orgId: number;
  /** The day the message arrived: the application's submission date (received once confirmed, 条例第三十一条). */
  submittedOn: string;
  applicant: { name: string; phone: string; email: string; idType: string; idNumber: string };
  infoTitle: string;
  infoDescription: string;
  formWanted: string;
  delivery: string;
}

/**
 * Runs inside the message's transaction, as the same actor: registers the application (its own audit
 * entry) and answers its receipt number; throws (and the message is not converted either) when the
 * applications module refuses it, with its Chinese message.
 */
export type ConvertToApplication = (tx: Queryable, ctx: CommandContext, input: ApplicationFromMessage) => Promise<{ caseId: number; receiptNo: string }>;

export interface InteractionHooks {
  /** The confidentiality detectors' personal-data findings (catalogue), for publication. */
  scanPersonalData: PersonalDataScan;
  convertToApplication?: ConvertToApplication;
}

/** Without the app (unit tests of this module): no detector beyond the module's own contact and e-mail masking. */
export const NO_HOOKS: InteractionHooks = { scanPersonalData: () => [] };
