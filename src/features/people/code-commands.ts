/**
 * Codes in the chat: a student asks for a family code, a counselor for a class code, and anyone
 * who types a code-shaped message ("KX7M-4PQR", "join kx7m 4pqr") uses it.
 */
import { CLASS_CODE_DAYS, codeInText, FAMILY_CODE_DAYS, makeCode, mistypedCodeInText, newCodeRecord, showCode, type CodeKind } from '../../domain/codes.js';
import { text } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import type { PeopleDeps } from './people-deps.js';
import { CODES, mistypedCode, redeemCode } from './redeem-code.js';
import { rememberClassCode, replaceOffer } from './class-code-admin.js';

/** Makes and stores a new code that no record uses yet. */
async function createCode(ctx: TurnContext, kind: CodeKind, deps: PeopleDeps): Promise<string> {
  for (let tries = 0; ; tries++) {
    const code = makeCode(deps.randomInt);
    if (await ctx.records.store.putIfAbsent(CODES, code, newCodeRecord(code, kind, ctx.userKey, ctx.now))) return code;
    if (tries > 20) throw new Error('could not make a new code');
  }
}

/**
 * Anyone: a message that is a code uses it (during onboarding it also ends onboarding). A code
 * with characters codes never use ("KX7M-4PQ0") gets a hint instead of "I didn't catch that".
 */
export function codeEntryCommand(deps: PeopleDeps): Command {
  return {
    id: 'enter-code',
    intents: ['join-class'],
    onFirstContact: true,
    matches: (words) => codeInText(words) !== undefined || mistypedCodeInText(words) !== undefined,
    run: async (ctx, input) => {
      // Someone we have never talked with (or who stopped before saying who they are).
      const firstContact = !ctx.profile() && !ctx.activeFlow();
      const code = codeInText(input.text ?? '');
      if (!code) {
        mistypedCode(ctx);
        if (firstContact) return ctx.startFlow('onboarding', { firstContact });
        ctx.resumeFlow();
        return;
      }
      if (ctx.activeFlow() === 'onboarding') return ctx.startFlow('enter-code', { code });
      const flow = ctx.activeFlow();
      await redeemCode(ctx, code, deps, { firstContact });
      // Back to the question they were on, unless using the code started something new.
      if (ctx.activeFlow() === flow) ctx.resumeFlow();
    },
  };
}

/** "link to my student": a family member is told how to use their code. */
export function linkStudentCommand(): Command {
  return {
    id: 'link-student',
    intents: ['link-student'],
    get menuLabel() {
      return t('people.linkStudent.menu');
    },
    get help() {
      return t('people.linkStudent.help');
    },
    roles: ['family'],
    matches: (words) => /^(link|connect|add)( to)? (my )?(student|child|kid|son|daughter)$|^(enter|i have|use) (a |my )?code$/.test(words),
    run: async (ctx) =>
      ctx.say(
        text(t('people.linkStudent.typeCode')),
        text(t('people.linkStudent.noCodeYet', { days: FAMILY_CODE_DAYS })),
      ),
  };
}

/** "invite my family": a one-use family code for the student. */
export function inviteFamilyCommand(deps: PeopleDeps): Command {
  return {
    id: 'invite-family',
    intents: ['invite-family'],
    get menuLabel() {
      return t('people.inviteFamily.menu');
    },
    get help() {
      return t('people.inviteFamily.help');
    },
    roles: ['student'],
    matches: (words) => /^(invite|add|link|connect) (my )?(family|parents?|mom|dad|guardian|family member)$|^(family|parent) (code|invite)$|^(get|new) (a )?family code$/.test(words),
    run: async (ctx) => {
      const code = await createCode(ctx, 'family-invite', deps);
      ctx.say(
        text(t('people.inviteFamily.code', { code: showCode(code) })),
        text(t('people.inviteFamily.howTo', { days: FAMILY_CODE_DAYS })),
      );
    },
  };
}

/** "new class code": a code students type to join the counselor's caseload. */
export function newClassCodeCommand(deps: PeopleDeps): Command {
  return {
    id: 'new-class-code',
    intents: ['class-code'],
    get menuLabel() {
      return t('people.newClassCode.menu');
    },
    get help() {
      return t('people.newClassCode.help');
    },
    roles: ['counselor'],
    matches: (words) => /^(new|make|get|create) (a )?(class|caseload|student) code$|^class code$/.test(words),
    run: async (ctx) => {
      const code = await createCode(ctx, 'class', deps);
      await rememberClassCode(ctx.records.store, ctx.userKey, code, ctx.now);
      ctx.say(
        text(t('people.newClassCode.code', { code: showCode(code) })),
        text(t('people.newClassCode.howTo', { code: showCode(code), days: CLASS_CODE_DAYS })),
      );
      // Older codes still working: keep them, or replace them with this one.
      const offer = await replaceOffer(ctx, code);
      if (offer) ctx.say(offer);
    },
  };
}
