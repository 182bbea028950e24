import MiniSearch from 'minisearch';
import { normalizeLabel, normalizeWords } from './normalize-words.js';
import { answerKind, pointedWords, type AnswerWords } from './answer-words.js';
import type { Choice } from './messages.js';

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
};
/**
 * "option 2", "number 3", "the first one", "2nd", "the last one": a place in the list. Undefined
 * when the words are not a place. A list whose labels are numbers or ordinals (grades) only takes
 * "option N", so "2nd" there is a grade, not the second button.
 */
function position(t: string, choices: readonly Choice[]): number | undefined {
  const m = /^(?:(?:the|pick|choose|i pick|i choose) )?(?:(option|choice|number) )?(\d{1,2}|[a-z]+)(?:st|nd|rd|th)?(?: (?:one|option|choice))?$/.exec(t);
  if (!m) return undefined;
  const [, named, word = ''] = m;
  const ordinal = ORDINAL_WORDS[word];
  const isDigitOrdinal = /^\d{1,2}(?:st|nd|rd|th)\b/.test(t.replace(/^(?:the|pick|choose|i pick|i choose) /, ''));
  const n = /^\d+$/.test(word) ? Number(word) : ordinal ?? NUMBER_WORDS[word];
  if (n === undefined) return undefined;
  // A bare number word ("two") or a bare digit is read by the caller; here only place words.
  if (!named && ordinal === undefined && !isDigitOrdinal && !/ (?:one|option|choice)$/.test(t)) return undefined;
  const numberLabels = choices.some((c) => /^\d/.test(normalizeLabel(c.label)));
  if (numberLabels && !(named === 'option' || named === 'choice')) return undefined;
  const index = n === -1 ? choices.length : n;
  return index >= 1 && index <= choices.length ? index : undefined;
}

export { normalizeWords };

/**
 * Which choice someone meant by what they typed: the option's number ("2"), its words in any case
 * ("yes", "Health Science"), a common way of saying yes/no/maybe, or a close misspelling
 * ("helth sciense"), or the option pointed at by its words ("the animal one"). The everyday ways of
 * saying yes, no, maybe, skip and later come from data (`words`, data/understanding/answer-words-*.json);
 * without them only numbers, places and the options' own words are read. Undefined when it is not
 * clearly one of them.
 */
export function matchChoice(typed: string, choices: readonly Choice[], words?: AnswerWords): Choice | undefined {
  const t = normalizeWords(typed);
  if (!t || choices.length === 0) return undefined;
  // "-1" is not the first option.
  if (/^\s*[-\u2212]\s*\d/.test(typed)) return undefined;

  const n = /^\d{1,2}$/.test(t) ? Number(t) : NUMBER_WORDS[t];
  if (n !== undefined && /^\d|^[a-z]+$/.test(t)) {
    // "8" on a grade question means "8th", not the eighth button.
    const ord = `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
    const byLabel = choices.find((c) => [String(n), ord].includes(normalizeLabel(c.label)));
    if (byLabel) return byLabel;
    if (n >= 1 && n <= choices.length) return choices[n - 1];
    return undefined;
  }

  const exact = choices.find((c) => normalizeLabel(c.label) === t || c.id.toLowerCase() === t);
  if (exact) return exact;
  const said = choiceSaid(typed, choices);
  if (said) return said;

  const place = position(t, choices);
  if (place !== undefined) return choices[place - 1];

  if (words) {
    const kind = answerKind(t, words);
    if (kind) {
      for (const id of words.choiceIds[kind]) {
        const c = choices.find((x) => x.id === id);
        if (c) return c;
      }
      return undefined;
    }
  }

  const byWords = labelWords(t, choices);
  if (byWords) return byWords;
  const pointed = words ? pointedWords(t, words) : undefined;
  if (pointed !== undefined) {
    const place = position(pointed, choices);
    if (place !== undefined) return choices[place - 1];
    const hit = labelWords(pointed, choices) ?? fuzzy(pointed, choices);
    if (hit) return hit;
  }
  return fuzzy(t, choices);
}

/**
 * The one option whose other words (`also`) are in the text as whole words: "i am his mom" picks
 * "I'm a family member". In those words "*" stands for any one word, such as a name: "im * mom"
 * is said in "hi im diegos mom". Undefined when none is, or the words of several are.
 */
export function choiceSaid(typed: string, choices: readonly Choice[]): Choice | undefined {
  const t = ` ${normalizeWords(typed)} `;
  const hits = choices.filter((c) => c.also?.some((w) => saidIn(w)(t)));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Each option word as a test on " typed words " (made once: they are ours and come round every turn). */
const saidTests = new Map<string, (spaced: string) => boolean>();

function saidIn(word: string): (spaced: string) => boolean {
  let test = saidTests.get(word);
  if (test) return test;
  if (word.includes('*')) {
    const parts = word.split('*').map((p) => normalizeWords(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(` ${parts.join(' \\S+ ')} `.replace(/ {2,}/g, ' '));
    test = (spaced) => pattern.test(spaced);
  } else {
    const plain = normalizeLabel(word);
    test = (spaced) => plain !== '' && spaced.includes(` ${plain} `);
  }
  saidTests.set(word, test);
  return test;
}

/**
 * The one option whose label holds these words ("health" -> "Health Science"), or a word that
 * starts the same way ("animal" -> "Animal Systems", "website" -> "Web and Digital Communications").
 */
function labelWords(t: string, choices: readonly Choice[]): Choice | undefined {
  const containing = choices.filter((c) => ` ${normalizeLabel(c.label)} `.includes(` ${t} `));
  if (containing.length === 1) return containing[0];
  if (containing.length > 1 || t.includes(' ') || t.length < 4) return undefined;
  const stem = (w: string) => (w.length > 4 ? w.replace(/(?:s|es|ing|site|sites)$/, '') : w);
  const shared = choices.filter((c) =>
    normalizeLabel(c.label)
      .split(' ')
      .some((w) => w.length >= 3 && (stem(w) === stem(t) || (t.startsWith(w) && w.length >= 3 && t.length - w.length <= 4))),
  );
  return shared.length === 1 ? shared[0] : undefined;
}

function fuzzy(t: string, choices: readonly Choice[]): Choice | undefined {
  // A word of one or two letters ("hi", "ok") is never a misspelling of an option ("mi").
  if (t.replace(/\s+/g, '').length < 3) return undefined;
  const index = fuzzyIndex(choices);
  const hits = index.search(t, { fuzzy: 0.25, prefix: true, combineWith: 'AND' });
  if (hits.length === 0) return undefined;
  if (hits.length > 1 && hits[1]!.score > hits[0]!.score * 0.8) return undefined;
  return choices[hits[0]!.id as number];
}

/** Fuzzy indexes of recent choice lists, by their labels (questions repeat across turns and users). */
const indexes = new Map<string, MiniSearch<{ id: number; label: string }>>();
function fuzzyIndex(choices: readonly Choice[]): MiniSearch<{ id: number; label: string }> {
  const key = choices.map((c) => c.label).join('\u0000');
  let index = indexes.get(key);
  if (!index) {
    index = new MiniSearch<{ id: number; label: string }>({ fields: ['label'], storeFields: [] });
    index.addAll(choices.map((c, i) => ({ id: i, label: normalizeLabel(c.label) })));
    if (indexes.size >= 500) indexes.delete(indexes.keys().next().value as string);
    indexes.set(key, index);
  }
  return index;
}
