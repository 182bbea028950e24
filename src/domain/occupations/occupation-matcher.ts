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
import { FIELD_BOOSTS, INTEREST_FIELD_BOOSTS, SEARCH_FIELDS, buildSearchDocuments, type SearchDocument } from './search-documents.js';
import { phraseKey, processTerm, queryWords, wordsKey, type QueryWord } from './normalise-text.js';
import type { MatchOptions, MatchResult, OccupationMatch } from './match-types.js';
import { addEvidence, addTitleWordEvidence, TitleWordIndex, total, type Evidence } from './title-word-evidence.js';
import { TermFocus } from './term-focus.js';
import { expandedQuery, expandQuery, ShortForms } from './query-expansion.js';
import { addWordPartEvidence } from './word-parts.js';
import { coveredScore } from './rank-evidence.js';
import { EXACT_BONUS, ExactNames } from './exact-names.js';

export type { ClusterMatch, MatchResult, OccupationMatch, PathwayMatch } from './match-types.js';

/** Weight of evidence for a second (not best-fit) pathway or cluster. */
const SECONDARY = 0.5;
/**
 * Each further piece of evidence for the same pathway counts this much less: several of our jobs
 * that fit say more than the single best one.
 */
const DECAY = 0.7;
const MAX_RESULTS = 60;
/** When the student states an interest ("I like ..."), interest phrases count this much more. */
const INTEREST_BOOST = 2;
/** For an interest, many jobs that share it say more than one job named after it ("music"). */
const INTEREST_DECAY = 0.7;

export type { MatchOptions } from './match-types.js';

/**
 * Typos allowed in a word the index does not hold ("electrision"): none in short words, where one
 * letter off is another word ("boom", "room"), one up to 9 letters, two from 10.
 */
const fuzziness = (term: string): number | false => (term.length < 5 ? false : term.length < 10 ? 1 : 2);

const round = (n: number): number => Math.round(n * 100) / 100;

export class OccupationMatcher {
  private readonly search: MiniSearch<SearchDocument>;
  private readonly docs = new Map<string, SearchDocument>();
  private readonly builtIn = new Map<string, Occupation>();
  private readonly onet = new Map<string, OnetOccupation>();
  /** Phrase key -> built-in document id -> bonus for a whole-phrase hit. */
  private readonly exact: ExactNames;
  /** Built-in occupation id -> the terms of its title and other names. */
  private readonly nameTerms = new Map<string, Set<string>>();
  private readonly clusterNames = new Map<string, string>();
  private readonly pathwayNames = new Map<string, string>();
  /** Search term of an ambiguous word -> the built-in occupations to offer (may be empty). */
  private readonly ambiguous = new Map<string, Occupation[]>();
  /** How strongly each search term points to one cluster. */
  private readonly focus: TermFocus;
  /** Title words and endings (data/title-words.json). */
  private readonly titleWords: TitleWordIndex;
  /** Short forms of title words ("tech", "mgr"). */
  private readonly shortForms: ShortForms;
  constructor(readonly framework: Framework, data: OccupationData) {
    for (const cluster of framework.clusters) {
      this.clusterNames.set(cluster.id, cluster.name);
      for (const p of cluster.pathways) this.pathwayNames.set(p.id, p.name);
    }
    for (const occ of data.occupations) {
      this.builtIn.set(occ.id, occ);
      this.nameTerms.set(occ.id, new Set([occ.title, ...occ.otherNames].flatMap((n) => phraseKey(n).split(' '))));
    }
    this.exact = new ExactNames(data.occupations);
    for (const occ of data.onet?.occupations ?? []) this.onet.set(occ.code, occ);
    for (const [word, ids] of Object.entries(data.ambiguousWords ?? {})) {
      const kinds = ids.map((id) => this.builtIn.get(id)).filter((o): o is Occupation => o !== undefined);
      // One word by its search term ("doctors" -> "doctor"); two as written and with the last one
      // plural ("social worker", "social workers"), so looking them up needs no normalising.
      if (!word.includes(' ')) {
        const term = processTerm(word);
        if (term !== null) this.ambiguous.set(term, kinds);
      } else for (const form of [wordsKey(word), `${wordsKey(word)}s`]) this.ambiguous.set(form, kinds);
    }
    this.titleWords = new TitleWordIndex(data.titleWords, (p) => this.pathwayNames.has(p));
    this.shortForms = new ShortForms(data.titleWords?.abbreviations);
    this.search = new MiniSearch<SearchDocument>({
      fields: [...SEARCH_FIELDS],
      processTerm: (term) => processTerm(term),
      searchOptions: {
        boost: FIELD_BOOSTS,
        // A word we hold means itself: only other words may be typos.
        fuzzy: (term) => (this.focus.has(term) ? false : fuzziness(term)),
        prefix: (term) => term.length >= 4,
        weights: { fuzzy: 0.35, prefix: 0.5 },
        combineWith: 'OR',
      },
    });
    const docs = buildSearchDocuments(framework, data);
    for (const d of docs) this.docs.set(d.id, d);
    this.search.addAll(docs);
    this.focus = new TermFocus(docs);
  }

  /** How strongly the whole text names this built-in occupation: 0 (not at all) to 3 (its title). */
  exactStrength(text: string, occupationId: string): number {
    return this.exact.strength(text, occupationId);
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

  /**
   * For a word (a search term) or two (plain: "social workers") that name a family of jobs
   * (data/ambiguous-words.json): the occupations to offer, [] when the matcher should pick them;
   * undefined when the words are not one of those.
   */
  ambiguousChoices(term: string): Occupation[] | undefined {
    return this.ambiguous.get(term);
  }

  /** Whether these plain words are a job's name ("vet") or a word for a family of jobs ("doctor", "social workers"). */
  namesJob(words: string): boolean {
    return this.namesOccupation(words) || (this.ambiguousChoices(words)?.length ?? 0) >= 2;
  }

  /** Whether the whole text is a built-in occupation's title or one of its other names ("vet", "welder"), not only a word students use for it. */
  namesOccupation(text: string): boolean {
    return this.exact.namesOccupation(text);
  }

  /** True when the whole text is exactly some built-in occupation's title, other name or student word. */
  isExactOccupationName(text: string): boolean {
    return this.exact.isName(text);
  }

  clusterName(id: string): string {
    return this.clusterNames.get(id) ?? id;
  }

  pathwayName(id: string): string {
    return this.pathwayNames.get(id) ?? id;
  }

  /**
   * The search: the words as typed, and for words the index does not hold, their stems and parts
   * (query-expansion.ts), which count less. `sourceOf` maps each extra term to the word's term.
   */
  private runSearch(words: QueryWord[], options: MatchOptions): { results: SearchResult[]; sourceOf: Map<string, string> } {
    const terms = words.map((w) => w.term);
    const extra = expandQuery(words, (t) => this.focus.has(t), this.shortForms);
    const sourceOf = new Map(extra.map((e) => [e.term, e.of.term]));
    const { query, boostTerm } = expandedQuery(terms, extra, this.focus.boosts(terms));
    // An interest ("I like being outside") is about what people do, not what a job is called: the
    // words students use count more than titles ("Outside Plant Engineer").
    const results = this.search
      .search(query, {
        ...(options.interest === true ? { boost: INTEREST_FIELD_BOOSTS } : {}),
        ...(boostTerm !== undefined ? { boostTerm } : {}),
      })
      .slice(0, MAX_RESULTS);
    return { results, sourceOf };
  }

  match(text: string, limit = 3, options: MatchOptions = {}): MatchResult {
    const words = this.shortForms.withoutRepeats(queryWords(text.slice(0, 500)));
    const empty: MatchResult = { words, unmatchedWords: words.map((w) => w.word), looseWords: [], clusters: [], pathways: [], occupations: [] };
    if (words.length === 0) return empty;
    const wordOf = new Map(words.map((w) => [w.term, w.word]));
    const queryKey = words.map((w) => w.term).sort().join(' ');
    const exactIds = this.exact.named(queryKey);

    const { results, sourceOf } = this.runSearch(words, options);
    const exactTerms = new Set<string>();
    const anyTerms = new Set<string>();
    /** Some built-in job has every word of the text in its title or other names, as typed. */
    let named = false;
    const pathways = new Map<string, Evidence>();
    const clusters = new Map<string, Evidence>();
    const occupations: OccupationMatch[] = [];

    for (const r of results) {
      const doc = this.docs.get(r.id as string)!;
      if (!named && doc.kind === 'occupation') {
        const fields = r.match as Record<string, string[]>;
        named = words.every((w) => Object.hasOwn(fields, w.term) && fields[w.term]!.some((f) => f === 'title' || f === 'names'));
      }
      const matched = [...new Set((r.queryTerms as string[]).map((t) => wordOf.get(sourceOf.get(t) ?? t) ?? t))];
      for (const t of r.queryTerms as string[]) {
        const source = sourceOf.get(t);
        anyTerms.add(source ?? t);
        if (source === undefined && (r.terms as string[]).includes(t)) exactTerms.add(t);
      }
      let bonus = doc.kind === 'onet' ? (this.isExactOnet(doc.ref, queryKey) ? EXACT_BONUS.otherName : 1) : exactIds.get(doc.id) ?? 1;
      // "I like music" does not name the music therapist, even though students say "music" for it.
      if (options.interest === true && bonus <= EXACT_BONUS.studentWord) bonus = 1;
      const exact = bonus > 1;
      const interestBoost = options.interest === true && (doc.kind === 'interest' || doc.kind === 'keyword') ? INTEREST_BOOST : 1;
      const amount = r.score * doc.weight * bonus * interestBoost;
      doc.pathwayIds.forEach((p, i) => addEvidence(pathways, p, i === 0 ? amount : amount * SECONDARY, matched));
      doc.clusterIds.forEach((c, i) => addEvidence(clusters, c, i === 0 ? amount : amount * SECONDARY, matched));
      if (doc.kind === 'occupation' || doc.kind === 'onet') {
        const occupation = doc.kind === 'occupation' ? this.builtIn.get(doc.ref) : undefined;
        const onet = doc.kind === 'onet' ? this.onet.get(doc.ref) : undefined;
        occupations.push({
          source: doc.kind === 'occupation' ? 'built-in' : 'onet', id: doc.ref, title: doc.title,
          pathwayIds: doc.pathwayIds, clusterIds: doc.clusterIds, score: round(amount), matchedWords: matched, exact,
          ...(exact ? { exactOn: bonus >= EXACT_BONUS.title ? 'title' : bonus >= EXACT_BONUS.otherName ? 'otherName' : 'studentWord' } : {}),
          nameHit: words.every((w) => (r.queryTerms as string[]).includes(w.term)) &&
            Object.values(r.match as Record<string, string[]>).every((fields) => fields.some((f) => f === 'title' || f === 'names')),
          ...(occupation ? { occupation } : {}), ...(onet ? { onet } : {}),
        });
      }
    }

    const decay = options.interest === true ? INTEREST_DECAY : DECAY;
    if (options.interest !== true && exactIds.size === 0) {
      let top = 0;
      for (const e of clusters.values()) top = Math.max(top, total(e, decay));
      addWordPartEvidence(this.titleWords.parts, words, { known: (t) => this.focus.has(t), head: this.titleWords.headWord(text)?.term }, top, (p, amount, word) => {
        addEvidence(pathways, p, amount, [word]);
        addEvidence(clusters, p.split('.')[0]!, amount, [word]);
      });
      addTitleWordEvidence(this.titleWords, this.focus, { text, words, exactTerms, named }, pathways, clusters, decay);
    }
    const rank = <T extends { score: number }>(list: T[]): T[] => list.sort((a, b) => b.score - a.score).slice(0, limit);
    // A title (not an interest, not one of our names) is read as a whole (rank-evidence.ts).
    const title = options.interest === true || exactIds.size > 0 ? undefined : words;
    const score = (e: Evidence): number => round(coveredScore(e, decay, title, (w) => this.focus.rarity(w.term)));
    const rankedClusters = rank([...clusters].map(([clusterId, e]) => ({ clusterId, name: this.clusterName(clusterId), score: score(e), matchedWords: [...e.words] })));
    return {
      words,
      unmatchedWords: words.filter((w) => !anyTerms.has(w.term)).map((w) => w.word),
      looseWords: words.filter((w) => anyTerms.has(w.term) && !exactTerms.has(w.term)).map((w) => w.word),
      clusters: rankedClusters,
      pathways: rank([...pathways].map(([pathwayId, e]) => ({
        pathwayId, clusterId: pathwayId.split('.')[0]!, name: this.pathwayName(pathwayId), score: score(e),
        matchedWords: [...e.words],
      }))),
      occupations: rank(occupations),
    };
  }
}
