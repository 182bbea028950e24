/**
 * Occupations the matcher knows: the built-in index the project writes itself
 * (data/occupations.json, which lists its parts data/occupations/<cluster-id>.json) and, when
 * present, the O*NET index made by
 * `npm run import:onet` (data/generated/onet-index.json).
 */

export const EDUCATION_LEVELS = ['high-school', 'certificate', 'associate', 'bachelor', 'graduate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** One built-in occupation. Words are our own. */
export interface Occupation {
  /** kebab-case, unique across all files, e.g. "veterinarian". */
  id: string;
  title: string;
  /**
   * SOC 2018 code ("29-1131"), the detailed code the BLS wage table publishes: pay figures are
   * looked up by it (data/pay.json). O*NET occupations carry theirs in `code` ("29-1131.00").
   */
  soc: string;
  /** Framework pathway ids; the first is the best fit. */
  pathwayIds: string[];
  /** Other common names ("animal doctor", "DVM"). */
  otherNames: string[];
  /** Words students type for it ("vet", "animals"). */
  studentWords: string[];
  /** One plain sentence. */
  description: string;
  education: EducationLevel;
  /**
   * Our own words about pay, said instead of the wage table's figures when its SOC group would
   * mislead (a volunteer who gets an allowance; a job the table files with managers).
   */
  payNote?: string;
}

/** data/occupations.json: the parts (paths relative to that file) that make up the built-in index. */
export interface OccupationIndexFile {
  about?: string;
  parts: string[];
}

/** One data/occupations/<cluster-id>.json file (a part of data/occupations.json). */
export interface OccupationFile {
  clusterId: string;
  occupations: Occupation[];
}

/** The RIASEC interest areas O*NET scores each occupation on. */
export type InterestArea = 'realistic' | 'investigative' | 'artistic' | 'social' | 'enterprising' | 'conventional';

/** One occupation from the O*NET import (git-ignored, made on the user's machine). */
export interface OnetOccupation {
  /** O*NET-SOC code, e.g. "29-1141.00". */
  code: string;
  title: string;
  alternateTitles: string[];
  /** O*NET's own description (shown only with attribution). */
  description: string;
  /** Our cluster ids, mapped from the O*NET OnLine career cluster export; may be empty. */
  clusterIds: string[];
  /** Our pathway ids where O*NET's pathway name matches one of ours; may be empty. */
  pathwayIds: string[];
  /** From the job zone; undefined when O*NET gives none. */
  education?: EducationLevel;
  /** The two or three strongest interest areas, strongest first. */
  topInterests: InterestArea[];
}

/** data/generated/onet-index.json */
export interface OnetIndex {
  source: string;
  attribution: string;
  generatedAt: string;
  occupations: OnetOccupation[];
}

/** Our own keyword lists per pathway (data/pathway-keywords.json). */
export interface PathwayKeywords {
  /** Job words and head nouns ("welder", "technician", "clerk"). */
  keywords: string[];
  /** Things a student might like ("being outside", "video games"). */
  interests: string[];
}

export type PathwayKeywordMap = Record<string, PathwayKeywords>;

/** A phrase from the interest questions ("taking care of animals") and the clusters it points to. */
export interface InterestPhrase {
  phrase: string;
  clusterIds: string[];
}

/**
 * data/ambiguous-words.json: words that name a family of jobs ("doctor", "engineer") -> the
 * built-in occupation ids to offer when one is typed alone (may be empty: the matcher picks).
 */
export type AmbiguousWords = Record<string, string[]>;

/**
 * data/title-words.json (our own words): what the last word of a job title ("... inspector",
 * "... tender") says about the job. Evidence of its own when someone types a job title, so a
 * title whose other words we do not know still lands near the right pathways.
 */
export interface TitleWords {
  /** Last word -> the pathways jobs called that usually belong to, best fit first. */
  heads: Record<string, string[]>;
  /**
   * Word ending -> pathways, for a last word we have no entry or job for: "-ologist" (a
   * scientist), "-er" (someone who does something: "spooler", "crusher").
   */
  endings: Record<string, string[]>;
  /** Words with such an ending that name no one ("younger", "cluster"). */
  notDoers: string[];
  /**
   * The start of a word, or a root inside it, that says what field the word is about
   * ("cardio-", "ornitho-") -> pathways; for a word we have no entry or job for.
   */
  wordParts?: Record<string, string[]>;
  /** Short forms in titles -> the word they stand for ("tech" -> "technician"). */
  abbreviations?: Record<string, string>;
}

/** Everything the matcher is built from. */
export interface OccupationData {
  occupations: Occupation[];
  ambiguousWords?: AmbiguousWords;
  titleWords?: TitleWords;
  keywords: PathwayKeywordMap;
  interestPhrases?: InterestPhrase[];
  onet?: OnetIndex;
}
