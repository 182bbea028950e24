import type { Effect } from '../../../flows/flow-protocol.js';
import type { EffectHandler } from '../../engine/engine.js';
import type { Profile } from '../../domain/profile.js';
import { mayChangeRole, recentRoleChanges } from '../../domain/role-changes.js';
import { audit } from '../people/audit.js';

type Of<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

/** Saves who someone is (and a student's grade). A counselor role is never set from the chat. */
export const saveProfile: EffectHandler = async (ctx, e) => {
  const { role, grade } = e as Of<'save-profile'>;
  if (role === 'counselor') return;
  const now = ctx.now.toISOString();
  const before = ctx.profile();
  let profile: Profile = before
    ? { ...before, role: before.role === 'counselor' ? 'counselor' : role }
    : { userKey: ctx.userKey, role, choiceHistory: [], createdAt: now, lastActiveAt: now };
  if (before && profile.role !== before.role) {
    // A new role is limited (it decides what someone may see) and audited, ids only.
    if (!mayChangeRole(before, ctx.now)) profile = { ...profile, role: before.role };
    else {
      profile.roleChanges = [...recentRoleChanges(before, ctx.now), now];
      await audit(ctx.records.store, { at: now, by: ctx.userKey, action: 'role-changed', subject: ctx.userKey });
    }
  }
  if (grade !== undefined) {
    profile.grade = grade;
    profile.gradeSetAt = now;
  }
  profile.lastActiveAt = now;
  // The name the platform gives, so family and counselors see "Maya", not an id.
  const name = ctx.turn.displayName?.trim().slice(0, 80);
  if (name) profile.displayName = name;
  await ctx.setProfile(profile);
};

/** Keeps the finished interest results as their own record; earlier runs keep their top picks. */
export const saveInterestResult: EffectHandler = async (ctx, e) => {
  const { grade, answers, result } = e as Of<'save-interest-result'>;
  const before = await ctx.records.interestResult(ctx.userKey);
  // The same answers shown again ("back to my results", "change my pathway") are not a new run.
  const again = before !== undefined && JSON.stringify(before.answers) === JSON.stringify(answers);
  const earlier = again
    ? before.earlier
    : before
    ? [
        ...before.earlier,
        {
          at: before.at,
          topClusterIds: before.result.clusters.slice(0, 3).map((c) => c.clusterId),
          topPathIds: before.result.paths.slice(0, 3).map((p) => p.pathId),
        },
      ].slice(-10)
    : [];
  await ctx.records.saveInterestResult({ userKey: ctx.userKey, grade, answers, result, at: ctx.now.toISOString(), earlier });
};

/** Saves the chosen Path/Cluster/Pathway with the date; the old choice goes to the history. */
export const saveChoice: EffectHandler = async (ctx, e) => {
  const { pathId, clusterId, pathwayId } = e as Of<'save-choice'>;
  const profile = ctx.profile();
  if (!profile) return;
  const choice = { pathId, clusterId, pathwayId, chosenAt: ctx.now.toISOString() };
  const history = profile.choice ? [...profile.choiceHistory, profile.choice].slice(-20) : profile.choiceHistory;
  await ctx.setProfile({ ...profile, choice, choiceHistory: history, lastActiveAt: choice.chosenAt });
};
