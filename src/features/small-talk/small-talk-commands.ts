/**
 * Greetings, thanks, goodbyes, laughter and rudeness: answered like a person would, in a few words,
 * then the way on (CONVERSATION.md). In the middle of something, the engine asks the waiting
 * question again after the answer. Words come from the "smalltalk" catalog; in Spanish a student
 * is spoken to with "tú", anyone else (or someone not known yet) with "usted".
 */
import { firstName } from '../../domain/first-name.js';
import { text, type Reply } from '../../domain/messages.js';
import type { Role } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { roleExamples } from '../understand/role-fallback.js';

/** Three things this person can say, in the turn's language, for the way on (the same as the role's "didn't catch that"). */
export function examplesFor(role: Role | undefined): string {
  const [a, b, c] = roleExamples(role ?? 'none');
  return t('smalltalk.examples', { a, b, c });
}

/** "informal" (tú) for a student, "formal" (usted) for everyone else; the English is the same. */
const register = (ctx: TurnContext) => (ctx.profile()?.role === 'student' ? 'informal' : 'formal');

/** A catalog entry said to this person: `smalltalk.<key>.informal` or `.formal`. */
const toThem = (ctx: TurnContext, key: string, params?: Record<string, string>) => t(`smalltalk.${key}.${register(ctx)}`, params);

const busy = (ctx: TurnContext) => ctx.hasPendingQuestion() || ctx.activeFlow() !== undefined;

function answer(ctx: TurnContext, first: string, wayOn: string | undefined): void {
  const replies: Reply[] = [text(first)];
  if (!busy(ctx) && wayOn) replies.push(text(wayOn));
  ctx.say(...replies);
}

export function smallTalkCommands(): Command[] {
  const never = () => false;
  const examples = (ctx: TurnContext) => ({ examples: examplesFor(ctx.profile()?.role) });
  return [
    {
      id: 'greeting',
      intents: ['greeting'],
      matches: never,
      run: async (ctx) => {
        const name = firstName(ctx.profile()?.displayName);
        if (busy(ctx)) return void ctx.say(text(name ? t('smalltalk.greetingBusyName', { name }) : t('smalltalk.greetingBusy')));
        await ctx.showMenu(name ? t('smalltalk.hiAgainName', { name }) : t('smalltalk.hiAgain'));
      },
    },
    {
      id: 'thanks',
      intents: ['thanks'],
      matches: never,
      run: async (ctx) => answer(ctx, t('smalltalk.thanks'), toThem(ctx, 'thanksWayOn', examples(ctx))),
    },
    {
      id: 'goodbye',
      intents: ['goodbye'],
      matches: never,
      run: async (ctx) => {
        ctx.say(text(toThem(ctx, 'goodbye')));
        // Nothing waits for an answer after a goodbye; a flow picks up again when they come back.
        ctx.leaveQuestion();
      },
    },
    {
      id: 'laugh',
      intents: ['laugh'],
      matches: never,
      run: async (ctx) => answer(ctx, toThem(ctx, 'laugh'), toThem(ctx, 'laughWayOn', examples(ctx))),
    },
    {
      id: 'rude',
      intents: ['rude'],
      matches: never,
      run: async (ctx) => answer(ctx, toThem(ctx, 'rude'), toThem(ctx, 'rudeWayOn', examples(ctx))),
    },
  ];
}
