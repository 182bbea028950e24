/**
 * OccupationMatcher: what a student typed -> the clusters, pathways and occupations it points to,
 * with scores and the words that matched. Built on MiniSearch (fuzzy + prefix search, field
 * boosts); our own code only cleans the words (normalise-text.ts) and adds up the evidence per
 * pathway and cluster. Pure: build it from data the caller has loaded.
 *
 *   const matcher = new OccupationMatcher(framework, await loadOccupationData());
 *   matcher.match('I want to be a vet', 3).clusters[0].clusterId === 'agriculture'
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Framework } from '../framework-types.js';
import type { Occupation, OccupationData, OnetOccupation } from './occupation-types.js';
import { FIELD_BOOSTS, SEARCH_FIELDS, buildSearchDocuments, type SearchDocument } from './search-documents.js';
import { phraseKey, processTerm, queryWords, type QueryWord } from './normalise-text.js';

export interface ClusterMatch {
  clusterId: string;
  name: string;
  score: number;
  /** The student's words that pointed here. */
  matchedWords: string[];
}

export interface PathwayMatch extends ClusterMatch {
  pathwayId: string;
}

export interface OccupationMatch {
  source: 'built-in' | 'onet';
  /** Occupation id (built-in) or O*NET-SOC code. */
  id: string;
  title: string;
  pathwayIds: string[];
  clusterIds: string[];
  score: number;
  matchedWords: string[];
  /** The whole query is this occupation's title, other name or student word. */
  exact: boolean;
  occupation?: Occupation;
  onet?: OnetOccupation;
}

export interface MatchResult {
  /** The meaningful words of the query (filler removed). */
  words: QueryWord[];
  /** Words that matched nothing at all. */
  unmatchedWords: string[];
  /** Words that matched only through typo tolerance or word starts. */
  looseWords: string[];
  clusters: ClusterMatch[];
  pathways: PathwayMatch[];
  occupations: OccupationMatch[];
}

/** How much a whole-phrase hit on an occupation name multiplies its evidence. */
const EXACT_BONUS = 2.5;
/** Weight of evidence for a second (not best-fit) pathway or cluster. */
const SECONDARY = 0.5;
/** Each further piece of evidence for the same pathway counts this much less. */
const DECAY = 0.5;
const MAX_RESULTS = 60;

const fuzziness = (term: string): number | false => (term.length < 4 ? false : term.length < 7 ? 1 : 2);

interface Evidence {
  parts: number[];
  words: Set<string>;
}

function addEvidence(into: Map<string, Evidence>, key: string, amount: number, words: string[]): void {
  let e = into.get(key);
  if (e === undefined) {
    e = { parts: [], words: new Set() };
    into.set(key, e);
  }
  e.parts.push(amount);
  for (const w of words) e.words.add(w);
}

function total(e: Evidence): number {
  return [...e.parts].sort((a, b) => b - a).reduce((sum, part, i) => sum + part * DECAY ** i, 0);
}

const round = (n: number): number => Math.round(n * 100) / 100;

export class OccupationMatcher {
  private readonly search: MiniSearch<SearchDocument>;
  private readonly docs = new Map<string, SearchDocument>();
  private readonly builtIn = new Map<string, Occupation>();
  private readonly onet = new Map<string, OnetOccupation>();
  private readonly exactPhrases = new Map<string, Set<string>>();
  /** Built-in occupation id -> the terms of its title and other names. */
  private readonly nameTerms = new Map<string, Set<string>>();
  private readonly clusterNames = new Map<string, string>();
  private readonly pathwayNames = new Map<string, string>();

  constructor(readonly framework: Framework, data: OccupationData) {
    for (const cluster of framework.clusters) {
      this.clusterNames.set(cluster.id, cluster.name);
      for (const p of cluster.pathways) this.pathwayNames.set(p.id, p.name);
    }
    for (const occ of data.occupations) {
      this.builtIn.set(occ.id, occ);
      this.nameTerms.set(occ.id, new Set([occ.title, ...occ.otherNames].flatMap((n) => phraseKey(n).split(' '))));
      for (const phrase of [occ.title, ...occ.otherNames, ...occ.studentWords]) this.addExact(phrase, `occupation:${occ.id}`);
    }
    for (const occ of data.onet?.occupations ?? []) this.onet.set(occ.code, occ);
    this.search = new MiniSearch<SearchDocument>({
      fields: [...SEARCH_FIELDS],
      processTerm: (term) => processTerm(term),
      searchOptions: {
        boost: FIELD_BOOSTS,
        fuzzy: (term) => fuzziness(term),
        prefix: (term) => term.length >= 4,
        weights: { fuzzy: 0.35, prefix: 0.5 },
        combineWith: 'OR',
      },
    });
    const docs = buildSearchDocuments(framework, data);
    for (const d of docs) this.docs.set(d.id, d);
    this.search.addAll(docs);
  }

  private addExact(phrase: string, docId: string): void {
    const key = phraseKey(phrase);
    if (key === '') return;
    let set = this.exactPhrases.get(key);
    if (set === undefined) this.exactPhrases.set(key, (set = new Set()));
    set.add(docId);
  }

  /** Phrase keys of an O*NET occupation's titles, worked out the first time it turns up in results. */
  private readonly onetKeys = new Map<string, Set<string>>();

  private isExactOnet(code: string, key: string): boolean {
    let keys = this.onetKeys.get(code);
    if (keys === undefined) {
      const occ = this.onet.get(code);
      keys = new Set(occ === undefined ? [] : [occ.title, ...occ.alternateTitles].map((t) => phraseKey(t)));
      this.onetKeys.set(code, keys);
    }
    return keys.has(key);
  }

  /** Number of indexed documents (all kinds). */
  get documentCount(): number {
    return this.docs.size;
  }

  get builtInCount(): number {
    return this.builtIn.size;
  }

  get onetCount(): number {
    return this.onet.size;
  }

  occupation(id: string): Occupation | undefined {
    return this.builtIn.get(id);
  }

  /** Built-in occupations whose title or other names contain this word (as a whole word). */
  occupationsNamed(word: string): Occupation[] {
    const term = processTerm(word);
    if (term === null) return [];
    return [...this.builtIn.values()].filter((o) => this.nameTerms.get(o.id)!.has(term));
  }

  /** True when the whole text is exactly some built-in occupation's title, other name or student word. */
  isExactOccupationName(text: string): boolean {
    return [...(this.exactPhrases.get(phraseKey(text)) ?? [])].some((id) => id.startsWith('occupation:'));
  }

  clusterName(id: string): string {
    return this.clusterNames.get(id) ?? id;
  }

  pathwayName(id: string): string {
    return this.pathwayNames.get(id) ?? id;
  }

  match(text: string, limit = 3): MatchResult {
    const words = queryWords(text.slice(0, 500));
    const empty: MatchResult = { words, unmatchedWords: words.map((w) => w.word), looseWords: [], clusters: [], pathways: [], occupations: [] };
    if (words.length === 0) return empty;
    const wordOf = new Map(words.map((w) => [w.term, w.word]));
    const queryKey = words.map((w) => w.term).sort().join(' ');
    const exactIds = this.exactPhrases.get(queryKey) ?? new Set<string>();

    const results: SearchResult[] = this.search.search(words.map((w) => w.term).join(' ')).slice(0, MAX_RESULTS);
    const exactTerms = new Set<string>();
    const anyTerms = new Set<string>();
    const pathways = new Map<string, Evidence>();
    const clusters = new Map<string, Evidence>();
    const occupations: OccupationMatch[] = [];

    for (const r of results) {
      const doc = this.docs.get(r.id as string)!;
      const matched = (r.queryTerms as string[]).map((t) => wordOf.get(t) ?? t);
      for (const t of r.queryTerms as string[]) {
        anyTerms.add(t);
        if ((r.terms as string[]).includes(t)) exactTerms.add(t);
      }
      const exact = doc.kind === 'onet' ? this.isExactOnet(doc.ref, queryKey) : exactIds.has(doc.id);
      const amount = r.score * doc.weight * (exact ? EXACT_BONUS : 1);
      doc.pathwayIds.forEach((p, i) => addEvidence(pathways, p, i === 0 ? amount : amount * SECONDARY, matched));
      doc.clusterIds.forEach((c, i) => addEvidence(clusters, c, i === 0 ? amount : amount * SECONDARY, matched));
      if (doc.kind === 'occupation' || doc.kind === 'onet') {
        const occupation = doc.kind === 'occupation' ? this.builtIn.get(doc.ref) : undefined;
        const onet = doc.kind === 'onet' ? this.onet.get(doc.ref) : undefined;
        occupations.push({
          source: doc.kind === 'occupation' ? 'built-in' : 'onet', id: doc.ref, title: doc.title,
          pathwayIds: doc.pathwayIds, clusterIds: doc.clusterIds, score: round(amount), matchedWords: matched, exact,
          ...(occupation ? { occupation } : {}), ...(onet ? { onet } : {}),
        });
      }
    }

    const rank = <T extends { score: number }>(list: T[]): T[] => list.sort((a, b) => b.score - a.score).slice(0, limit);
    return {
      words,
      unmatchedWords: words.filter((w) => !anyTerms.has(w.term)).map((w) => w.word),
      looseWords: words.filter((w) => anyTerms.has(w.term) && !exactTerms.has(w.term)).map((w) => w.word),
      clusters: rank([...clusters].map(([clusterId, e]) => ({
        clusterId, name: this.clusterName(clusterId), score: round(total(e)), matchedWords: [...e.words],
      }))),
      pathways: rank([...pathways].map(([pathwayId, e]) => ({
        pathwayId, clusterId: pathwayId.split('.')[0]!, name: this.pathwayName(pathwayId), score: round(total(e)),
        matchedWords: [...e.words],
      }))),
      occupations: rank(occupations),
    };
  }
}
