import type { Turn } from '../domain/messages.js';

/** The longest message Waypoint reads; longer ones get a friendly ask to shorten and change nothing. */
export const MAX_MESSAGE_CHARS = 1000;

export type Input =
  | { kind: 'action'; questionId: string; choiceId: string }
  | { kind: 'text'; text: string; words: string }
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number };

/** Removes control and invisible formatting characters, keeps letters and emoji, squeezes spaces. */
export function cleanText(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words only, for matching commands: "Show my plan!" -> "show my plan". */
export function commandWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function readInput(turn: Turn): Input {
  if (turn.action) {
    return { kind: 'action', questionId: String(turn.action.id).slice(0, 200), choiceId: String(turn.action.value).slice(0, 200) };
  }
  const raw = turn.text ?? '';
  if (raw.length > MAX_MESSAGE_CHARS) return { kind: 'too-long', length: raw.length };
  const text = cleanText(raw);
  if (!text) return { kind: 'empty' };
  return { kind: 'text', text, words: commandWords(text) };
}
