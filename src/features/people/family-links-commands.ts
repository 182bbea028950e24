/** "my family": a student sees who is linked to them and can remove a link with a button. */
import { text, type QuestionReply } from '../../domain/messages.js';
import type { Profile } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { linkedFamily, unlinkFamily } from './links.js';

export const MY_FAMILY_Q = 'people:my-family';
const REMOVE = 'remove:';

async function nameOf(ctx: TurnContext, key: string): Promise<string> {
  const p = await ctx.records.profile(key);
  return p?.displayName?.trim() ? `${p.displayName.trim()} (${key})` : key;
}

async function showLinks(ctx: TurnContext, lead?: string): Promise<void> {
  const keys = await linkedFamily(ctx.records.store, ctx.userKey);
  if (keys.length === 0) {
    ctx.say(text(`${lead ? `${lead} ` : ''}No family members are linked to you. Say "invite my family" to get a code for one.`));
    return;
  }
  const names = await Promise.all(keys.map((k) => nameOf(ctx, k)));
  const question: QuestionReply = {
    kind: 'question',
    questionId: MY_FAMILY_Q,
    text: `${lead ? `${lead} ` : ''}${keys.length === 1 ? 'This family member can' : `These ${keys.length} family members can`} see your plan: ${names.join(', ')}. Want to remove one?`,
    choices: [...keys.map((k, i) => ({ id: `${REMOVE}${k}`, label: `Remove ${names[i]}` })), { id: 'keep', label: 'Keep them all' }],
  };
  ctx.say(question);
}

export function myFamilyCommand(): Command {
  return {
    id: 'my-family',
    intents: ['my-family'],
    menuLabel: 'My family links',
    help: 'my family: see or remove family members who can see your plan',
    roles: ['student'],
    questionIds: [MY_FAMILY_Q],
    matches: (t) => /^(my family|my family links|family links|who can see my (plan|stuff|info)|remove (my )?(family|parent)( member)?)$/.test(t),
    run: async (ctx, input) => {
      const profile: Profile | undefined = ctx.profile();
      if (!profile || profile.role !== 'student') return;
      if (input.questionId !== MY_FAMILY_Q) return showLinks(ctx);
      if (input.choiceId === 'keep') return ctx.say(text('Okay, nothing changed.'));
      const familyKey = input.choiceId?.startsWith(REMOVE) ? input.choiceId.slice(REMOVE.length) : '';
      const name = familyKey ? await nameOf(ctx, familyKey) : '';
      const removed = familyKey !== '' && (await unlinkFamily(ctx.records.store, { studentKey: ctx.userKey, otherKey: familyKey, by: ctx.userKey, now: ctx.now }));
      await showLinks(ctx, removed ? `Removed. ${name} can no longer see your plan.` : 'That link was already gone.');
    },
  };
}
