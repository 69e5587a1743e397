// The final document of a consultation is named by its catalogue item: the number, or its portal
// address as a clerk copies it from the browser (…/items/123, with or without the host).
export function itemIdFromReference(ref: string): number | null {
  const s = ref.trim();
  const m = /^(\d{1,15})$/.exec(s) ?? /(?:^|\/)items\/(\d{1,15})(?:[/?#].*)?$/.exec(s);
  return m ? Number(m[1]) : null;
}
