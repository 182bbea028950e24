/**
 * The start of a word, or a root inside it, that says what field the word is about: "cardio-",
 * "ornith-", "choreo-" (data/title-words.json wordParts, our own words). For a word we have no
 * entry or job for ("ornithologist", "cardiopulmonary"), the longest part found points to its
 * pathways. Pure.
 */

/** A part this long or longer counts anywhere in a word ("paleo|botan|ist"); shorter ones only at its start. */
const MIN_INNER_PART = 5;
/** The shortest word a part is looked for in. */
const MIN_WORD = 5;

export class WordParts {
  /** Part -> pathways, longest part first. */
  private readonly parts: [string, string[]][] = [];

  constructor(parts: Record<string, string[]> | undefined, knownPathway: (pathwayId: string) => boolean) {
    for (const [part, pathwayIds] of Object.entries(parts ?? {})) {
      const known = pathwayIds.filter(knownPathway);
      if (known.length > 0) this.parts.push([part, known]);
    }
    this.parts.sort((a, b) => b[0].length - a[0].length);
  }

  get size(): number {
    return this.parts.length;
  }

  /** The pathways of the longest part the word starts with, else of the longest inside it; undefined when none. */
  pathwaysOf(term: string): string[] | undefined {
    if (term.length < MIN_WORD) return undefined;
    for (const [part, pathwayIds] of this.parts) if (part.length < term.length && term.startsWith(part)) return pathwayIds;
    for (const [part, pathwayIds] of this.parts) if (part.length >= MIN_INNER_PART && term.includes(part, 1)) return pathwayIds;
    return undefined;
  }
}

/** Evidence from a word part, as a share of the strongest cluster's evidence so far (PART_ALONE when there is none). */
const PART_SHARE = 0.8;
const PART_ALONE = 10;
/** The second and third pathways a part lists count this much less each. */
const PART_NEXT = 0.8;

type AddEvidence = (pathwayId: string, amount: number, word: string) => void;

/**
 * For each word of the text that the index does not hold, other than the title's last word
 * (title-word-evidence.ts looks at that one), evidence for the pathways its parts point to:
 * "cardiopulmonary technician" leans to Health Science.
 */
export function addWordPartEvidence(
  parts: WordParts,
  words: readonly { word: string; term: string }[],
  skip: { known: (term: string) => boolean; head?: string },
  top: number,
  add: AddEvidence,
): void {
  if (parts.size === 0) return;
  for (const w of words) {
    if (w.term === skip.head || skip.known(w.term)) continue;
    const pathwayIds = parts.pathwaysOf(w.term);
    if (pathwayIds === undefined) continue;
    const amount = top > 0 ? top * PART_SHARE : PART_ALONE;
    pathwayIds.forEach((p, i) => add(p, amount * PART_NEXT ** i, w.word));
  }
}
