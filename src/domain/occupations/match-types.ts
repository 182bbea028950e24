/** What the occupation matcher returns: clusters, pathways and occupations, each with why. */
import type { Occupation, OnetOccupation } from './occupation-types.js';
import type { QueryWord } from './normalise-text.js';

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
  /** Where the whole query matched as a name: 'title' | 'otherName' | 'studentWord'. */
  exactOn?: 'title' | 'otherName' | 'studentWord';
  /** Every word of the query matched (maybe with a typo) in the title or other names. */
  nameHit: boolean;
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

export interface MatchOptions {
  /** The text states an interest rather than naming a job. */
  interest?: boolean;
}
