/** "my family": a student sees who is linked to them and can remove a link with a button. */
import { text, type QuestionReply } from '../../domain/messages.js';
import type { Profile } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { distinctLabels } from '../../domain/distinct-labels.js';
import { t } from '../../i18n/t.js';
import { linkedFamily, unlinkFamily } from './links.js';

export const MY_FAMILY_Q = 'people:my-family';
const REMOVE = 'remove:';

/** The linked family members' names, told apart without showing their ids. */
async function namesOf(ctx: TurnContext, keys: string[]): Promise<string[]> {
  const profiles = await Promise.all(keys.map((k) => ctx.records.profile(k)));
  return distinctLabels(profiles.map((p) => ({ ...(p?.displayName ? { name: p.displayName } : {}) })), (n) => t('people.myFamily.unnamed', { n }));
}

async function showLinks(ctx: TurnContext, lead?: string): Promise<void> {
  const keys = await linkedFamily(ctx.records.store, ctx.userKey);
  if (keys.length === 0) {
    ctx.say(text([lead, t('people.myFamily.none')].filter(Boolean).join(' ')));
    return;
  }
  const names = await namesOf(ctx, keys);
  const question: QuestionReply = {
    kind: 'question',
    questionId: MY_FAMILY_Q,
    text: [lead, t('people.myFamily.question', { count: keys.length, names: names.join(', ') })].filter(Boolean).join(' '),
    choices: [
      ...keys.map((k, i) => ({ id: `${REMOVE}${k}`, label: t('people.myFamily.remove', { name: names[i]! }) })),
      { id: 'keep', label: t('people.myFamily.keepAll') },
    ],
  };
  ctx.say(question);
}

export function myFamilyCommand(): Command {
  return {
    id: 'my-family',
    intents: ['my-family'],
    get menuLabel() {
      return t('people.myFamily.menu');
    },
    get help() {
      return t('people.myFamily.help');
    },
    roles: ['student'],
    questionIds: [MY_FAMILY_Q],
    matches: (words) => /^(my family|my family links|family links|who can see my (plan|stuff|info)|remove (my )?(family|parent)( member)?)$/.test(words),
    run: async (ctx, input) => {
      const profile: Profile | undefined = ctx.profile();
      if (!profile || profile.role !== 'student') return;
      if (input.questionId !== MY_FAMILY_Q) return showLinks(ctx);
      if (input.choiceId === 'keep') return ctx.say(text(t('people.myFamily.nothingChanged')));
      const familyKey = input.choiceId?.startsWith(REMOVE) ? input.choiceId.slice(REMOVE.length) : '';
      // The name as the list showed it (before the link is gone).
      const linked = await linkedFamily(ctx.records.store, ctx.userKey);
      const name = familyKey && linked.includes(familyKey) ? (await namesOf(ctx, linked))[linked.indexOf(familyKey)]! : '';
      const removed = familyKey !== '' && (await unlinkFamily(ctx.records.store, { studentKey: ctx.userKey, otherKey: familyKey, by: ctx.userKey, now: ctx.now }));
      await showLinks(ctx, removed ? t('people.myFamily.removed', { name }) : t('people.myFamily.alreadyGone'));
    },
  };
}
