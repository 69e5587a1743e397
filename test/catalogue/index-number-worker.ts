// A separate process allocating 索引号 against a shared PostgreSQL database (index-number.test.ts).
// Usage: node --import tsx index-number-worker.ts <url> <orgId> <count>; prints the committed numbers as JSON.
import { openPostgres } from '../../src/core/db/postgres.ts';
import { allocateIndexNumber } from '../../src/catalogue/commands.ts';
import { findOrgById } from '../../src/orgs/store.ts';

const [url, orgIdText, countText] = process.argv.slice(2);
const db = await openPostgres(url!, { max: 3 });
const org = (await findOrgById(db, Number(orgIdText)))!;
const committed: string[] = [];
await Promise.all(
  Array.from({ length: 3 }, async (_, lane) => {
    for (let i = lane; i < Number(countText); i += 3) {
      try {
        const n = await db.transaction(async (tx) => {
          const number = await allocateIndexNumber(tx, org, '2019-06-01');
          await tx.query('select pg_sleep($1)', [Math.random() / 500]); // hold the counter row a moment
          if (i % 7 === 3) throw new Error('rollback'); // a publication that fails after taking a number
          return number;
        });
        committed.push(n);
      } catch (e) {
        if ((e as Error).message !== 'rollback') throw e;
      }
    }
  }),
);
process.stdout.write(JSON.stringify(committed));
await db.close();
