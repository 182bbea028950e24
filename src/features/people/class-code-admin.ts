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
import type { Store } from '../../store/store.js';
import { counselorRecord } from './links.js';
import { CODES } from './redeem-code.js';
import { serialised } from './serialised.js';

export const COUNSELOR_CLASS_CODES = 'counselor-class-codes';
export const REPLACE_CODE_Q = 'class-code:replace';
const REVOKE_WORDS = /^(please |pls |can you |i want to |i need to )?(revoke|cancel|stop|disable|deactivate|delete|end|kill|turn off|shut off|shut down|expire|remove)\b/;
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
  return serialised(`class-codes:${counselorKey}`, async () => {
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

const day = (iso: string) => iso.slice(0, 10);
const joined = (n: number) => `${n} joined`;

function describe(c: ClassCode, now: Date): string {
  const state = c.revokedAt ? `stopped ${day(c.revokedAt)}` : isWorking(c, now) ? `works until ${day(c.expiresAt)}` : `expired ${day(c.expiresAt)}`;
  return `${showCode(c.code)}: made ${day(c.createdAt)}, ${state}, ${joined(c.uses)}`;
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
  const names = older.slice(0, 3).map((c) => `${showCode(c.code)} (${joined(c.uses)})`).join(', ');
  const more = older.length > 3 ? ` and ${older.length - 3} more` : '';
  return {
    kind: 'question',
    questionId: REPLACE_CODE_Q,
    text: `${older.length === 1 ? 'Your older code' : `${older.length} older codes`} still work${older.length === 1 ? 's' : ''}: ${names}${more}. Keep ${older.length === 1 ? 'it' : 'them'} working too, or replace with the new one? Students who already joined stay on your list either way.`,
    choices: [
      { id: 'keep', label: older.length === 1 ? 'Keep both' : 'Keep them all' },
      { id: `replace-${newCode}`, label: 'Replace the old one' },
    ],
    optional: true,
  };
}

async function authorised(ctx: TurnContext): Promise<boolean> {
  if (await counselorRecord(ctx.records.store, ctx.userKey)) return true;
  ctx.say(text("Your counselor access isn't set up right now. Please ask your school's Waypoint admin."));
  return false;
}

/** "my class codes": every class code with when it was made, until when it works, and how many joined. */
export function listClassCodesCommand(): Command {
  return {
    id: 'list-class-codes',
    intents: ['class-codes'],
    help: 'my class codes: your codes, how long they work, and how many joined',
    roles: ['counselor'],
    questionIds: [REPLACE_CODE_Q],
    matches: (t) => /^(show |list |see )?(all )?(my |our )?(class |join )?codes$|^(show|list|see) (all )?(my |our )?(class |join )?codes$/.test(t),
    run: async (ctx, input) => {
      if (input.questionId === REPLACE_CODE_Q) return answerReplace(ctx, input.choiceId ?? '');
      if (!(await authorised(ctx))) return;
      const codes = await classCodesOf(ctx.records.store, ctx.userKey);
      if (codes.length === 0) return ctx.say(text('You have no class codes yet. Say "new class code" to make one.'));
      const working = codes.filter((c) => isWorking(c, ctx.now)).length;
      const head = `${codes.length} class code${codes.length === 1 ? '' : 's'}: ${working} working, ${codes.length - working} stopped or expired.`;
      const lines = codes.slice(0, LIST_MAX).map((c) => `- ${describe(c, ctx.now)}`);
      const more = codes.length > LIST_MAX ? [`...and ${codes.length - LIST_MAX} older.`] : [];
      const tip = working > 0 ? 'Say "revoke code" and the code to stop one.' : 'Say "new class code" for a new one.';
      ctx.say(text([head, ...lines, ...more].join('\n')), text(tip));
    },
  };
}

async function answerReplace(ctx: TurnContext, choiceId: string): Promise<void> {
  if (!(await authorised(ctx))) return;
  if (!choiceId.startsWith('replace-')) return ctx.say(text('OK, all your codes keep working. Say "my class codes" to see them.'));
  const keep = choiceId.slice('replace-'.length);
  const old = (await classCodesOf(ctx.records.store, ctx.userKey)).filter((c) => c.code !== keep && isWorking(c, ctx.now));
  for (const c of old) await revoke(ctx.records.store, c, ctx.userKey, ctx.now);
  const names = old.map((c) => showCode(c.code)).join(', ');
  ctx.say(
    text(
      old.length === 0
        ? `Nothing to replace: ${showCode(keep)} is your only working code.`
        : `Done: ${names} no longer work${old.length === 1 ? 's' : ''}. Students who joined with ${old.length === 1 ? 'it' : 'them'} stay on your list. Your code now: ${showCode(keep)}.`,
    ),
  );
}

/** "revoke code KX7M-4PQR": stops one of the counselor's own class codes now. */
export function revokeClassCodeCommand(): Command {
  return {
    id: 'revoke-class-code',
    intents: ['class-codes'],
    intentOf: () => 'class-codes',
    help: 'revoke code <code>: stop a class code from working',
    roles: ['counselor'],
    matches: (t) => REVOKE_WORDS.test(t) && /\bcodes?\b/.test(t),
    // Read as "class-codes" by the classifier: only a message that asks to stop a code is this one's.
    accepts: (t) => REVOKE_WORDS.test(t.toLowerCase()),
    run: async (ctx, input) => {
      if (!(await authorised(ctx))) return;
      const store = ctx.records.store;
      const words = (input.text ?? '').replace(/^.*?\bcodes?\b/i, '');
      const code = codeInText(words);
      const mine = await classCodesOf(store, ctx.userKey);
      const working = mine.filter((c) => isWorking(c, ctx.now));
      if (!code) {
        const list = working.length > 0 ? ` Your working codes: ${working.slice(0, 5).map((c) => showCode(c.code)).join(', ')}.` : ' You have no working class codes.';
        return ctx.say(text(`Which code? Say "revoke code" and the code, like "revoke code KX7M-4PQR".${list}`));
      }
      const found = mine.find((c) => c.code === code);
      if (!found) return ctx.say(text(`${showCode(code)} isn't one of your class codes. Say "my class codes" to see yours.`));
      if (!isWorking(found, ctx.now)) return ctx.say(text(`${showCode(code)} already stopped working (${found.revokedAt ? `stopped ${day(found.revokedAt)}` : `expired ${day(found.expiresAt)}`}).`));
      await revoke(store, found, ctx.userKey, ctx.now);
      ctx.say(text(`Done: ${showCode(code)} no longer works. The ${found.uses} student${found.uses === 1 ? '' : 's'} who joined with it stay on your list. Say "new class code" for a new one.`));
    },
  };
}

/** The class-code commands this file adds (registered in people-feature.ts). */
export function classCodeAdminCommands(): Command[] {
  return [revokeClassCodeCommand(), listClassCodesCommand()];
}
