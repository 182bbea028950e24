/** "whats FBLA", "what is dual credit": one or two plain sentences from data/understanding/glossary-<lang>.json. */
import { text } from '../../domain/messages.js';
import { findTerm, type GlossaryTerm } from '../../domain/understanding/glossary.js';
import type { Command } from '../../engine/command.js';

const KNOWN = 'Career Path, Career Cluster, Career Pathway, Plan of Study, dual credit, AP, FAFSA, work-based learning, apprenticeship, FFA, FBLA, DECA, HOSA, SkillsUSA, FCCLA, TSA, JROTC and 4-H';

export function glossaryCommand(index: readonly { name: string; term: GlossaryTerm }[]): Command {
  return {
    id: 'glossary',
    intents: ['glossary'],
    matches: () => false,
    run: async (ctx, { text: typed = '' }) => {
      const term = findTerm(typed, index);
      if (term) return void ctx.say(text(term.answer));
      ctx.say(text(`I don't know that word yet. I can explain words like ${KNOWN}. Your counselor can explain the rest.`));
    },
  };
}
