import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { t } from '../../i18n/t.js';

/** The O*NET license attribution, in the turn's language. */
export const onetAttribution = (): string => t('about.onetAttribution');

/** "about": what Waypoint is, what it keeps, and where its information comes from. */
export function aboutCommand(onetLoaded: () => boolean): Command {
  return {
    id: 'about',
    intents: ['about'],
    // A getter: help is read while a turn is handled, so it is in that turn's language.
    get help() {
      return t('about.help');
    },
    matches: (words) => /^(about|about waypoint|who are you|what are you|privacy|credits)$/.test(words),
    run: async (ctx) => {
      ctx.say(
        text(t('about.intro')),
        text(t(onetLoaded() ? 'about.sourcesOnet' : 'about.sourcesNoOnet', { attribution: onetAttribution() })),
      );
    },
  };
}
