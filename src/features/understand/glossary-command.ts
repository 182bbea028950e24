/** "whats FBLA", "what is dual credit": one or two plain sentences from data/understanding/glossary-<lang>.json. */
import { text } from '../../domain/messages.js';
import { findTerm, type GlossaryTerm } from '../../domain/understanding/glossary.js';
import type { Command } from '../../engine/command.js';
import { currentLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';

export function glossaryCommand(index: readonly { name: string; term: GlossaryTerm }[]): Command {
  return {
    id: 'glossary',
    intents: ['glossary'],
    matches: () => false,
    run: async (ctx, { text: typed = '' }) => {
      const term = findTerm(typed, index);
      if (term) return void ctx.say(text(term.answers?.[currentLanguage()] ?? term.answer));
      ctx.say(text(t('understand.unknownWord')));
    },
  };
}
