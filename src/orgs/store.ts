// Every SQL statement about organizations.
import type { Queryable } from '../core/db/database.ts';
import type { Organization, OrgInput, OrgKind } from './model.ts';

interface OrgRow {
  id: number;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  full_name: string;
  short_name: string;
  code: string;
  index_template: string | null;
  address: string;
  phone: string;
  fax: string;
  email: string;
  office_hours: string;
  website: string;
  report_deadline: string | null;
  created_at: Date;
  updated_at: Date;
}

function toOrg(r: OrgRow): Organization {
  return {
    id: r.id,
    parentId: r.parent_id,
    path: r.path,
    kind: r.kind,
    fullName: r.full_name,
    shortName: r.short_name,
    code: r.code,
    indexTemplate: r.index_template,
    address: r.address,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    officeHours: r.office_hours,
    website: r.website,
    reportDeadline: r.report_deadline,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findOrgById(db: Queryable, id: number): Promise<Organization | undefined> {
  const [r] = await db.query<OrgRow>('select * from organizations where id = $1', [id]);
  return r && toOrg(r);
}

/** The organizations above `org`, from the root down to its parent (its tree path). */
export async function ancestorsOf(db: Queryable, org: Pick<Organization, 'id' | 'path'>): Promise<Organization[]> {
  const ids = org.path.split('/').filter(Boolean).map(Number).filter((id) => id !== org.id);
  const found = await Promise.all(ids.map((id) => findOrgById(db, id)));
  return found.filter((o) => o !== undefined);
}

export async function findOrgByCode(db: Queryable, code: string): Promise<Organization | undefined> {
  const [r] = await db.query<OrgRow>('select * from organizations where code = $1', [code]);
  return r && toOrg(r);
}

export async function findOrgByFullName(db: Queryable, fullName: string): Promise<Organization | undefined> {
  const [r] = await db.query<OrgRow>('select * from organizations where full_name = $1', [fullName]);
  return r && toOrg(r);
}

/** All organizations, or those in the subtree at `underPath` (inclusive), in tree order. */
export async function listOrgs(db: Queryable, underPath?: string): Promise<Organization[]> {
  const rows = underPath
    ? await db.query<OrgRow>(`select * from organizations where path like $1 || '%' order by path`, [underPath])
    : await db.query<OrgRow>('select * from organizations order by path');
  return rows.map(toOrg);
}

export async function countOrgs(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from organizations');
  return r?.n ?? 0;
}

type OrgColumns = Omit<OrgInput, 'parentCode'>;

function columnValues(input: OrgColumns): unknown[] {
  return [
    input.kind,
    input.fullName,
    input.shortName,
    input.code,
    input.indexTemplate ?? null,
    input.address ?? '',
    input.phone ?? '',
    input.fax ?? '',
    input.email ?? '',
    input.officeHours ?? '',
    input.website ?? '',
    input.reportDeadline ?? null,
  ];
}

export async function insertOrg(tx: Queryable, input: OrgColumns, parent: Organization | null): Promise<Organization> {
  const [r] = await tx.query<{ id: number }>(
    `insert into organizations (kind, full_name, short_name, code, index_template, address, phone, fax, email, office_hours, website, report_deadline, parent_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [...columnValues(input), parent?.id ?? null],
  );
  const id = r!.id;
  await tx.query('update organizations set path = $2 where id = $1', [id, `${parent?.path ?? '/'}${id}/`]);
  return (await findOrgById(tx, id))!;
}

export async function updateOrgRow(tx: Queryable, id: number, input: OrgColumns): Promise<Organization> {
  await tx.query(
    `update organizations set kind = $1, full_name = $2, short_name = $3, code = $4, index_template = $5, address = $6,
       phone = $7, fax = $8, email = $9, office_hours = $10, website = $11, report_deadline = $12, updated_at = now()
     where id = $13`,
    [...columnValues(input), id],
  );
  return (await findOrgById(tx, id))!;
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function lockOrg(tx: Queryable, id: number): Promise<Organization | undefined> {
  const [r] = await tx.query<OrgRow>('select * from organizations where id = $1 for update', [id]);
  return r && toOrg(r);
}
