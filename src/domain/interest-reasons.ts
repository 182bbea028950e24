import type { Evidence, Observation, UnitEvidence } from './interest-evidence.js';
import { maybeObservations, positiveObservations } from './interest-evidence.js';
import { t } from '../i18n/t.js';

/**
 * Why a cluster or path came out where it did, quoting what the student said:
 * "you said yes to fixing engines and to building things", "you picked working with animals".
 * A reason is a clause that starts lower-case, to follow "because" or a colon; no final period.
 */

const MAX_QUOTED = 3;

function unique(phrases: string[]): string[] {
  return [...new Set(phrases)];
}

/** "a", "a and to b", "a, to b and to c" (for "you said yes to ..."); Spanish "a, a b y a c". */
function joinWithTo(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(t('explore.list.commaTo'))}${t('explore.list.andTo')}${phrases[phrases.length - 1]}`;
}

/** "a", "a and b", "a, b and c"; Spanish "a, b y c". */
export function joinPlain(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(t('explore.list.comma'))}${t('explore.list.and')}${phrases[phrases.length - 1]}`;
}

/** All phrases the student said yes to or picked for this unit, strongest first. */
export function likedPhrases(unit: UnitEvidence): string[] {
  return unique(positiveObservations(unit).map((o) => o.phrase));
}

/** Quotes up to 3 liked answers: yes answers first, keeping room for one pick when there is one. */
function quoteLiked(liked: Observation[]): string {
  const allYes = unique(liked.filter((o) => o.kind === 'yes').map((o) => o.phrase));
  const allPicked = unique(liked.filter((o) => o.kind === 'picked').map((o) => o.phrase));
  const yes = allYes.slice(0, allPicked.length > 0 ? MAX_QUOTED - 1 : MAX_QUOTED);
  const picked = allPicked.slice(0, MAX_QUOTED - yes.length);
  if (yes.length > 0 && picked.length > 0) return t('explore.reason.yesAndPicked', { yes: joinWithTo(yes), picked: joinPlain(picked) });
  if (yes.length > 0) return t('explore.reason.yes', { things: joinWithTo(yes) });
  if (picked.length > 0) return t('explore.reason.picked', { things: joinPlain(picked) });
  return '';
}

/**
 * The reason for one cluster or path. `near` is the evidence of the wider group (a cluster's path),
 * used when nothing the student said pointed at this one directly.
 */
export function reasonFor(unit: UnitEvidence, evidence: Evidence, near?: UnitEvidence): string {
  const liked = positiveObservations(unit);
  if (liked.length > 0) return quoteLiked(liked);
  const maybes = unique(maybeObservations(unit).map((o) => o.phrase)).slice(0, 2);
  if (maybes.length > 0) return t('explore.reason.maybe', { things: joinWithTo(maybes) });
  if (!evidence.anyPositive) {
    if (evidence.answeredItemIds.size === 0) return t('explore.reason.notYet');
    return t('explore.reason.noYesYet');
  }
  const nearLiked = near ? unique(positiveObservations(near).map((o) => o.phrase)).slice(0, 2) : [];
  if (nearLiked.length > 0) return t('explore.reason.near', { things: joinPlain(nearLiked) });
  return t('explore.reason.nothing');
}
