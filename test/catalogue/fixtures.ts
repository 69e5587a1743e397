// Staff contexts and items for the catalogue tests: real users in the demo organizations.
import { staffContext, type CommandContext } from '../../src/orgs/context.ts';
import type { Database } from '../../src/core/db/database.ts';
import { findOrgByCode, findOrgById } from '../../src/orgs/store.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import type { Role, Staff } from '../../src/orgs/staff/model.ts';
import { findUserByUsername } from '../../src/orgs/staff/store.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { ZodError } from 'zod';
import { DomainError } from '../../src/core/errors.ts';

export async function staffOf(db: Database, username: string): Promise<Staff> {
  const u = (await findUserByUsername(db, username))!;
  const org = (await findOrgById(db, u.orgId))!;
  return { userId: u.id, username, displayName: u.displayName, roles: u.roles, homeOrgId: org.id, homePath: org.path, orgId: org.id, mustChangePassword: false };
}

export async function ctxOf(db: Database, username: string): Promise<CommandContext> {
  return staffContext(await staffOf(db, username), 'test');
}

/** A user with roles in an organization; returns its command context. */
export async function userWith(db: Database, orgCode: string, username: string, roles: Role[]): Promise<CommandContext> {
  await createUser(db, { actor: { userId: null, name: 'test' }, staff: null }, { orgCode, username, displayName: username, password: 'Test-pass-2026', roles });
  return ctxOf(db, username);
}

/** The review team of an organization: an editor, two reviewers, a head, a 保密审查员. */
export async function team(db: Database, orgCode: string, prefix: string) {
  const [editor, reviewer1, reviewer2, head, secrecy] = await Promise.all([
    userWith(db, orgCode, `${prefix}.ed`, ['editor']),
    userWith(db, orgCode, `${prefix}.r1`, ['reviewer']),
    userWith(db, orgCode, `${prefix}.r2`, ['reviewer']),
    userWith(db, orgCode, `${prefix}.head`, ['head']),
    userWith(db, orgCode, `${prefix}.bm`, ['confidentiality']),
  ]);
  const org = (await findOrgByCode(db, orgCode))!;
  await ensureCatalogue(db, org.id);
  const columns = await listColumns(db, org.id);
  const column = (name: string) => columns.find((c) => c.name === name)!.id;
  return { org, editor, reviewer1, reviewer2, head, secrecy, column };
}

/** A minimal PDF from pdfjs's own point of view: one object per entry, cross-reference offsets computed. */
export function minimalPdf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A one-page PDF as iText and WPS write Chinese text without embedding a font: the standard CJK font
 * STSong-Light (Adobe-GB1) with the predefined encoding UniGB-UCS2-H, two bytes per character. pdfjs
 * reads it only with its character maps (cMapUrl).
 */
export function cjkPdfWith(text: string): Buffer {
  const hex = [...text].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 12 Tf 72 720 Td <${hex}> Tj ET`;
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** A PDF page with no text layer, as a scanner makes it (here: a filled rectangle instead of an image). */
export function scannedPdf(): Buffer {
  const stream = '0.5 g 72 72 468 648 re f';
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

/**
 * What a command did: 'ok', or its refusal — the error code, with `message` also its Chinese text
 * (“CONFLICT: …”). Invalid input is 'VALIDATION', as the HTTP layer answers it (400).
 */
export async function outcomeOf(p: Promise<unknown>, opts: { message?: boolean } = {}): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return opts.message ? `${e.code}: ${e.message}` : e.code;
    if (e instanceof ZodError) return 'VALIDATION';
    throw e;
  }
}
