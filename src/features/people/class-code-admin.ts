/**
 * A counselor's class codes: "my class codes" lists them (code, made, works until, how many
 * joined), "revoke code KX7M-4PQR" stops one, and a new code offers to replace the ones still
 * working ("Keep both" / "Replace the old one"). Students who joined with a code stay on the list
 * when it stops. A stopped code reads as expired to a student who types it.
 *
 * Collection "counselor-class-codes", id = counselor's user key: the codes they made, so listing
 * never reads every code. Built once from the "codes" collection for codes made before it existed.
 */
import { codeInText, showCode, type CodeRecord } from '../../domain/codes.js';
import { text, type QuestionReply } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { counselorRecord } from './links.js';
import { CODES } from './redeem-code.js';
import { serialised } from './serialised.js';
import { dateWords } from '../../i18n/date-words.js';

export const COUNSELOR_CLASS_CODES = 'counselor-class-codes';
export const REPLACE_CODE_Q = 'class-code:replace';
const REVOKE_WORDS = /^(please |pls |can you |i want to |i need to )?(revoke|cancel|stop|disable|deactivate|delete|end|kill|turn off|shut off|shut down|expire|remove)\b/;
/** The same ask in Spanish ("cancelar el código KX7M-4PQR"), read when the understanding step routes it here. */
const REVOKE_WORDS_ES = /^(por favor |quiero |necesito )?(cancelar|anular|detener|desactivar|parar|borrar|eliminar|quitar)\b/;
const LIST_MAX = 10;

interface CounselorClassCodes {
  counselorKey: string;
  codes: string[];
  updatedAt: string;
}

/** A class code that was stopped by its counselor: it expired at `revokedAt`. */
export type ClassCode = CodeRecord & { revokedAt?: string; revokedBy?: string };

/** Remembers a class code the counselor just made. */
export function rememberClassCode(store: Store, counselorKey: string, code: string, now: Date): Promise<void> {
  return serialised(store, `class-codes:${counselorKey}`, async () => {
    const had = await store.get<CounselorClassCodes>(COUNSELOR_CLASS_CODES, counselorKey);
    const codes = had ? had.codes : await scanCodes(store, counselorKey);
    await store.put<CounselorClassCodes>(COUNSELOR_CLASS_CODES, counselorKey, {
      counselorKey,
      codes: codes.includes(code) ? codes : [...codes, code],
      updatedAt: now.toISOString(),
    });
  });
}

async function scanCodes(store: Store, counselorKey: string): Promise<string[]> {
  return (await store.list<CodeRecord>(CODES))
    .filter((r) => r.value.kind === 'class' && r.value.ownerKey === counselorKey)
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt))
    .map((r) => r.id);
}

/** The counselor's class codes, newest first. */
export async function classCodesOf(store: Store, counselorKey: string): Promise<ClassCode[]> {
  const index = await store.get<CounselorClassCodes>(COUNSELOR_CLASS_CODES, counselorKey);
  const ids = index?.codes ?? (await scanCodes(store, counselorKey));
  const records = await Promise.all(ids.map((c) => store.get<ClassCode>(CODES, c)));
  // Kept in the order they were made; made in the same moment, the later one is newer.
  return records
    .filter((r): r is ClassCode => r !== undefined && r.kind === 'class' && r.ownerKey === counselorKey)
    .reverse()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const isWorking = (c: ClassCode, now: Date) => now.getTime() < Date.parse(c.expiresAt);

const day = (iso: string) => dateWords(iso);
const joined = (n: number) => t('people.classCodes.joined', { count: n });

function describe(c: ClassCode, now: Date): string {
  const state = c.revokedAt
    ? t('people.classCodes.stateStopped', { day: day(c.revokedAt) })
    : isWorking(c, now)
      ? t('people.classCodes.stateWorks', { day: day(c.expiresAt) })
      : t('people.classCodes.stateExpired', { day: day(c.expiresAt) });
  return t('people.classCodes.describe', { code: showCode(c.code), made: day(c.createdAt), state, joined: joined(c.uses) });
}

/** Stops a code now. Students who joined with it stay on the list. */
async function revoke(store: Store, c: ClassCode, by: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.put<ClassCode>(CODES, c.code, { ...c, expiresAt: at, revokedAt: at, revokedBy: by });
}

/** After a new code: when older ones still work, asks whether to keep them or replace them. */
export async function replaceOffer(ctx: TurnContext, newCode: string): Promise<QuestionReply | undefined> {
  const older = (await classCodesOf(ctx.records.store, ctx.userKey)).filter((c) => c.code !== newCode && isWorking(c, ctx.now));
  if (older.length === 0) return undefined;
  const names = older.slice(0, 3).map((c) => t('people.classCodes.item', { code: showCode(c.code), joined: joined(c.uses) })).join(', ');
  const count = older.length;
  return {
    kind: 'question',
    questionId: REPLACE_CODE_Q,
    text: count > 3 ? t('people.classCodes.replaceQuestionMore', { count, names, more: count - 3 }) : t('people.classCodes.replaceQuestion', { count, names }),
    choices: [
      { id: 'keep', label: t(count === 1 ? 'people.classCodes.keepBoth' : 'people.classCodes.keepAll') },
      { id: `replace-${newCode}`, label: t('people.classCodes.replaceOld') },
    ],
    optional: true,
  };
}

async function authorised(ctx: TurnContext): Promise<boolean> {
  if (await counselorRecord(ctx.records.store, ctx.userKey)) return true;
  ctx.say(text(t('people.classCodes.notAuthorised')));
  return false;
}

/** "my class codes": every class code with when it was made, until when it works, and how many joined. */
export function listClassCodesCommand(): Command {
  return {
    id: 'list-class-codes',
    intents: ['class-codes'],
    get help() {
      return t('people.classCodes.help');
    },
    roles: ['counselor'],
    questionIds: [REPLACE_CODE_Q],
    matches: (words) => /^(show |list |see )?(all )?(my |our )?(class |join )?codes$|^(show|list|see) (all )?(my |our )?(class |join )?codes$/.test(words),
    run: async (ctx, input) => {
      if (input.questionId === REPLACE_CODE_Q) return answerReplace(ctx, input.choiceId ?? '');
      if (!(await authorised(ctx))) return;
      const codes = await classCodesOf(ctx.records.store, ctx.userKey);
      if (codes.length === 0) return ctx.say(text(t('people.classCodes.none')));
      const working = codes.filter((c) => isWorking(c, ctx.now)).length;
      const head = t('people.classCodes.listHead', { count: codes.length, working, stopped: codes.length - working });
      const lines = codes.slice(0, LIST_MAX).map((c) => `- ${describe(c, ctx.now)}`);
      const more = codes.length > LIST_MAX ? [t('people.classCodes.listMore', { count: codes.length - LIST_MAX })] : [];
      const tip = t(working > 0 ? 'people.classCodes.tipRevoke' : 'people.classCodes.tipNew');
      ctx.say(text([head, ...lines, ...more].join('\n')), text(tip));
    },
  };
}

async function answerReplace(ctx: TurnContext, choiceId: string): Promise<void> {
  if (!(await authorised(ctx))) return;
  if (!choiceId.startsWith('replace-')) return ctx.say(text(t('people.classCodes.keptAll')));
  const keep = choiceId.slice('replace-'.length);
  const old = (await classCodesOf(ctx.records.store, ctx.userKey)).filter((c) => c.code !== keep && isWorking(c, ctx.now));
  for (const c of old) await revoke(ctx.records.store, c, ctx.userKey, ctx.now);
  const names = old.map((c) => showCode(c.code)).join(', ');
  ctx.say(
    text(
      old.length === 0
        ? t('people.classCodes.nothingToReplace', { code: showCode(keep) })
        : t('people.classCodes.replaced', { count: old.length, names, code: showCode(keep) }),
    ),
  );
}

/** "revoke code KX7M-4PQR": stops one of the counselor's own class codes now. */
export function revokeClassCodeCommand(): Command {
  return {
    id: 'revoke-class-code',
    intents: ['class-codes'],
    intentOf: () => 'class-codes',
    get help() {
      return t('people.classCodes.revokeHelp');
    },
    roles: ['counselor'],
    matches: (words) => (REVOKE_WORDS.test(words) && /\bcodes?\b/.test(words)) || (REVOKE_WORDS_ES.test(words) && /\bc[oó]digos?(?![a-z])/.test(words)),
    // Read as "class-codes" by the classifier: only a message that asks to stop a code is this one's.
    accepts: (words) => REVOKE_WORDS.test(words.toLowerCase()) || REVOKE_WORDS_ES.test(words.toLowerCase()),
    run: async (ctx, input) => {
      if (!(await authorised(ctx))) return;
      const store = ctx.records.store;
      // What follows "code" ("revoke code KX7M-4PQR", "cancelar el código KX7M-4PQR").
      const words = (input.text ?? '').replace(/^.*?(\bcodes?\b|\bc[oó]digos?(?![a-z]))/i, '');
      const code = codeInText(words);
      const mine = await classCodesOf(store, ctx.userKey);
      const working = mine.filter((c) => isWorking(c, ctx.now));
      if (!code) {
        const codes = working.slice(0, 5).map((c) => showCode(c.code)).join(', ');
        return ctx.say(text(working.length > 0 ? t('people.classCodes.whichCode', { codes }) : t('people.classCodes.whichCodeNone')));
      }
      const found = mine.find((c) => c.code === code);
      if (!found) return ctx.say(text(t('people.classCodes.notYours', { code: showCode(code) })));
      if (!isWorking(found, ctx.now)) {
        return ctx.say(
          text(
            found.revokedAt
              ? t('people.classCodes.alreadyStopped', { code: showCode(code), day: day(found.revokedAt) })
              : t('people.classCodes.alreadyExpired', { code: showCode(code), day: day(found.expiresAt) }),
          ),
        );
      }
      await revoke(store, found, ctx.userKey, ctx.now);
      ctx.say(text(t('people.classCodes.revoked', { code: showCode(code), count: found.uses })));
    },
  };
}

/** The class-code commands this file adds (registered in people-feature.ts). */
export function classCodeAdminCommands(): Command[] {
  return [revokeClassCodeCommand(), listClassCodesCommand()];
}
