/**
 * What language a message is written in, English or Spanish, and how sure that is. Two readings
 * agree or the guess is unsure: franc (trigram language identification, limited to the two
 * languages) and the words themselves, counted against the vocabularies of our own English and
 * Spanish catalogs and understanding corpora. Short words both languages share ("ok", "no")
 * give no guess.
 */
import { francAll } from 'franc-min';
import type { LanguageGuess } from '../../domain/language-choice.js';
import { plainWords } from '../../domain/language-choice.js';
import type { Language } from '../../i18n/language.js';

export interface Vocabulary {
  en: ReadonlySet<string>;
  es: ReadonlySet<string>;
  /** How many times more frequent a word is in its language than in the other (Infinity: only there). */
  ratio?: ReadonlyMap<string, number>;
}

/** A one-word message decides only with a word this much more frequent in its language ("hola", not "no"). */
const ONE_WORD_RATIO = 20;

/** Words of a text as vocabulary entries. */
export function vocabularyWords(text: string): string[] {
  return plainWords(text)
    .split(' ')
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

/** A word belongs to a language when it is this many times more frequent there than in the other. */
const MORE_FREQUENT = 3;

/**
 * Builds the two vocabularies from what we wrote and collected in each language (catalogs and the
 * understanding corpora). A word is English or Spanish when it is clearly more frequent in that
 * language's texts ("hola" is in the English corpus once or twice, in the Spanish one many times);
 * a word common to both ("doctor", "lol", "ok") is neither. Spanish messages quote English commands
 * ("escriba \"my pathway\"") and official names in parentheses ("(Health Science)"): those
 * stretches are left out of the Spanish texts.
 */
export function buildVocabulary(texts: { english: Iterable<string>; spanish: Iterable<string> }): Vocabulary {
  const count = (list: Iterable<string>) => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const t of list) {
      for (const w of vocabularyWords(t)) {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        total++;
      }
    }
    return { counts, total: Math.max(1, total) };
  };
  const english = count(texts.english);
  const spanish = count([...texts.spanish].map((t) => t.replace(/"[^"]*"|\([^)]*\)|«[^»]*»/g, ' ')));
  const en = new Set<string>();
  const es = new Set<string>();
  const ratio = new Map<string, number>();
  for (const w of new Set([...english.counts.keys(), ...spanish.counts.keys()])) {
    const fEn = (english.counts.get(w) ?? 0) / english.total;
    const fEs = (spanish.counts.get(w) ?? 0) / spanish.total;
    if (fEn >= MORE_FREQUENT * fEs) en.add(w);
    else if (fEs >= MORE_FREQUENT * fEn) es.add(w);
    else continue;
    ratio.set(w, Math.max(fEn, fEs) / Math.max(Math.min(fEn, fEs), Number.MIN_VALUE));
  }
  return { en, es, ratio };
}

export function guessLanguage(text: string, vocabulary: Vocabulary): LanguageGuess | undefined {
  const words = vocabularyWords(text);
  if (words.length === 0) return undefined;
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (vocabulary.es.has(w)) es++;
    else if (vocabulary.en.has(w)) en++;
  }
  const byWords: Language | undefined = es > en ? 'es' : en > es ? 'en' : undefined;
  let wordSureness = words.length ? Math.abs(es - en) / words.length : 0;
  // One word shared in spirit by both ("no", "ok") says little; "hola" or "gracias" says a lot.
  if (words.length === 1 && (vocabulary.ratio?.get(words[0]!) ?? Infinity) < ONE_WORD_RATIO) wordSureness = 0.3;
  const ranked = francAll(text, { only: ['eng', 'spa'], minLength: 1 });
  const [top, second] = ranked;
  const byTrigrams: Language | undefined = top && top[0] !== 'und' && top[1] > 0 ? (top[0] === 'spa' ? 'es' : 'en') : undefined;
  const trigramSureness = top && second ? top[1] - second[1] : 0;
  if (byWords && byTrigrams && byWords !== byTrigrams) {
    // They disagree: the words win only when most of them are known.
    return wordSureness >= 0.5 ? { language: byWords, sureness: wordSureness, words: words.length } : undefined;
  }
  if (byWords && words.length === 1) return { language: byWords, sureness: wordSureness, words: 1 };
  if (byWords) return { language: byWords, sureness: Math.min(1, wordSureness + (byTrigrams ? trigramSureness : 0)), words: words.length };
  // No known words either way: trigrams alone, discounted, and never on one or two words (they
  // take "caseload" for Spanish).
  if (byTrigrams && words.length >= 3) return { language: byTrigrams, sureness: trigramSureness * 0.8, words: words.length };
  return undefined;
}
