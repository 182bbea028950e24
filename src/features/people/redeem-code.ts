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
import { t } from '../../i18n/t.js';
import type { CounselorRecord } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { TurnContext } from '../../engine/command.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { addToCaseload, COUNSELORS, linkedStudents, linkFamily } from './links.js';
import { sayTo } from './notify.js';
import { alreadyLinkedReply } from '../family/index.js';
import type { PeopleDeps } from './people-deps.js';

export const CODES = 'codes';
export const CODE_CLAIMS = 'code-claims';
export const CODE_ATTEMPTS = 'code-attempts';

const say = {
  mistyped: () => text(t('codes.mistyped')),
  unknown: () => text(t('codes.unknown')),
  expiredFamily: () => text(t('codes.expiredFamily')),
  expiredClass: () => text(t('codes.expiredClass')),
  used: () => text(t('codes.used')),
  locked: (minutes: number) => text(t('codes.locked', { count: minutes })),
  justLocked: () => text(t('codes.justLocked')),
  justLockedForDay: () => text(t('codes.justLockedForDay')),
  pausedForEveryone: (minutes: number) => text(t('codes.pausedForEveryone', { count: minutes })),
  ownCode: () => text(t('codes.ownCode')),
  classCodeForCounselor: () => text(t('codes.classCodeForCounselor')),
  classCodeNeedsProfile: () => text(t('codes.classCodeNeedsProfile')),
  classCodeGone: () => text(t('codes.classCodeGone')),
  alreadyLinked: () => text(t('codes.alreadyLinked')),
  welcomeFamily: () => text(t('codes.welcomeFamily')),
  linked: (name: string) => text(t('codes.linked', { name })),
  joined: (school: string) => text(school ? t('codes.joinedAt', { school }) : t('codes.joined')),
  alreadyJoined: () => text(t('codes.alreadyJoined')),
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
  if (check === 'used') {
    // A family member re-typing the code they already used is told they are linked, by name.
    const linked = await alreadyLinkedReply(ctx.records.store, record!, ctx.userKey);
    return linked ? ctx.say(linked) : wrongCode(ctx, say.used());
  }

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
  ctx.say(say.linked((await displayName(store, studentKey)) ?? t('codes.yourStudent')));

  const name = await displayName(store, ctx.userKey);
  // The student hears it in their own language, not the family member's.
  const told = await sayTo(deps.senders, store, studentKey, () => [
    text(t('codes.studentTold', { who: name ?? t('codes.aFamilyMember'), code: showCode(record.code) })),
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
