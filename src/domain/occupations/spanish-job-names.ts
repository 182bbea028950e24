/**
 * Spanish names people type for common jobs (data/es/occupation-names.json): "soldador" is read
 * as a job's name and looked up by the English words our occupation data knows it by ("welder"),
 * and the answer can name the job in Spanish ("soldador/a"). Pure.
 */
import { z } from 'zod';
import { plainWords as plain } from '../language-choice.js';
import { replacePhrases } from '../replace-phrases.js';

const plainName = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be plain lower-case words (no accents)');

export const spanishJobNamesSchema = z.object({
  about: z.string().optional(),
  names: z.array(z.object({ es: z.array(plainName).min(1), en: z.string().min(1), title: z.string().min(1).optional() })).min(1),
});

export type SpanishJobNamesFile = z.infer<typeof spanishJobNamesSchema>;

/** A Spanish plural made singular: "soldadores" -> "soldador", "sociales" -> "social", "enfermeras" -> "enfermera". */
const singular = (word: string): string => (/[lrnd]es$/.test(word) ? word.slice(0, -2) : word.replace(/s$/, ''));


export class SpanishJobNames {
  private readonly english = new Map<string, string>();
  private readonly titles = new Map<string, string>();

  constructor(file: SpanishJobNamesFile) {
    for (const n of file.names) {
      for (const es of n.es) this.english.set(es, n.en);
      if (n.title) this.titles.set(n.en, n.title);
    }
  }

  /** The English words for a Spanish job name, plural or not ("soldadores" -> "welder"); undefined when it is none. */
  englishFor(words: string): string | undefined {
    // Words already plain (as the classifier's entity marking asks, for every few words of every
    // utterance at start-up) are looked up at once; others are made plain first.
    const p = /^[a-z0-9 ]*$/.test(words) ? words : plain(words);
    return this.english.get(p) ?? (/s\b/.test(p) ? this.english.get(p.split(' ').map(singular).join(' ')) : undefined);
  }

  /** Whether these words are a Spanish job name. */
  has(words: string): boolean {
    return this.englishFor(words) !== undefined;
  }

  /** The text with each Spanish job name in it (longest first) put in English: "un soldador" -> "un welder"; as it was when it holds none. */
  translate(text: string): string {
    const { words, found } = replacePhrases(plain(text).split(' ').filter(Boolean), (phrase) => {
      const english = this.englishFor(phrase);
      return english === undefined ? undefined : { as: english };
    });
    return found.length > 0 ? words.join(' ') : text;
  }

  /** The Spanish name to show for the job these English words name ("welder" -> "soldador/a"), when there is one. */
  titleFor(english: string): string | undefined {
    return this.titles.get(english);
  }

  /** Every [English words, Spanish title] pair. */
  titled(): [string, string][] {
    return [...this.titles];
  }
}
