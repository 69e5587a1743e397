// What public consultation asks of other modules without importing them (domains do not import each
// other): src/app gives these hooks (src/app/consultation-hooks.ts).
import type { Queryable } from '../core/db/database.ts';
import type { FinalDocument } from './model.ts';

export interface ConsultationHooks {
  /**
   * The final document as published in the catalogue: a live item of the organization with this id,
   * with its title and portal address; null when there is none (not published, withdrawn, another
   * organization's).
   */
  findPublishedDocument?: (db: Queryable, orgId: number, itemId: number) => Promise<FinalDocument | null>;
}
