/**
 * Names of a few words found in a text, longest first at each place, each replaced by what it
 * stands for: job names by one entity token for the classifier (mark-job-names.ts), Spanish job
 * names by their English words (spanish-job-names.ts). Pure.
 */

/** What a phrase of the text is: replaced by `as`, kept as it is (`keep`: it means something else), or neither. */
export type PhraseLookup = (phrase: string) => { as: string } | 'keep' | undefined;

/** The longest phrase looked for, in words. */
const LONGEST = 4;

/** `tokens` (plain words) with each phrase `lookup` knows replaced; `found` lists the phrases replaced. */
export function replacePhrases(tokens: readonly string[], lookup: PhraseLookup): { words: string[]; found: string[] } {
  const words: string[] = [];
  const found: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let n = Math.min(LONGEST, tokens.length - i);
    let hit = lookup(tokens.slice(i, i + n).join(' '));
    while (hit === undefined && n > 1) hit = lookup(tokens.slice(i, i + --n).join(' '));
    if (hit === undefined) words.push(tokens[i++]!);
    else {
      if (hit === 'keep') words.push(...tokens.slice(i, i + n));
      else {
        found.push(tokens.slice(i, i + n).join(' '));
        words.push(hit.as);
      }
      i += n;
    }
  }
  return { words, found };
}
