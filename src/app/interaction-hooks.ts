// The messages module's hooks into the other domains (src/interaction/hooks.ts): the catalogue's
// confidentiality detectors find the personal data a published reply must not show, and a message that
// is really a 依申请公开 request becomes an application through the applications module's intake, in the
// message's own transaction (a savepoint: the intake's own transaction nests in it, and a refused intake
// rolls back to it), as the same actor. And the catalogue's inspection counts the messages unanswered
// for more than 3 months (§D.4) with the messages module's query.
import type { Database, Queryable } from '../core/db/database.ts';
import { registerApplication } from '../applications/commands.ts';
import { detectFindings } from '../catalogue/rules/confidentiality.ts';
import type { UnansweredMessagesCount } from '../catalogue/inspection/unanswered.ts';
import type { InteractionHooks } from '../interaction/hooks.ts';
import { unansweredOlderThan3Months } from '../interaction/reads.ts';

/** The detectors that find a person's data (not 密级 marks or words: those are not personal). */
const PERSONAL = new Set(['id_card', 'id_card_bad_check', 'bank_card', 'mobile']);

let savepoints = 0;

/** The transaction `tx` as a Database whose `transaction` is a savepoint inside it. */
function nestedIn(tx: Queryable, db: Database): Database {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    async transaction(fn) {
      const name = `gk_nested_${++savepoints}`;
      await tx.query(`savepoint ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`release savepoint ${name}`);
        return result;
      } catch (err) {
        await tx.query(`rollback to savepoint ${name}`);
        throw err;
      }
    },
    listen: (channel, onMessage, onListen) => db.listen(channel, onMessage, onListen),
    close: async () => undefined,
  };
}

export function interactionHooks(db: Database): InteractionHooks {
  return {
    scanPersonalData: (text) => detectFindings(text).filter((f) => PERSONAL.has(f.detector)),
    convertToApplication: async (tx, ctx, input) => {
      const { case: c } = await registerApplication(
        nestedIn(tx, db), ctx, input.orgId,
        {
          applicantKind: 'natural', name: input.applicant.name, idType: input.applicant.idType, idNumber: input.applicant.idNumber,
          phone: input.applicant.phone, email: input.applicant.email, infoTitle: input.infoTitle, infoDescription: input.infoDescription,
          formWanted: input.formWanted, delivery: input.delivery,
        },
        // a message sent on the portal: an online application, received once the agency confirms it (条例第三十一条)
        { channel: 'online', submittedOn: input.submittedOn },
      );
      return { caseId: c.id, receiptNo: c.receiptNo };
    },
  };
}

/** §D.4: what the catalogue's inspection counts as unanswered messages. */
export const UNANSWERED_MESSAGES: UnansweredMessagesCount = (db, orgId, today) => unansweredOlderThan3Months(db, orgId, today);
