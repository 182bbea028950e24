/**
 * Signing the plan: "sign sam's plan" (a counselor, for a student on their caseload), "sign my
 * plan" (a student), "sign the plan" (a family member, for a linked student; asked which when
 * there are several). Each signature has a date and the plan version it is for; a later change
 * to the plan asks for signatures again. "who signed my plan" says who has signed.
 */
import type { Signer } from '../../domain/meetings.js';
import { text, type Reply } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { checkAccess, linkedStudents, type DenialLogger } from '../people/links.js';
import type { CounselorDeps } from './counselor-deps.js';
import { updateFocus } from './counselor-focus.js';
import { addSignature, meetingRecord } from './meeting-records.js';
import { pickStudent } from './my-students.js';
import { signatureLine } from '../../domain/plan-signatures.js';
import { dateWords } from '../../i18n/date-words.js';

export const SIGN_WHICH_Q = 'sign:which';
const OWN = /^(?:please )?sign (?:off )?(?:on )?(?:my|the|his|her|their|our|this) (?:plan|plan of study)(?: please)?$|^sign (?:it|off)$/;
const COUNSELOR = /^(?:please )?sign (?:off )?(?:on )?(?!my |the |his |her |their |our |this )(.+?)(?:s)? (?:plan|plan of study)$|^sign off (?:for )?(.+)$/;
const WHO_SIGNED = /^(?:who (?:has )?signed|has anyone signed|signatures(?: on)?) ?(?:my|the|his|her|their|our)? ?(?:plan)?$/;
/** "quién firmó el plan", "quiénes han firmado": asking, never signing. */
const WHO_SIGNED_ES = /^(?:quien|quién|quienes|quiénes) (?:ya )?(?:ha |han )?firm(?:ó|o|aron|ado)(?: (?:mi|el|su|tu) plan)?(?: de .{1,40})?$/;

/** Signs the current plan version; `who` is the student's name, or undefined for the student's own plan. */
async function sign(ctx: TurnContext, studentKey: string, role: Signer, who?: string): Promise<Reply[]> {
  const plan = await ctx.records.store.get<Plan>('plans', studentKey);
  const version = plan?.versions?.[plan.versions.length - 1]?.number;
  if (version === undefined) return [text(who === undefined ? t('counselor.sign.noPlanYours') : t('counselor.sign.noPlan', { who }))];
  const record = await addSignature(ctx.records.store, { studentKey, by: ctx.userKey, now: ctx.now, role, planVersion: version });
  const said = { date: dateWords(ctx.now.toISOString()), version, line: signatureLine(record, version) };
  return [text(who === undefined ? t('counselor.sign.signedYours', said) : t('counselor.sign.signed', { ...said, who }))];
}

/** "sign sam's plan": a counselor signs for a student on their caseload. */
export function counselorSignCommand(deps: CounselorDeps): Command {
  return {
    id: 'counselor-sign',
    intents: ['sign-plan'],
    get help() {
      return t('counselor.help.sign');
    },
    roles: ['counselor'],
    matches: (words) => COUNSELOR.test(words) && !OWN.test(words),
    run: async (ctx, input) => {
      const w = (input.text ?? '').toLowerCase().replace(/[’']s\b/g, 's').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const m = COUNSELOR.exec(w);
      const name = m?.[1] ?? m?.[2];
      if (!name || OWN.test(w)) return void ctx.say(text(t('counselor.sign.whose')));
      const picked = await pickStudent(ctx, deps, name, 'sign');
      if (!('row' in picked)) return;
      await counselorSigns(ctx, picked.row.key, picked.row.name ?? picked.row.key);
    },
  };
}

export async function counselorSigns(ctx: TurnContext, studentKey: string, who: string): Promise<void> {
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey, studentAt: ctx.now.toISOString() });
  ctx.say(...(await sign(ctx, studentKey, 'counselor', who)));
}

async function familySign(ctx: TurnContext, studentKey: string, logger?: DenialLogger): Promise<void> {
  if (!(await checkAccess(ctx, studentKey, logger))) return;
  const name = (await ctx.records.profile(studentKey))?.displayName?.split(/\s+/)[0] ?? t('counselor.sign.yourStudent');
  ctx.say(...(await sign(ctx, studentKey, 'family', name)));
}

/** "sign my plan" (student) and "sign the plan" (family member, for a linked student). */
export function ownSignCommand(logger?: DenialLogger): Command {
  return {
    id: 'sign-plan',
    intents: ['sign-plan'],
    get help() {
      return t('counselor.help.signOwn');
    },
    roles: ['student', 'family'],
    questionIds: [SIGN_WHICH_Q],
    matches: (words) => OWN.test(words),
    run: async (ctx, input) => {
      const role = ctx.profile()?.role;
      if (role === 'student') {
        if (input.questionId) return;
        return void ctx.say(...(await sign(ctx, ctx.userKey, 'student')));
      }
      if (input.questionId === SIGN_WHICH_Q && input.choiceId) return familySign(ctx, input.choiceId, logger);
      const keys = await linkedStudents(ctx.records.store, ctx.userKey);
      if (keys.length === 0) return void ctx.say(text(t('counselor.sign.notLinkedHow')));
      if (keys.length === 1) return familySign(ctx, keys[0]!, logger);
      const names = await Promise.all(keys.map(async (k) => (await ctx.records.profile(k))?.displayName?.split(/\s+/)[0] ?? k));
      ctx.say({ kind: 'question', questionId: SIGN_WHICH_Q, text: t('counselor.sign.whichStudent'), choices: keys.map((k, i) => ({ id: k, label: names[i]! })) });
    },
  };
}

/** "who signed my plan": the sign-off of the current plan version, for a student or family member. */
export function whoSignedCommand(): Command {
  return {
    id: 'who-signed',
    get help() {
      return t('counselor.help.whoSigned');
    },
    roles: ['student', 'family'],
    matches: (words) => (WHO_SIGNED.test(words) && /sign/.test(words)) || WHO_SIGNED_ES.test(words),
    run: async (ctx) => {
      const keys = ctx.profile()?.role === 'student' ? [ctx.userKey] : await linkedStudents(ctx.records.store, ctx.userKey);
      if (keys.length === 0) return void ctx.say(text(t('counselor.sign.notLinked')));
      for (const key of keys) {
        const plan = await ctx.records.store.get<Plan>('plans', key);
        const version = plan?.versions?.[plan.versions.length - 1]?.number;
        const name = key === ctx.userKey ? t('counselor.sign.you') : ((await ctx.records.profile(key))?.displayName?.split(/\s+/)[0] ?? t('counselor.sign.yourStudentName'));
        const line = version === undefined ? t(key === ctx.userKey ? 'counselor.sign.nothingYet' : 'counselor.sign.nothingYetFor') : signatureLine(await meetingRecord(ctx.records.store, key), version);
        ctx.say(text(t('counselor.sign.whoSigned', { name, line })));
      }
    },
  };
}
