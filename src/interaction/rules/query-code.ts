// The query code (查询码) a writer follows a message up with: 12 characters from 31 (no 0/O, 1/I/L),
// about 59 random bits from the operating system's generator, shown once; only its SHA-256 is stored, so
// neither the database nor a guess opens a message (lookups are rate-limited as well).
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 12;

export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** As typed: case, spaces and dashes ignored; look-alikes read as the letters the code uses. */
export function normalizeQueryCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const hashQueryCode = (input: string): string => createHash('sha256').update(`gongkai-letter|${normalizeQueryCode(input)}`).digest('hex');
