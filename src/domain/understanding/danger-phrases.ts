/**
 * The safety net under the classifier (data/understanding/danger-phrases.json): words that on
 * their own mean someone may be in danger ("kill myself", "hits me", "me quiero morir"). A message
 * holding one, as whole words and in either language, is read as distress whatever the model
 * says: a model retrained on new sentences can drift, and a caring answer to the wrong message
 * costs far less than missing the right one. Pure.
 */
import { z } from 'zod';
import { plainWords } from '../language-choice.js';

export const dangerPhrasesSchema = z.object({
  about: z.string().optional(),
  en: z.array(z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be plain lower-case words (no accents or apostrophes)')).min(1),
  es: z.array(z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be plain lower-case words (no accents or apostrophes)')).min(1),
});

/** Plain words ("don't" -> "dont"), a space at each end. */
const plain = (text: string): string => ` ${plainWords(text.replace(/[’']/g, ''))} `;

export class DangerPhrases {
  private readonly phrases: string[];

  constructor(lists: { en: readonly string[]; es: readonly string[] }) {
    this.phrases = [...new Set([...lists.en, ...lists.es])].map((p) => ` ${p} `);
  }

  /** Whether the message holds one of the phrases as whole words ("i took a bunch of pills"). */
  says(text: string): boolean {
    const t = plain(text);
    return this.phrases.some((p) => t.includes(p));
  }
}
