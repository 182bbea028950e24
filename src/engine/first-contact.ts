/**
 * Meeting someone: their very first message, before they have a profile or a conversation. A
 * message a command reads first (a pasted code) runs that command; someone in danger is answered
 * first; a question with a plain answer ("how much do vets make") is answered; then Waypoint says
 * hello and asks who they are, and a first message that already says it ("hi im diegos mom")
 * answers that question at once.
 */
import { text, type QuestionReply } from '../domain/messages.js';
import { choiceSaid } from '../domain/match-choice.js';
import type { Understanding } from '../domain/understanding/intent-types.js';
import type { Command, CommandInput } from './command.js';
import type { EngineDeps } from './engine-deps.js';
import type { Input } from './read-input.js';
import type { TurnWork } from './turn-work.js';

export interface FirstContactRunners {
  commands: readonly Command[];
  understanding: EngineDeps['understanding'];
  toIntent(work: TurnWork, meant: Understanding, text: string): Promise<boolean>;
  runCommand(work: TurnWork, id: string, input: CommandInput): Promise<void>;
  startOnboarding(work: TurnWork): Promise<void>;
  onAnswer(work: TurnWork, questionId: string, choiceId: string): Promise<void>;
}

export async function meetNewcomer(work: TurnWork, input: Input, r: FirstContactRunners): Promise<void> {
  if (input.kind === 'text') {
    const early = r.commands.find((c) => c.onFirstContact && c.matches(input.words));
    if (early) return r.runCommand(work, early.id, { text: input.text });
    // Someone in danger is answered before anything else, even before we know who they are.
    const meant = await r.understanding?.messages.understand(input.text, 'none');
    if (meant?.intent === 'distress' && (await r.toIntent(work, meant, input.text))) return;
    // A question with a plain answer ("how much do vets make", "whats FBLA") is answered, then we meet.
    if (meant && r.understanding?.messages.intent(meant.intent)?.beforeWeMeet) {
      const from = work.replies.length;
      await r.toIntent(work, meant, input.text);
      // Its choices ("which kind of social worker?") are listed as words: a number typed next answers "who are you?".
      for (let i = from; i < work.replies.length; i++) {
        const reply = work.replies[i]!;
        if (reply.kind === 'question') work.replies[i] = text([reply.text, ...reply.choices.map((c) => `- ${c.label}`)].join('\n'));
      }
    }
  }
  await r.startOnboarding(work);
  // "hello i am mom of diego": who they are is in the first message, so that question is answered now.
  const asked = work.replies.find((q): q is QuestionReply => q.kind === 'question' && q.choices.some((c) => c.also));
  const said = asked && input.kind === 'text' ? choiceSaid(input.text, asked.choices) : undefined;
  if (asked && said) {
    work.replies.splice(work.replies.indexOf(asked), 1);
    await r.onAnswer(work, asked.questionId, said.id);
  }
}
