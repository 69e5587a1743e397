// Public consultation's hooks into the other domains (src/consultations/hooks.ts): the final document
// of a consultation is a live item of the organization's catalogue, checked when it is linked.
import { findLiveItem } from '../catalogue/store.ts';
import type { ConsultationHooks } from '../consultations/hooks.ts';

export const CONSULTATION_HOOKS: ConsultationHooks = {
  findPublishedDocument: async (db, orgId, itemId) => {
    const live = await findLiveItem(db, itemId);
    if (!live || live.item.orgId !== orgId) return null;
    return { itemId, title: live.version.title, href: `/items/${itemId}` };
  },
};
