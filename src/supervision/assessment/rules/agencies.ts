// The agencies a task concerns: the lead agency (牵头单位) first, then the others (配合单位) once each,
// in the order given; the lead is not also a participant. Each must lie below the office.

export interface Concerned {
  orgId: number;
  lead: boolean;
}

export function concernedAgencies(leadOrgId: number, otherOrgIds: readonly number[]): Concerned[] {
  const seen = new Set<number>([leadOrgId]);
  const out: Concerned[] = [{ orgId: leadOrgId, lead: true }];
  for (const id of otherOrgIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ orgId: id, lead: false });
  }
  return out;
}

/** Those not below the office (path prefix), which a task may not name. */
export function outsideOffice(office: { id: number; path: string }, agencies: readonly { id: number; path: string }[]): { id: number; path: string }[] {
  return agencies.filter((a) => a.id === office.id || !a.path.startsWith(office.path));
}
