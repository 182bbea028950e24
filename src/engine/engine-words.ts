import type { Role } from '../domain/profile.js';
/** What the engine itself says (flows and commands have their own words). */
import { text, type Reply } from '../domain/messages.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/t.js';
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
  empty: (): Reply => text(t('engine.empty')),
  tooLong: (): Reply => text(t('engine.tooLong', { max: MAX_MESSAGE_CHARS.toLocaleString(currentLanguage() === 'es' ? 'es-US' : 'en-US') })),
  okay: (): Reply => text(t('engine.okay')),
  welcomeBack: (): Reply => text(t('engine.welcomeBack')),
  backToIt: (question?: number): Reply => text(question !== undefined ? t('engine.backToQuestion', { number: question }) : t('engine.backToIt')),
  unclear: (): Reply => text(t('engine.unclear')),
  pickANumber: (count: number): Reply => text(t('engine.pickANumber', { count })),
  forOthers: (roles: readonly Role[]): Reply => {
    const who = roles.map((r) => t(`engine.roles.${r}`));
    const list = who.length > 1 ? t('engine.listOfTwoOrMore', { first: who.slice(0, -1).join(', '), last: who.at(-1)! }) : who[0]!;
    return text(t('engine.forOthers', { who: list }));
  },
  stuckHint: (): Reply => text(t('engine.stuckHint')),
  staleButton: (): Reply => text(t('engine.staleButton')),
  noBack: (): Reply => text(t('engine.noBack')),
  stopped: (): Reply => text(t('engine.stopped')),
  restarting: (): Reply => text(t('engine.restarting')),
  updated: (): Reply => text(t('engine.updated')),
  storeTrouble: (): Reply => text(t('engine.storeTrouble')),
  /** The menu. Its greeting ("Sorry, I didn't catch that.") is a bubble of its own, so asking the menu again later does not repeat it. */
  menu: (greeting: string, choices: { id: string; label: string }[]): Reply[] => [
    ...(greeting ? [text(greeting)] : []),
    { kind: 'question', questionId: MENU_Q, text: t('engine.menuQuestion'), choices },
  ],
  /** `doing`: a flow's id; its words are engine.doing.<id> when there are some, else the flow's own. */
  help: (doing: { id: string; words: string } | undefined, lines: string[]): Reply =>
    text(
      [
        doing ? t('engine.helpDoing', { doing: doingWords(doing) }) : t('engine.helpIntro'),
        ...(doing ? [t('engine.helpOther')] : []),
        ...lines.map((l) => `- ${l}`),
        t('engine.helpAnyTime'),
      ].join('\n'),
    ),
};

/** Flows whose "what we're doing" has catalog words; the others still say their own (English). */
const DOING_IN_CATALOG = new Set(['onboarding', 'explore']);

function doingWords(doing: { id: string; words: string }): string {
  return DOING_IN_CATALOG.has(doing.id) ? t(`engine.doing.${doing.id}`) : doing.words;
}
