import type { Evidence, Observation, UnitEvidence } from './interest-evidence.js';
import { maybeObservations, positiveObservations } from './interest-evidence.js';

/**
 * Why a cluster or path came out where it did, quoting what the student said:
 * "you said yes to fixing engines and to building things", "you picked working with animals".
 * A reason is a clause that starts lower-case, to follow "because" or a colon; no final period.
 */

const MAX_QUOTED = 3;

function unique(phrases: string[]): string[] {
  return [...new Set(phrases)];
}

/** "a", "a and to b", "a, to b and to c" (for "you said yes to ..."). */
function joinWithTo(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', to ')} and to ${phrases[phrases.length - 1]}`;
}

/** "a", "a and b", "a, b and c". */
function joinPlain(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
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
  const parts: string[] = [];
  if (yes.length > 0) parts.push(`you said yes to ${joinWithTo(yes)}`);
  if (picked.length > 0) parts.push(`you picked ${joinPlain(picked)}`);
  return parts.join(', and ');
}

/**
 * The reason for one cluster or path. `near` is the evidence of the wider group (a cluster's path),
 * used when nothing the student said pointed at this one directly.
 */
export function reasonFor(unit: UnitEvidence, evidence: Evidence, near?: UnitEvidence): string {
  const liked = positiveObservations(unit);
  if (liked.length > 0) return quoteLiked(liked);
  const maybes = unique(maybeObservations(unit).map((o) => o.phrase)).slice(0, 2);
  if (maybes.length > 0) return `you said maybe to ${joinWithTo(maybes)}, so it could be worth a closer look`;
  if (!evidence.anyPositive) {
    if (evidence.answeredItemIds.size === 0) return "we haven't talked about this one yet";
    return "you haven't said yes to much yet, and that's okay: lots of people are still figuring it out, and this is a good place to start looking";
  }
  const nearLiked = near ? unique(positiveObservations(near).map((o) => o.phrase)).slice(0, 2) : [];
  if (nearLiked.length > 0) return `it is close to things you liked, like ${joinPlain(nearLiked)}`;
  return "nothing you said pointed here yet, but it's still worth a look if it sounds interesting";
}
