/**
 * Evidence from the last word of a job title ("... tender", "... inspector"): the pathways that
 * word usually means (data/title-words.json, our own words), found whole, inside a joined-up word
 * ("meat|cutter"), by a part that says its field ("ornith|ologist") or by its ending, and how much
 * that counts against what the search found.
 */
import { foldPlural, plainText, processTerm, type QueryWord } from './normalise-text.js';
import type { TitleWords } from './occupation-types.js';
import { WordParts } from './word-parts.js';

/**
 * Evidence from the last word of a title ("... inspector", data/title-words.json), as a share of
 * the strongest cluster's evidence from the search (HEAD_ALONE when the search found nothing).
 * The share falls towards HEAD_SHARE_FOCUSED as another word of the title points more clearly to
 * one cluster ("poultry director"). It is HEAD_SHARE_WEAK when one of our jobs is named by all the
 * words, or when a single word is known only by its ending or a part ("gamer"): then it mostly
 * breaks near-ties and seldom shows as a match of its own. A filler word that is a title word
 * ("worker") says little once another word is clear: its share falls to nothing ("farm worker");
 * it is weak when one of our jobs has the other words in its name ("social worker"), and stands
 * when they point nowhere ("intake worker").
 */
const HEAD_SHARE = 1;
const HEAD_SHARE_FOCUSED = 0.5;
const HEAD_SHARE_WEAK = 0.15;
const HEAD_ALONE = 10;
/** The second and third pathways a title word lists count this much less each. */
const HEAD_NEXT = 0.8;
/** Where a title's name part ends: "Chief of Police", "Manager, Sales", "Analyst (Data)". */
const TITLE_QUALIFIER = /\(|\)|,|\bof\b|\bfor\b/;
/** The shortest first part of a joined-up title word ("meat" + "cutter"). */
const MIN_PREFIX = 3;
/** The shortest last word found inside a joined-up word ("cutter" in "meatcutter"). */
const MIN_INNER_HEAD = 4;

export interface Evidence {

  parts: number[];
  words: Set<string>;
}

export function addEvidence(into: Map<string, Evidence>, key: string, amount: number, words: string[]): void {
  let e = into.get(key);
  if (e === undefined) {
    e = { parts: [], words: new Set() };
    into.set(key, e);
  }
  e.parts.push(amount);
  for (const w of words) e.words.add(w);
}

export function total(e: Evidence, decay: number): number {
  return [...e.parts].sort((a, b) => b - a).reduce((sum, part, i) => sum + part * decay ** i, 0);
}

/** The title words, endings and not-doer words, checked against the framework's pathways. */
export class TitleWordIndex {
  /** A title's last word (as a search term, or folded when it is a filler word like "worker") -> its pathways. */
  readonly heads = new Map<string, string[]>();
  /** Word endings -> pathways (data/title-words.json), longest ending first. */
  private readonly endings: [string, string[]][] = [];
  private readonly notDoers = new Set<string>();
  /** Word starts and roots that say what field a word is about ("cardio-"). */
  readonly parts: WordParts;

  constructor(words: TitleWords | undefined, knownPathway: (pathwayId: string) => boolean) {
    for (const [word, pathwayIds] of Object.entries(words?.heads ?? {})) {
      const known = pathwayIds.filter(knownPathway);
      if (known.length > 0) this.heads.set(processTerm(word) ?? foldPlural(plainText(word)), known);
    }
    for (const [ending, pathwayIds] of Object.entries(words?.endings ?? {})) {
      const known = pathwayIds.filter(knownPathway);
      if (known.length > 0) this.endings.push([ending, known]);
    }
    this.endings.sort((a, b) => b[0].length - a[0].length);
    for (const word of words?.notDoers ?? []) this.notDoers.add(processTerm(word) ?? word);
    this.parts = new WordParts(words?.wordParts, knownPathway);
  }

  get empty(): boolean {
    return this.heads.size === 0 && this.endings.length === 0 && this.parts.size === 0;
  }

  /**
   * The last word of the name part of a title ("Chief of Police" -> chief): the last word that
   * is not filler, or a filler word that is a title word itself ("Farm Worker" -> worker).
   */
  headWord(text: string): QueryWord | undefined {
    const plain = plainText(text.slice(0, 500).split(TITLE_QUALIFIER)[0]!).split(' ');
    for (let i = plain.length - 1; i >= 0; i -= 1) {
      const word = plain[i]!;
      if (word === '') continue;
      const term = processTerm(word);
      if (term !== null) return { word, term };
      if (this.heads.has(foldPlural(word))) return { word, term: foldPlural(word) };
    }
    return undefined;
  }

  /** The pathways a word's ending points to ("-er", "-ologist"), whether or not we know the word. */
  endingPathways(term: string): string[] | undefined {
    if (this.notDoers.has(term)) return undefined;
    return this.endings.find(([ending]) => term.length >= ending.length + MIN_PREFIX && term.endsWith(ending))?.[1];
  }

  /**
   * The pathways a title's last word points to: a title word inside it ("meat|cutter"), a part
   * that says its field ("ornith|ologist", word-parts.ts), or its ending.
   */
  pathwaysOf(head: QueryWord): string[] | undefined {
    const t = head.term;
    for (let i = MIN_PREFIX; i <= t.length - MIN_INNER_HEAD; i += 1) {
      const inner = this.heads.get(t.slice(i));
      if (inner !== undefined) return inner;
    }
    if (this.notDoers.has(t)) return undefined;
    return this.parts.pathwaysOf(t) ?? this.endingPathways(t);
  }
}

/**
 * A job title's last word says what kind of job it is ("... tender", "... inspector"): evidence
 * for that word's pathways (data/title-words.json), sized after what the search found (see
 * HEAD_SHARE). The caller skips it when the text is exactly the name of one of our jobs.
 */
export function addTitleWordEvidence(
  index: TitleWordIndex,
  focusOf: { get(term: string): number | undefined },
  query: { text: string; words: QueryWord[]; exactTerms: Set<string>; named: boolean },
  pathways: Map<string, Evidence>,
  clusters: Map<string, Evidence>,
  decay: number,
): void {
  const { text, words, exactTerms, named } = query;
  if (index.empty) return;
  const head = index.headWord(text);
  if (head === undefined) return;
  let top = 0;
  for (const e of clusters.values()) top = Math.max(top, total(e, decay));
  const own = index.heads.get(head.term);
  const pathwayIds = own ?? (exactTerms.has(head.term) ? undefined : index.pathwaysOf(head));
  if (pathwayIds === undefined) return;
  let focus = 0;
  for (const w of words) if (w.term !== head.term && exactTerms.has(w.term)) focus = Math.max(focus, focusOf.get(w.term) ?? 0);
  const filler = !words.some((w) => w.term === head.term);
  const share = filler
    ? (named ? HEAD_SHARE_WEAK : HEAD_SHARE) * (1 - focus)
    : named || (own === undefined && words.length < 2)
      ? HEAD_SHARE_WEAK
      : HEAD_SHARE - (HEAD_SHARE - HEAD_SHARE_FOCUSED) * focus;
  const amount = top > 0 ? top * share : HEAD_ALONE;
  pathwayIds.forEach((p, i) => {
    const part = amount * HEAD_NEXT ** i;
    addEvidence(pathways, p, part, [head.word]);
    addEvidence(clusters, p.split('.')[0]!, part, [head.word]);
  });
}
