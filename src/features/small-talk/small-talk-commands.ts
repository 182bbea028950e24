/**
 * Greetings, thanks, goodbyes, laughter and rudeness: answered like a person would, in a few words,
 * then the way on (CONVERSATION.md). In the middle of something, the engine asks the waiting
 * question again after the answer.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { Role } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { ROLE_EXAMPLES } from '../understand/role-fallback.js';

/** Three things this person can say, for the way on (the same as the role's "didn't catch that"). */
export function examplesFor(role: Role | undefined): string {
  const [a, b, c] = ROLE_EXAMPLES[role ?? 'none'];
  return `"${a}", "${b}" or "${c}"`;
}

const busy = (ctx: TurnContext) => ctx.hasPendingQuestion() || ctx.activeFlow() !== undefined;

function answer(ctx: TurnContext, first: string, wayOn: string | undefined): void {
  const replies: Reply[] = [text(first)];
  if (!busy(ctx) && wayOn) replies.push(text(wayOn));
  ctx.say(...replies);
}

export function smallTalkCommands(): Command[] {
  const never = () => false;
  return [
    {
      id: 'greeting',
      intents: ['greeting'],
      matches: never,
      run: async (ctx) => {
        const name = ctx.profile()?.displayName?.split(' ')[0];
        if (busy(ctx)) return void ctx.say(text(`Hi${name ? ` ${name}` : ''}! Here's where we left off:`));
        await ctx.showMenu(`Hi again${name ? `, ${name}` : ''}!`);
      },
    },
    {
      id: 'thanks',
      intents: ['thanks'],
      matches: never,
      run: async (ctx) => answer(ctx, "You're welcome!", `Anything else? You can say ${examplesFor(ctx.profile()?.role)}.`),
    },
    {
      id: 'goodbye',
      intents: ['goodbye'],
      matches: never,
      run: async (ctx) => {
        ctx.say(text('Bye for now! Everything is saved. Say hi any time to pick up where you left off.'));
        // Nothing waits for an answer after a goodbye; a flow picks up again when they come back.
        ctx.leaveQuestion();
      },
    },
    {
      id: 'laugh',
      intents: ['laugh'],
      matches: never,
      run: async (ctx) => answer(ctx, 'Ha! Glad you are having fun.', `Want to keep going? You can say ${examplesFor(ctx.profile()?.role)}.`),
    },
    {
      id: 'rude',
      intents: ['rude'],
      matches: never,
      run: async (ctx) =>
        answer(ctx, "Sorry this isn't going well. I'm here to help, and I'll do my best.", `You can say ${examplesFor(ctx.profile()?.role)}, or type help.`),
    },
  ];
}
