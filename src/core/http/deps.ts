import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

/** What route plugins need: the database and the configuration. */
export interface AppDeps {
  db: Database;
  config: Config;
}
