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

/** How many option labels are remembered: the same questions come round every turn. */
const REMEMBERED = 5000;
const labels = new Map<string, string>();

/**
 * normalizeWords for the words Waypoint wrote (option labels and their other words), remembered so
 * a question's options are not normalised again at every answer. Never for what people type.
 */
export function normalizeLabel(label: string): string {
  const known = labels.get(label);
  if (known !== undefined) return known;
  const out = normalizeWords(label);
  if (labels.size >= REMEMBERED) labels.clear();
  labels.set(label, out);
  return out;
}
