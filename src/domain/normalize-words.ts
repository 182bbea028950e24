/** Lower case, accents folded ("sí" -> "si"), no apostrophes, letters, digits and & only, single spaces. */
export function normalizeWords(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}
