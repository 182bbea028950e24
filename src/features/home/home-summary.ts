import { gradeLabel } from '../../domain/grade.js';
import type { CardField, CardReply, Choice } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan/index.js';
import type { Profile } from '../../domain/profile.js';
import { reviewStatus } from '../../domain/reminders/index.js';
import { frameworkName, pathNickname } from '../../i18n/framework-words.js';
import { DEFAULT_LANGUAGE, withLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { capital, type HomeDeps, HOME_Q, nextCheckIn, thisYearClasses } from './home-facts.js';
import { counselorHome, familyHome } from './home-people.js';

export type { HomeDeps } from './home-facts.js';

/**
 * A person's summary for a home screen (Slack App Home), by user key. A student sees their Path,
 * Cluster, Pathway, this year's plan and their next review, with buttons to carry on; a family
 * member sees the students linked to them; a counselor sees their caseload in numbers. Nobody sees
 * anyone they are not linked to. Said in the person's own language (home.* in the catalogs).
 */
export function homeSummary(deps: HomeDeps) {
  const now = deps.now ?? (() => new Date());
  return async (userKey: string): Promise<CardReply> => {
    const p = await deps.records.profile(userKey);
    if (!p) return welcome();
    const at = now();
    return withLanguage(p.language ?? DEFAULT_LANGUAGE, async () => {
      if (p.role === 'counselor') return counselorHome(deps, userKey, at);
      if (p.role === 'family') return familyHome(deps, userKey, at);
      return studentHome(deps, p, await deps.records.store.get<Plan>('plans', userKey), at);
    });
  };
}

function welcome(): CardReply {
  return {
    kind: 'card',
    title: t('home.welcome.title'),
    fields: [{ label: t('home.welcome.start'), value: t('home.welcome.value') }],
    text: t('home.welcome.text'),
    questionId: HOME_Q,
    actions: [{ id: 'explore', label: t('home.student.explore') }],
  };
}

/** "Health Services (Health Path)", as "my pathway" says it. */
function pathName(fw: HomeDeps['framework'], pathId: string | undefined): string {
  const path = pathId ? fw.path(pathId) : undefined;
  return path ? t('explore.pathAndNickname', { name: frameworkName('path', path.id, path.name), nickname: pathNickname(path.id, path.nickname) }) : t('home.notChosen');
}

function clusterName(fw: HomeDeps['framework'], id: string | undefined): string {
  const cluster = id ? fw.cluster(id) : undefined;
  return cluster ? frameworkName('cluster', cluster.id, cluster.name) : t('home.notChosen');
}

function pathwayName(fw: HomeDeps['framework'], id: string | undefined): string {
  const pathway = id ? fw.pathway(id) : undefined;
  return pathway ? frameworkName('pathway', pathway.id, pathway.name) : t('home.notChosen');
}

const usable = (plan: Plan | undefined): Plan | undefined => (plan && Array.isArray(plan.versions) && plan.versions.length > 0 ? plan : undefined);

function studentHome(deps: HomeDeps, p: Profile, stored: Plan | undefined, now: Date): CardReply {
  const fw = deps.framework;
  const c = p.choice;
  const plan = usable(stored);
  const status = reviewStatus(plan, deps.reviewPolicy, now);
  const fields: CardField[] = [
    { label: t('home.student.grade'), value: p.grade !== undefined ? capital(gradeLabel(p.grade)) : t('home.student.notSet') },
    { label: t('counselor.view.path'), value: pathName(fw, c?.pathId) },
    { label: t('counselor.view.cluster'), value: clusterName(fw, c?.clusterId) },
    { label: t('counselor.view.pathway'), value: pathwayName(fw, c?.pathwayId) },
    { label: t('home.student.thisYear'), value: thisYearClasses(plan, p.grade) },
    { label: t('home.student.nextCheckIn'), value: nextCheckIn(status) },
  ];
  const actions: Choice[] = [{ id: 'explore', label: t(c ? 'home.student.exploreAgain' : 'home.student.explore') }];
  if (plan) actions.push({ id: 'plan', label: t('home.student.seePlan') });
  else if (c?.pathwayId) actions.push({ id: 'plan', label: t('reminders.student.makePlanButton') });
  if (plan && (status.state === 'due' || status.state === 'overdue')) actions.push({ id: 'plan-review', label: t('home.student.review') });
  return {
    kind: 'card',
    title: t('home.student.title'),
    fields,
    text: fields.map((f) => `${f.label}: ${f.value}`).join('. '),
    questionId: HOME_Q,
    actions,
  };
}

