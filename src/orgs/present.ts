// What the portal and the API may show of an organization: an explicit allow-list.
import type { Organization } from './model.ts';

export function presentOrg(o: Organization) {
  return {
    id: o.id,
    parentId: o.parentId,
    kind: o.kind,
    fullName: o.fullName,
    shortName: o.shortName,
    code: o.code,
    indexTemplate: o.indexTemplate,
    address: o.address,
    phone: o.phone,
    fax: o.fax,
    email: o.email,
    officeHours: o.officeHours,
    website: o.website,
    reportDeadline: o.reportDeadline,
  };
}
export type PresentedOrg = ReturnType<typeof presentOrg>;
