/**
 * Our occupations' whole names: a title, another name or a word students use for it, each with
 * how strongly it names the job (EXACT_BONUS). "working outside" is not a name for a job: only
 * phrases with no filler count as whole names. Pure.
 */
import type { Occupation } from './occupation-types.js';
import { phraseKey, plainText } from './normalise-text.js';

/** How much a whole-phrase hit multiplies an occupation's evidence: its title, another name, a word students use. */
export const EXACT_BONUS = { title: 3, otherName: 2.5, studentWord: 1.6 } as const;

/** True when every word of the text is part of its phrase key (nothing left out as filler). */
const wholePhrase = (text: string, key: string) => key !== '' && key.split(' ').length === plainText(text).split(' ').length;

export class ExactNames {
  /** Phrase key -> search document id -> how strongly the phrase names it. */
  private readonly phrases = new Map<string, Map<string, number>>();

  constructor(occupations: readonly Occupation[]) {
    for (const occ of occupations) {
      const id = `occupation:${occ.id}`;
      this.add(occ.title, id, EXACT_BONUS.title);
      for (const phrase of occ.otherNames) this.add(phrase, id, EXACT_BONUS.otherName);
      for (const phrase of occ.studentWords) this.add(phrase, id, EXACT_BONUS.studentWord);
    }
  }

  private add(phrase: string, docId: string, bonus: number): void {
    const key = phraseKey(phrase);
    if (!wholePhrase(phrase, key)) return;
    let byDoc = this.phrases.get(key);
    if (byDoc === undefined) this.phrases.set(key, (byDoc = new Map()));
    byDoc.set(docId, Math.max(bonus, byDoc.get(docId) ?? 0));
  }

  /** The documents a phrase key names, with how strongly (empty when none). */
  named(key: string): Map<string, number> {
    return this.phrases.get(key) ?? new Map<string, number>();
  }

  /** How strongly the whole text names this built-in occupation: 0 (not at all) to 3 (its title). */
  strength(text: string, occupationId: string): number {
    return this.phrases.get(phraseKey(text))?.get(`occupation:${occupationId}`) ?? 0;
  }

  /** Whether the whole text is an occupation's title or one of its other names ("vet", "welder"), not only a word students use for it. */
  namesOccupation(text: string): boolean {
    const key = phraseKey(text);
    // "my counselor" is not a name: only words that are all part of the name count.
    if (!wholePhrase(text, key)) return false;
    for (const bonus of this.phrases.get(key)?.values() ?? []) if (bonus >= EXACT_BONUS.otherName) return true;
    return false;
  }

  /** True when the whole text is exactly some occupation's title, other name or student word. */
  isName(text: string): boolean {
    return (this.phrases.get(phraseKey(text))?.size ?? 0) > 0;
  }
}
