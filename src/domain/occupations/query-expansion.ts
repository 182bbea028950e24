/**
 * More ways to find a title word that is not in our data as it is written: its stem, so that
 * "dishwashing" finds "dishwasher" and "navigation" finds "navigator", the two words a joined-up
 * word is made of ("choirmaster" -> "choir" + "master"), and the long form of a short one ("mgr"
 * -> "manager"). Only for words the index does not hold as they are, so a word we know keeps its
 * own meaning. A short form beside its long form ("Lab Tech (Laboratory Technician)") counts once.
 * Pure.
 */
import type { Query } from 'minisearch';
import { processTerm, type QueryWord } from './normalise-text.js';

/** Word endings that make another word of the same family, longest first within a family. */
const SUFFIXES = [
  'ications', 'ication', 'izations', 'ization', 'ations', 'ation', 'itions', 'ition', 'ions', 'ion',
  'ologies', 'ology', 'ographies', 'ography', 'icians', 'ician', 'ians', 'ian', 'ists', 'ist',
  'ically', 'ical', 'ics', 'ic', 'al', 'ings', 'ing', 'ers', 'er', 'ors', 'or', 'ed',
  'ments', 'ment', 'ances', 'ance', 'ences', 'ence', 'ants', 'ant', 'ents', 'ent', 'ive', 'ure', 'ism',
  'izes', 'ize', 'ises', 'ise', 'ry', 'y', 'e',
];
/** Endings whose stem keeps a letter of the ending ("ology" -> "olog", to find "ologist"). */
const KEEP: Record<string, string> = { ologies: 'olog', ology: 'olog', ographies: 'ograph', ography: 'ograph' };
/** The shortest stem worth searching for: shorter ones start too many words. */
const MIN_STEM = 4;
/** The shortest part of a joined-up word. */
const MIN_PART = 3;
/** The shortest joined-up word worth splitting. */
const MIN_JOINED = 7;
/** A stem or part of a word we do not hold counts this much of the word itself (a long form counts fully). */
const EXTRA_WEIGHT = 0.5;
/** Stems, parts and long forms are looked for in titles and other names only. */
const NAME_FIELDS = ['title', 'names'];

/** "navigation" -> "navig" (which starts "navigator"); undefined when no known ending leaves a stem long enough. */
export function wordStem(term: string): string | undefined {
  for (const suffix of SUFFIXES) {
    if (!term.endsWith(suffix)) continue;
    const stem = term.slice(0, -suffix.length) + (KEEP[suffix] ?? '');
    if (stem.length >= MIN_STEM && stem !== term) return stem;
  }
  return undefined;
}

/**
 * "choirmaster" -> ["choir", "master"] when both parts are words we know, the split with the most
 * even parts first; undefined when there is none.
 */
export function splitJoinedWord(term: string, known: (term: string) => boolean): [string, string] | undefined {
  if (term.length < MIN_JOINED || !/^[a-z]+$/.test(term)) return undefined;
  let best: [string, string] | undefined;
  let bestShort = 0;
  for (let i = MIN_PART; i <= term.length - MIN_PART; i += 1) {
    const head = term.slice(0, i);
    const tail = term.slice(i);
    const short = Math.min(head.length, tail.length);
    if (short > bestShort && known(head) && known(tail)) {
      best = [head, tail];
      bestShort = short;
    }
  }
  return best;
}

export interface ExtraTerm {
  /** What is searched for. */
  term: string;
  /** The query word it stands in for. */
  of: QueryWord;
  kind: 'stem' | 'part' | 'long';
}

/** Short forms of title words -> the search term of the word they stand for (data/title-words.json). */
export class ShortForms {
  private readonly longOf = new Map<string, string>();

  constructor(abbreviations: Record<string, string> | undefined) {
    for (const [short, long] of Object.entries(abbreviations ?? {})) {
      const s = processTerm(short);
      const l = processTerm(long);
      if (s !== null && l !== null) this.longOf.set(s, l);
    }
  }

  /** The search term the short form stands for; undefined when the term is not a short form. */
  longForm(term: string): string | undefined {
    return this.longOf.get(term);
  }

  /** The words without a short form whose long form is there too ("tech" beside "technician"). */
  withoutRepeats(words: QueryWord[]): QueryWord[] {
    const repeated = (w: QueryWord): boolean => {
      const long = this.longOf.get(w.term);
      return long !== undefined && words.some((o) => o !== w && (o.term === long || (o.term.length > w.term.length && o.term.startsWith(w.term))));
    };
    return words.some(repeated) ? words.filter((w) => !repeated(w)) : words;
  }
}

/** The stems and parts to search for, besides the words as typed, for the words the index does not hold. */
export function expandQuery(words: readonly QueryWord[], known: (term: string) => boolean, shortForms?: ShortForms): ExtraTerm[] {
  const extra: ExtraTerm[] = [];
  const taken = new Set(words.map((w) => w.term));
  const add = (term: string, of: QueryWord, kind: ExtraTerm['kind']): void => {
    if (taken.has(term)) return;
    taken.add(term);
    extra.push({ term, of, kind });
  };
  for (const w of words) {
    if (known(w.term)) continue;
    const long = shortForms?.longForm(w.term);
    if (long !== undefined) {
      add(long, w, 'long');
      continue;
    }
    const parts = splitJoinedWord(w.term, known);
    if (parts !== undefined) for (const p of parts) add(p, w, 'part');
    const stem = wordStem(w.term);
    if (stem !== undefined) add(stem, w, 'stem');
  }
  return extra;
}

/**
 * The MiniSearch query for the words as typed plus the extra terms (stems as word starts; parts
 * and long forms as whole words), and the per-term boosts: each word's own (`boosts`, by focus),
 * extra terms as much as their word times EXTRA_WEIGHT. `boostTerm` is undefined when all are 1.
 */
export function expandedQuery(
  terms: readonly string[],
  extra: readonly ExtraTerm[],
  boosts: ReadonlyMap<string, number> | undefined,
): { query: Query; boostTerm?: (term: string) => number } {
  const typed = terms.join(' ');
  if (extra.length === 0) return boosts === undefined ? { query: typed } : { query: typed, boostTerm: (t) => boosts.get(t) ?? 1 };
  const byTerm = new Map(extra.map((e) => [e.term, e]));
  const boostTerm = (term: string): number => {
    const e = byTerm.get(term);
    return (boosts?.get(e?.of.term ?? term) ?? 1) * (e === undefined || e.kind === 'long' ? 1 : EXTRA_WEIGHT);
  };
  const stems = extra.filter((e) => e.kind === 'stem').map((e) => e.term);
  const whole = extra.filter((e) => e.kind !== 'stem').map((e) => e.term);
  const query: Query = {
    combineWith: 'OR',
    queries: [
      typed,
      ...(stems.length > 0 ? [{ queries: stems, prefix: true, fuzzy: false, fields: NAME_FIELDS }] : []),
      ...(whole.length > 0 ? [{ queries: whole, prefix: false, fuzzy: false, fields: NAME_FIELDS }] : []),
    ],
  };
  return { query, boostTerm };
}
