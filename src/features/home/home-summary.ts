import { gradeLabel } from '../../domain/grade.js';
import type { CardField, CardReply, Choice } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan/index.js';
import type { Profile } from '../../domain/profile.js';
import { reviewStatus } from '../../domain/reminders/index.js';
import { capital, type HomeDeps, HOME_Q, nextCheckIn, thisYearClasses } from './home-facts.js';
import { counselorHome, familyHome } from './home-people.js';

export type { HomeDeps } from './home-facts.js';

/**
 * A person's summary for a home screen (Slack App Home), by user key. A student sees their Path,
 * Cluster, Pathway, this year's plan and their next review, with buttons to carry on; a family
 * member sees the students linked to them; a counselor sees their caseload in numbers. Nobody sees
 * anyone they are not linked to.
 */
export function homeSummary(deps: HomeDeps) {
  const now = deps.now ?? (() => new Date());
  return async (userKey: string): Promise<CardReply> => {
    const p = await deps.records.profile(userKey);
    if (!p) return welcome();
    const at = now();
    if (p.role === 'counselor') return counselorHome(deps, userKey, at);
    if (p.role === 'family') return familyHome(deps, userKey, at);
    return studentHome(deps, p, await deps.records.store.get<Plan>('plans', userKey), at);
  };
}

function welcome(): CardReply {
  return {
    kind: 'card',
    title: 'Welcome to Waypoint',
    fields: [{ label: 'Start', value: 'Send me a message to explore careers you might like and plan your classes.' }],
    text: 'Welcome to Waypoint! Send me a message to explore careers you might like and plan your classes.',
    questionId: HOME_Q,
    actions: [{ id: 'explore', label: 'Explore careers' }],
  };
}

/** "Health Services (Health Path)", as "my pathway" says it. */
function pathName(fw: HomeDeps['framework'], pathId: string | undefined): string {
  const path = pathId ? fw.path(pathId) : undefined;
  return path ? `${path.name} (${path.nickname})` : 'Not chosen yet';
}

const usable = (plan: Plan | undefined): Plan | undefined => (plan && Array.isArray(plan.versions) && plan.versions.length > 0 ? plan : undefined);

function studentHome(deps: HomeDeps, p: Profile, stored: Plan | undefined, now: Date): CardReply {
  const fw = deps.framework;
  const c = p.choice;
  const plan = usable(stored);
  const status = reviewStatus(plan, deps.reviewPolicy, now);
  const fields: CardField[] = [
    { label: 'Grade', value: p.grade !== undefined ? capital(gradeLabel(p.grade)) : 'Not set yet' },
    { label: 'Career Path', value: pathName(fw, c?.pathId) },
    { label: 'Career Cluster', value: (c?.clusterId && fw.cluster(c.clusterId)?.name) || 'Not chosen yet' },
    { label: 'Career Pathway', value: (c?.pathwayId && fw.pathway(c.pathwayId)?.name) || 'Not chosen yet' },
    { label: 'This year in your plan', value: thisYearClasses(plan, p.grade) },
    { label: 'Next plan check-in', value: nextCheckIn(status) },
  ];
  const actions: Choice[] = [{ id: 'explore', label: c ? 'Explore again' : 'Explore careers' }];
  if (plan) actions.push({ id: 'plan', label: 'See my plan' });
  else if (c?.pathwayId) actions.push({ id: 'plan', label: 'Make my plan' });
  if (plan && (status.state === 'due' || status.state === 'overdue')) actions.push({ id: 'plan-review', label: 'Review my plan' });
  return {
    kind: 'card',
    title: 'Your Waypoint',
    fields,
    text: fields.map((f) => `${f.label}: ${f.value}`).join('. '),
    questionId: HOME_Q,
    actions,
  };
}

