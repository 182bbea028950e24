import type { Role } from '../domain/profile.js';
/** What the engine itself says (flows and commands have their own words). */
import { text, type Reply } from '../domain/messages.js';
import { MAX_MESSAGE_CHARS } from './read-input.js';

export const GLOBAL_WORDS = ['help', 'back', 'restart', 'stop'] as const;
export type GlobalWord = (typeof GLOBAL_WORDS)[number];

const ALIASES: Record<string, GlobalWord> = {
  help: 'help', '?': 'help', 'what can you do': 'help', commands: 'help',
  back: 'back', 'go back': 'back', previous: 'back',
  restart: 'restart', 'start over': 'restart', reset: 'restart',
  stop: 'stop', quit: 'stop', exit: 'stop', cancel: 'stop', pause: 'stop',
};

export function globalWord(words: string): GlobalWord | undefined {
  return ALIASES[words];
}

export const MENU_Q = 'menu';

export const say = {
  empty: (): Reply => text("I didn't catch anything there. Try typing a few words or a number."),
  tooLong: (): Reply =>
    text(`That's a long message! I can read up to ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters at a time. Could you say it in a few words?`),
  okay: (): Reply => text('Okay.'),
  welcomeBack: (): Reply => text("Hi again! Here's where we left off:"),
  backToIt: (question?: number): Reply => text(question !== undefined ? `Now, back to question ${question}:` : 'Now, back to where we were:'),
  unclear: (): Reply => text("Sorry, I didn't catch that."),
  pickANumber: (count: number): Reply => text(`Sorry, I didn't catch that. Type a number from 1 to ${count}, or tap a choice.`),
  forOthers: (roles: readonly Role[]): Reply => {
    const who = roles.map((r) => ({ student: 'students', family: 'family members', counselor: 'counselors' })[r]);
    const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who.at(-1)}` : who[0];
    return text(`That one is for ${list}. Type help to see what you can do here.`);
  },
  stuckHint: (): Reply =>
    text('You can tap a choice or type its number. You can also type help, back, restart or stop any time.'),
  staleButton: (): Reply => text("That button is from an earlier question, so I'll skip it. Here's where we are:"),
  noBack: (): Reply => text("There's nothing to go back to right now."),
  stopped: (): Reply =>
    text("Okay, we'll stop here. Everything so far is saved. Say hi whenever you want to keep going."),
  restarting: (): Reply => text("Okay, let's start this part again."),
  updated: (): Reply =>
    text("I've been updated since we last talked, so let's start this part again. Everything you saved is still here."),
  storeTrouble: (): Reply =>
    text("Sorry, I'm having trouble with my saved notes right now, so I didn't change anything. Please try again in a little while."),
  /** The menu. Its greeting ("Sorry, I didn't catch that.") is a bubble of its own, so asking the menu again later does not repeat it. */
  menu: (greeting: string, choices: { id: string; label: string }[]): Reply[] => [
    ...(greeting ? [text(greeting)] : []),
    { kind: 'question', questionId: MENU_Q, text: 'What would you like to do?', choices },
  ],
  help: (doing: string | undefined, lines: string[]): Reply =>
    text(
      [
        doing ? `Right now we're ${doing}. Tap a choice or type its number or words.` : 'Here is what I can do:',
        ...(doing ? ['Other things I can do:'] : []),
        ...lines.map((l) => `- ${l}`),
        'Any time: back (go back one step), restart (start this part again), stop (pause; everything is saved).',
      ].join('\n'),
    ),
};
