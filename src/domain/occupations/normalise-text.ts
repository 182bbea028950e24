/**
 * Turning what people type (and what our data says) into search terms: lower case, plain letters,
 * no filler ("i want to be a", "idk", "like", "what about"), and plurals folded so that
 * "welders" and "welder" are the same term. Used for both the index and the query, so the two
 * always agree. Typos are left to MiniSearch's fuzzy search.
 */

/** Whole phrases that never carry meaning; removed before splitting into words. */
const FILLER_PHRASES = [
  "i don't know", 'i dont know', 'i do not know', 'not sure', 'no idea', 'when i grow up',
  'i want to be', 'i wanna be', "i'd like to be", 'i would like to be', 'i want to become',
  'i want to do', 'i want to work', 'i think', 'i guess', 'what about', 'how about', 'what if',
  'something with', 'something in', 'kind of', 'sort of', 'a lot', 'and stuff', 'or something',
];

/** Single words that never carry meaning on their own. */
export const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
  'into', 'about', 'around', 'than', 'then', 'so', 'if', 'that', 'this', 'these', 'those', 'there',
  'i', 'im', 'me', 'my', 'mine', 'you', 'your', 'we', 'our', 'they', 'them', 'their', 'it', 'its', 'he', 'she',
  'him', 'her', 'his', 'who', 'whom', 'which', 'what', 'whats', 'how', 'why', 'when', 'where',
  'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'become', 'do', 'does', 'did', 'doing', 'done',
  'have', 'has', 'had', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must',
  'want', 'wanna', 'wants', 'wanted', 'gonna', 'like', 'likes', 'liked', 'love', 'loves', 'enjoy', 'enjoys',
  'really', 'very', 'maybe', 'probably', 'kinda', 'sorta', 'just', 'also', 'too', 'some', 'something',
  'stuff', 'thing', 'things', 'lot', 'lots', 'much', 'many', 'more', 'most', 'any', 'all', 'other', 'others',
  'idk', 'dunno', 'um', 'umm', 'uh', 'hmm', 'ok', 'okay', 'yeah', 'yes', 'no', 'not', 'lol', 'pls', 'please',
  'think', 'guess', 'know', 'sure', 'someday', 'day', 'one', 'good', 'great', 'cool', 'fun', 'nice', 'get',
  'job', 'jobs', 'career', 'careers', 'work', 'works', 'working', 'worker', 'field', 'person', 'people',
  'someone', 'somebody', 'kind', 'type', 'sort', 'tell', 'mean', 'means', 'grow', 'up', 'out', 'well',
  'make', 'makes', 'making', 'use', 'uses', 'using', 'etc', 'such', 'each', 'who', 'own',
]);

/** "Mr. O'Brien's—dog-walking café" -> "mr obriens dog walking cafe" */
export function plainText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/** Folds plurals and a few word endings so both forms give one term. */
export function foldPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('men') && word.length > 4) return word.slice(0, -3) + 'man';
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** MiniSearch processTerm: one raw token -> a search term, or null for filler. */
export function processTerm(term: string): string | null {
  const cached = termCache.get(term);
  if (cached !== undefined) return cached;
  const plain = plainText(term).replace(/\s+/g, '');
  const out = plain === '' || FILLER_WORDS.has(plain) ? null : foldPlural(plain);
  if (termCache.size < TERM_CACHE_LIMIT) termCache.set(term, out);
  return out;
}

/** Removes whole filler phrases (the query side only). */
export function stripFillerPhrases(text: string): string {
  let out = ` ${plainText(text)} `;
  for (const phrase of plainFillerPhrases()) {
    if (out.includes(phrase)) out = out.split(phrase).join(' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

let plainPhrases: string[] | undefined;
/** The filler phrases as plain text with a space each side, made once. */
function plainFillerPhrases(): string[] {
  return (plainPhrases ??= FILLER_PHRASES.map((p) => ` ${plainText(p)} `));
}

export interface QueryWord {
  /** As typed (lower case, plain letters). */
  word: string;
  /** The search term it becomes. */
  term: string;
}

/** The meaningful words of a query, in order, each with its search term. */
export function queryWords(text: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const word of stripFillerPhrases(text).split(' ')) {
    const term = processTerm(word);
    if (term !== null && !out.some((w) => w.term === term)) out.push({ word, term });
  }
  return out;
}

/** A phrase reduced to its terms, for exact-phrase comparison ("Police Officers" -> "police officer"). */
export function phraseKey(text: string): string {
  return plainText(text)
    .split(' ')
    .map((w) => processTerm(w))
    .filter((t): t is string => t !== null)
    .sort()
    .join(' ');
}

/** Every word, plural folded, in order, filler kept ("Social Workers" -> "social worker"): a name of a few words as typed. */
export function wordsKey(text: string): string {
  return plainText(text).split(' ').filter(Boolean).map(foldPlural).join(' ');
}
