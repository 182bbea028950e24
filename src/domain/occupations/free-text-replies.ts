/**
 * The bot's answer to free text, in our own plain words (CONVERSATION.md): what fits and why,
 * then an offer to explore the cluster, choose the pathway or take the interest questions.
 * Pure: interpretation + framework in, Reply[] out. See interpret-free-text.ts for the entry points.
 */
import type { Framework } from '../framework-types.js';
import type { Choice, QuestionReply, Reply } from '../messages.js';
import { text } from '../messages.js';
import type { EducationLevel } from './occupation-types.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { currentLanguage } from '../../i18n/language.js';
import { addressing, t } from '../../i18n/t.js';
import { joinPlain } from '../interest-reasons.js';
import type { FreeTextInterpretation, FreeTextMatch } from './interpret-free-text.js';

export const FREE_TEXT_OFFER = 'free-text-offer';
export const CLARIFY_OCCUPATION = 'clarify-occupation';

/**
 * Occupation titles and descriptions are English data for now, so English grammar is put on them
 * ("A veterinarian", "veterinarians") only in an English turn; another language shows the title as it is.
 */
export const englishTitles = (): boolean => currentLanguage() === 'en';

/** How people usually get started, in plain words, in the turn's language. */
export const educationWords = (level: EducationLevel): string => t(`jobs.education.${level}`);

interface Names {
  cluster: (id: string) => string;
  pathway: (id: string) => string;
}

function names(framework: Framework): Names {
  const clusters = new Map<string, string>();
  const pathways = new Map<string, string>();
  for (const c of framework.clusters) {
    clusters.set(c.id, frameworkName('cluster', c.id, c.name));
    for (const p of c.pathways) pathways.set(p.id, frameworkName('pathway', p.id, p.name));
  }
  return { cluster: (id) => clusters.get(id) ?? id, pathway: (id) => pathways.get(id) ?? id };
}

/** "A veterinarian" / "An electrician" / "A CNC machinist" */
function aTitle(title: string): string {
  const words = title.split(' ').map((w) => (/^[A-Z0-9]{2,}/.test(w) ? w : w.toLowerCase()));
  const first = words[0] ?? '';
  const vowel = /^[A-Z]{2,}/.test(first) ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/.test(first);
  return `${vowel ? 'An' : 'A'} ${words.join(' ')}`;
}

/**
 * "A welder joins pieces of metal together using heat." A description that names what the job is
 * ("A doctor who cares for children") gets an "is": "A pediatrician is a doctor who cares for children."
 */
export function sentence(title: string, description: string): string {
  const d = description.trim();
  const rest = /^(?:[A-Z][a-z]|A\s)/.test(d) ? d.charAt(0).toLowerCase() + d.slice(1) : d;
  const is = /^(?:a|an|the)\s/.test(rest) ? 'is ' : '';
  if (englishTitles()) return `${aTitle(title)} ${is}${rest}${/[.!?]$/.test(rest) ? '' : '.'}`;
  return t('jobs.described', { title, description: /[.!?]$/.test(d) ? d : `${d}.` });
}

/** "Agriculture, Food and Natural Resources, Animal Systems" */
function place(m: { clusterId: string; pathwayId?: string }, n: Names): string {
  return m.pathwayId !== undefined ? t('jobs.placeShort', { cluster: n.cluster(m.clusterId), pathway: n.pathway(m.pathwayId) }) : n.cluster(m.clusterId);
}

const quoteWords = (words: string[]): string => words.map((w) => `"${w}"`).join(t('explore.list.and'));

/** One line saying what fits and why. */
function matchLine(m: FreeTextMatch, n: Names, student: boolean): string {
  if (m.occupation !== undefined) {
    return m.occupation.description !== undefined
      ? t('jobs.describedInPlace', { described: sentence(m.occupation.title, m.occupation.description), place: place(m, n) })
      : t('jobs.fitsPlace', { job: englishTitles() ? aTitle(m.occupation.title) : m.occupation.title, place: place(m, n) });
  }
  return m.words.length > 0 ? t('jobs.youSaid', { words: quoteWords(m.words), place: place(m, n), ...addressing(student) }) : t('jobs.thatFits', { place: place(m, n) });
}

/** Who is asking: only a student can choose a pathway or take the interest questions. */
export interface FreeTextAudience {
  student: boolean;
}

function offer(matches: FreeTextMatch[], n: Names, prompt: string, audience: FreeTextAudience): QuestionReply {
  const top = matches[0]!;
  const choices: Choice[] = [{ id: `explore-cluster:${top.clusterId}`, label: t('jobs.exploreCluster') }];
  if (matches.length > 1) choices[0]!.label = t('jobs.exploreNamed', { cluster: n.cluster(top.clusterId) });
  if (audience.student) {
    const pathwayIds = [...new Set(matches.map((m) => m.pathwayId).filter((p): p is string => p !== undefined))];
    for (const p of pathwayIds.slice(0, 2)) choices.push({ id: `choose-pathway:${p}`, label: t('jobs.choose', { pathway: n.pathway(p) }) });
    choices.push({ id: 'take-quiz', label: t('jobs.takeQuestions') });
  }
  return { kind: 'question', questionId: FREE_TEXT_OFFER, text: prompt, choices, optional: true };
}

export function freeTextReplies(
  interpretation: FreeTextInterpretation,
  framework: Framework,
  audience: FreeTextAudience = { student: true },
): Reply[] {
  const n = names(framework);
  switch (interpretation.kind) {
    case 'matches': {
      const { matches } = interpretation;
      // A further match with no words of its own to show (the same words as the first, or only a
      // typo guess) is "also" the first one's, not a bare "That fits ...".
      const sameWords = (m: FreeTextMatch): boolean =>
        m.occupation === undefined &&
        (m.words.length === 0 || (matches[0]!.occupation === undefined && m.words.join(' ') === matches[0]!.words.join(' ')));
      const you = addressing(audience.student);
      const lines = matches.map((m, i) => (i > 0 && sameWords(m) ? t('jobs.alsoFits', { place: place(m, n) }) : matchLine(m, n, audience.student)));
      const body = lines.length === 1 ? lines[0]! : t('jobs.whatFits', { lines: lines.map((l) => `- ${l}`).join('\n'), ...you });
      const prompt = t(matches.length === 1 ? 'jobs.lookCloser' : 'jobs.firstClosest', you);
      return [text(body), offer(matches, n, prompt, audience)];
    }
    case 'describe': {
      const { occupation: o, clusterId, pathwayId } = interpretation;
      const match: FreeTextMatch = { clusterId, pathwayId, words: [], score: 0 };
      return [
        text(sentence(o.title, o.description)),
        text(t('jobs.startWith', { how: educationWords(o.education), place: place(match, n) })),
        offer([match], n, t('jobs.lookCloser', addressing(audience.student)), audience),
      ];
    }
    case 'ambiguous': {
      const { word, options } = interpretation;
      // "Nurses work in Health Science. Which kind did you mean?": the clusters at once.
      const clusters = [...new Set(options.map((o) => n.cluster((o.pathwayIds[0] ?? '').split('.')[0]!)))];
      const where = joinPlain(clusters);
      const many = /s$/.test(word) ? word : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(?:sh|ch|x|z)$/.test(word) ? `${word}es` : `${word}s`;
      return [
        {
          kind: 'question',
          questionId: CLARIFY_OCCUPATION,
          text: t('jobs.whichKind', { one: word, many: `${many.charAt(0).toUpperCase()}${many.slice(1)}`, where, ...addressing(audience.student) }),
          choices: options.map((o) => ({ id: `occupation:${o.id}`, label: o.title })),
        },
      ];
    }
    case 'not-understood':
      return [text(t('jobs.notCaught', addressing(audience.student)))];
  }
}
