/**
 * Using a code: a family invite links the family member to the student (once; 7 days), a class
 * code puts the student on the counselor's caseload (30 days). Wrong, used and expired codes get
 * a clear answer. Wrong codes are limited per user (10 an hour, 30 a day) and for everyone together
 * (src/domain/code-limits.ts). A code of the wrong kind counts as a wrong code; a success never
 * resets the count.
 */
import { checkCode, showCode, type CodeAttempts, type CodeRecord } from '../../domain/codes.js';
import {
  EVERYONE,
  type EveryoneAttempts,
  isLocked,
  minutesLeft,
  recordWrongCode,
  recordWrongCodeForEveryone,
} from '../../domain/code-limits.js';
import { text } from '../../domain/messages.js';
import type { CounselorRecord } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { TurnContext } from '../../engine/command.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { addToCaseload, COUNSELORS, linkedStudents, linkFamily } from './links.js';
import { sendTo } from './notify.js';
import type { PeopleDeps } from './people-deps.js';

export const CODES = 'codes';
export const CODE_CLAIMS = 'code-claims';
export const CODE_ATTEMPTS = 'code-attempts';

const say = {
  mistyped: () =>
    text("That code has a letter or number that codes never use, like 0, O, 1 or I. Check it against the code you were given and type it again."),
  unknown: () => text("I couldn't find that code. Check the letters and numbers and try again. Codes look like KX7M-4PQR."),
  expiredFamily: () => text('That code has expired (family codes work for 7 days). Ask your student to say "invite my family" to get a new one.'),
  expiredClass: () => text('That class code has expired. Ask your counselor for a new one.'),
  used: () => text('That code was already used. Each family code works only once. Ask your student to say "invite my family" for a new one.'),
  locked: (minutes: number) =>
    text(`Too many codes didn't work, so I've paused code entry for now to keep everyone's info safe. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`),
  justLocked: () => text("That's 10 codes that didn't work in an hour, so I've paused code entry for an hour to keep everyone's info safe."),
  justLockedForDay: () =>
    text("That's 30 codes that didn't work today, so I've paused code entry until tomorrow to keep everyone's info safe. If you need help, ask the person who gave you the code."),
  pausedForEveryone: (minutes: number) =>
    text(`Code entry is paused for everyone for a few minutes to keep students' info safe. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`),
  ownCode: () => text('That is your own family code. Give it to a parent or family member, and they can type it to me.'),
  classCodeForCounselor: () => text('That is a class code for your students to type. Students who type it join your list.'),
  classCodeNeedsProfile: () => text("That looks like a class code. Let's finish getting to know you first, then type it again."),
  classCodeGone: () => text('That class code no longer works. Ask your counselor for a new one.'),
  alreadyLinked: () => text("You're already linked to that student, so I didn't use the code. It still works for someone else."),
  welcomeFamily: () =>
    text(
      "Hi! I'm Waypoint. I help students explore jobs and plan their classes, and I help families follow along. " +
        'I keep what your student tells me; only they, their counselor and family they add can see it.',
    ),
  linked: (name: string) =>
    text(`Done! You're now linked to ${name}. You can see their plan and what's due this year. Try "what's due".`),
  joined: (school: string) =>
    text(`You joined your counselor's list${school ? ` at ${school}` : ''}. They can now see your plan and help you with it.`),
  alreadyJoined: () => text("You're already on that counselor's list. Nothing to change."),
};

async function wrongCode(ctx: TurnContext, answer: ReturnType<typeof text>): Promise<void> {
  const store = ctx.records.store;
  const before = await store.get<CodeAttempts>(CODE_ATTEMPTS, ctx.userKey);
  const { attempts, locked } = recordWrongCode(before, ctx.userKey, ctx.now);
  await store.put(CODE_ATTEMPTS, ctx.userKey, attempts);
  await countForEveryone(ctx);
  if (!locked) return ctx.say(answer);
  await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: locked === 'day' ? 'code-locked-day' : 'code-locked', subject: ctx.userKey });
  ctx.say(answer, locked === 'day' ? say.justLockedForDay() : say.justLocked());
}

/** Many wrong codes from everyone together (many accounts guessing) pause all code entry for a while. */
async function countForEveryone(ctx: TurnContext): Promise<void> {
  const store = ctx.records.store;
  const { record, paused } = recordWrongCodeForEveryone(await store.get<EveryoneAttempts>(CODE_ATTEMPTS, EVERYONE), ctx.now);
  await store.put(CODE_ATTEMPTS, EVERYONE, record);
  if (!paused) return;
  // The audit is what an administrator reads (`npm run admin -- audit`): whose guess tipped it, never a code.
  await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'codes-paused', subject: EVERYONE });
}

async function displayName(store: Store, userKey: string): Promise<string | undefined> {
  return (await store.get<Profile>('profiles', userKey))?.displayName?.trim() || undefined;
}

/** A code-shaped message with characters codes never use: a hint, not a wrong guess. */
export function mistypedCode(ctx: TurnContext): void {
  ctx.say(say.mistyped());
}

/**
 * Uses `code` (normalised, "KX7M4PQR") for the user of this turn and says what happened. Someone
 * who has not said who they are yet and whose code did not work goes back to "Who are you?", so
 * the code they type next is read (not taken for a first hello).
 */
export async function redeemCode(ctx: TurnContext, code: string, deps: PeopleDeps, o: RedeemOptions = {}): Promise<void> {
  await useCode(ctx, code, deps, o);
  if (!ctx.profile() && ctx.activeFlow() !== 'onboarding') await ctx.startFlow('onboarding', { firstContact: o.firstContact ?? false });
}

export interface RedeemOptions {
  /** The code is the first thing this person ever sent: a family member who links also hears what Waypoint is. */
  firstContact?: boolean;
}

async function useCode(ctx: TurnContext, code: string, deps: PeopleDeps, o: RedeemOptions): Promise<void> {
  const store = ctx.records.store;
  const everyone = await store.get<EveryoneAttempts>(CODE_ATTEMPTS, EVERYONE);
  if (isLocked(everyone, ctx.now)) return ctx.say(say.pausedForEveryone(minutesLeft(everyone!, ctx.now)));
  const attempts = await store.get<CodeAttempts>(CODE_ATTEMPTS, ctx.userKey);
  if (isLocked(attempts, ctx.now)) return ctx.say(say.locked(minutesLeft(attempts!, ctx.now)));

  const record = await store.get<CodeRecord>(CODES, code);
  const role = ctx.profile()?.role;
  // Your own code: a clear answer. A code of the wrong kind for you answers like any wrong code
  // and counts as a guess (it must not tell a guesser that the code exists).
  if (record?.ownerKey === ctx.userKey) return ctx.say(record.kind === 'class' ? say.classCodeForCounselor() : say.ownCode());
  if (record && wrongKind(record, role)) return wrongCode(ctx, say.unknown());

  const check = checkCode(record, ctx.now);
  if (check === 'unknown') return wrongCode(ctx, say.unknown());
  if (check === 'expired') return wrongCode(ctx, record!.kind === 'class' ? say.expiredClass() : say.expiredFamily());
  if (check === 'used') return wrongCode(ctx, say.used());

  if (record!.kind === 'family-invite') await useFamilyCode(ctx, record!, deps, o);
  else await useClassCode(ctx, record!, deps, o);
}

function wrongKind(record: CodeRecord, role: Profile['role'] | undefined): boolean {
  if (record.kind === 'family-invite') return role === 'student' || role === 'counselor';
  return role === 'family' || role === 'counselor';
}

async function useFamilyCode(ctx: TurnContext, record: CodeRecord, deps: PeopleDeps, o: RedeemOptions): Promise<void> {
  const store = ctx.records.store;
  const studentKey = record.ownerKey;
  if ((await linkedStudents(store, ctx.userKey)).includes(studentKey)) return ctx.say(say.alreadyLinked());
  // One use, even across processes: the first claim wins.
  const at = ctx.now.toISOString();
  if (!(await store.putIfAbsent(CODE_CLAIMS, record.code, { code: record.code, by: ctx.userKey, at }))) {
    return wrongCode(ctx, say.used());
  }
  await store.put<CodeRecord>(CODES, record.code, { ...record, usedBy: ctx.userKey, usedAt: at, uses: record.uses + 1 });
  if (!ctx.profile()) {
    await ctx.setProfile({
      userKey: ctx.userKey,
      role: 'family',
      choiceHistory: [],
      createdAt: at,
      lastActiveAt: at,
      ...(ctx.turn.displayName ? { displayName: ctx.turn.displayName.slice(0, 80) } : {}),
    });
  }
  await linkFamily(store, { studentKey, otherKey: ctx.userKey, by: ctx.userKey, now: ctx.now });
  if (o.firstContact) ctx.say(say.welcomeFamily());
  ctx.say(say.linked((await displayName(store, studentKey)) ?? 'your student'));

  const who = (await displayName(store, ctx.userKey)) ?? 'A family member';
  const told = await sendTo(deps.senders, studentKey, [
    text(`${who} used your family code ${showCode(record.code)} and is now linked to you. They can see your plan and what's due. Say "my family" to see or remove links.`),
  ]);
  if (!told) deps.logger?.info({ user: studentKey }, 'link notice not delivered (no sender for this channel)');
}

async function useClassCode(ctx: TurnContext, record: CodeRecord, deps: PeopleDeps, o: RedeemOptions): Promise<void> {
  const store = ctx.records.store;
  const profile = ctx.profile();
  if (!profile) {
    ctx.say(say.classCodeNeedsProfile());
    return ctx.startFlow('onboarding', { firstContact: o.firstContact ?? false });
  }
  const counselor = await store.get<CounselorRecord>(COUNSELORS, record.ownerKey);
  if (!counselor) return ctx.say(say.classCodeGone());
  // The student is now known to be at the counselor's school (a counselor elsewhere loses them).
  const added = await addToCaseload(store, { studentKey: ctx.userKey, otherKey: record.ownerKey, by: ctx.userKey, now: ctx.now, school: counselor.school });
  if (!added) return ctx.say(say.alreadyJoined());
  await store.put<CodeRecord>(CODES, record.code, { ...record, uses: record.uses + 1 });
  ctx.say(say.joined(counselor.school));
  deps.logger?.info({ user: ctx.userKey, counselor: record.ownerKey }, 'joined caseload with class code');
}
