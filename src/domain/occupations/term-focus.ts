/**
 * How strongly each search term points to one cluster: "aquaculture" is nearly all Agriculture,
 * "director" is spread over many. In a query of several words, the focused words count more.
 * Pure: measured once from the matcher's documents.
 */
import MiniSearch from 'minisearch';
import { processTerm } from './normalise-text.js';
import { SEARCH_FIELDS, type SearchDocument } from './search-documents.js';

export class TermFocus {
  /** Search term -> share of the documents with it that are in its most common cluster (0-1]. */
  private readonly focus = new Map<string, number>();
  /** Search term -> how many documents (with a cluster) hold it. */
  private readonly documentsWith = new Map<string, number>();
  private documents = 0;

  constructor(docs: readonly SearchDocument[]) {
    const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    const counts = new Map<string, Map<string, number>>();
    for (const d of docs) {
      const cluster = d.clusterIds[0];
      if (cluster === undefined) continue;
      this.documents += 1;
      const terms = new Set(SEARCH_FIELDS.flatMap((f) => tokenize(d[f]).map((t) => processTerm(t))));
      for (const t of terms) {
        if (t === null) continue;
        let byCluster = counts.get(t);
        if (byCluster === undefined) counts.set(t, (byCluster = new Map()));
        byCluster.set(cluster, (byCluster.get(cluster) ?? 0) + 1);
      }
    }
    for (const [t, byCluster] of counts) {
      let sum = 0;
      let max = 0;
      for (const n of byCluster.values()) {
        sum += n;
        if (n > max) max = n;
      }
      this.focus.set(t, max / sum);
      this.documentsWith.set(t, sum);
    }
  }

  /** The term's focus, undefined when no document has it. */
  get(term: string): number | undefined {
    return this.focus.get(term);
  }

  /**
   * How rare the term is, log(documents / documents with it): "operator" is in many, "scoreboard"
   * in few or none (a term no document holds is as rare as can be).
   */
  rarity(term: string): number {
    return Math.log(Math.max(1, this.documents) / (this.documentsWith.get(term) ?? 1));
  }

  /** True when some document holds the term as it is. */
  has(term: string): boolean {
    return this.focus.has(term);
  }

  /** Per-term boosts for a query of several words: the most focused word 1, the others less. */
  boosts(terms: readonly string[]): Map<string, number> | undefined {
    if (terms.length < 2) return undefined;
    const focus = terms.map((t) => this.focus.get(t));
    const known = focus.filter((f): f is number => f !== undefined);
    if (known.length < 2) return undefined;
    const top = Math.max(...known);
    return new Map(terms.map((t, i) => [t, (focus[i] ?? top) / top]));
  }
}
