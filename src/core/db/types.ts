// Value conversions shared by both drivers, so a row looks the same on PGlite and PostgreSQL.
export const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

/** int8 (bigint ids, counts) → number: our ids stay far below 2^53. */
export const parseInt8 = (v: string): number => Number(v);
/** date → 'YYYY-MM-DD' string: calendar dates have no time zone. */
export const parseDate = (v: string): string => v;
/** numeric → number (amounts in 万元 with few decimals). */
export const parseNumeric = (v: string): number => Number(v);
