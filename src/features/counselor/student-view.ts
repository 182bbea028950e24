/**
 * "show student <id or name>": one student's profile, plan summary, plan check problems and
 * review history. Anyone may ask, but the access rule decides: a counselor sees their caseload,
 * a family member their linked students, a student themself. Everything else gets the same
 * "I can't share that" (logged and audited).
 */
import { distinctLabels } from '../../domain/distinct-labels.js';
import { gradeLabel } from '../../domain/grade.js';
import { text, type CardReply, type Reply } from '../../domain/messages.js';
import { checkPlan, currentVersion, planHeader, type Plan } from '../../domain/plan/index.js';
import type { Profile } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';
import { checkAccess, denyAccess, viewerLinks, viewerOf } from '../people/links.js';
import { studentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { counselorExtras } from './counselor-student-extras.js';
import { updateFocus } from './counselor-focus.js';
import { findStudents } from './student-search.js';
import { statusWords } from './student-status.js';
import { audit } from '../people/audit.js';
import { dateWords } from '../../i18n/date-words.js';

export const PICK_STUDENT_Q = 'counselor:pick-student';
const KEY = /^([a-z]+):(\S{1,100})$/i;

/** The students this viewer could look up by name. */
async function visibleStudents(ctx: TurnContext): Promise<string[]> {
  const v = viewerOf(ctx);
  if (v.role === 'student') return [v.key];
  const links = await viewerLinks(ctx.records.store, v);
  return v.role === 'family' ? [...links.linkedStudents] : v.role === 'counselor' && links.authorisedCounselor ? [...links.caseload] : [];
}

async function findByName(ctx: TurnContext, name: string): Promise<string[]> {
  const keys = await visibleStudents(ctx);
  const profiles = await Promise.all(keys.map((k) => ctx.records.profile(k)));
  const rows = keys.map((key, i) => ({ key, ...(profiles[i]?.displayName ? { name: profiles[i]!.displayName! } : {}) }));
  const found = findStudents(rows, name);
  const exact = found.filter((r) => r.name?.toLowerCase() === name.trim().toLowerCase());
  if (found.length > 0) return (exact.length === 1 ? exact : found).map((r) => r.key);
  // "whats going on with ava", "lets see sam r": the words that are, each on its own, a student's name.
  const byWord = new Map<string, (typeof rows)[number]>();
  for (const word of name.toLowerCase().split(/[^a-z0-9'’-]+/).filter((w) => w.length >= 2)) {
    for (const r of findStudents(rows, word.replace(/['’]s$/, ''), { strict: true })) byWord.set(r.key, r);
  }
  return [...byWord.keys()];
}

export async function studentViewReplies(ctx: TurnContext, key: string, deps: CounselorDeps): Promise<Reply[]> {
  const store = ctx.records.store;
  const policy = await deps.reviewPolicy();
  const [row, plan, profile] = await Promise.all([
    studentRow(store, key, deps.framework, policy, ctx.now),
    store.get<Plan>('plans', key),
    store.get<Profile>('profiles', key),
  ]);
  const who = row.name ?? key;
  const choice = profile?.choice;
  const named = (part: 'path' | 'cluster' | 'pathway', id: string | undefined, official: string | undefined) =>
    official === undefined ? t('counselor.view.notChosen') : id ? frameworkName(part, id, official) : official;
  const card: CardReply = {
    kind: 'card',
    title: who,
    fields: [
      { label: t('counselor.view.id'), value: key },
      { label: t('counselor.view.grade'), value: row.grade !== undefined ? gradeLabel(row.grade) : t('counselor.view.notSet') },
      { label: t('counselor.view.path'), value: named('path', choice?.pathId, row.path) },
      { label: t('counselor.view.cluster'), value: named('cluster', row.clusterId, row.cluster) },
      { label: t('counselor.view.pathway'), value: named('pathway', row.pathwayId, row.pathway) },
      { label: t('counselor.view.lastChat'), value: row.lastActivity ? dateWords(row.lastActivity) : t(profile ? 'counselor.view.notYet' : 'counselor.view.neverChatted') },
    ],
    text: '',
  };
  card.text = [card.title, ...card.fields.map((f) => `${f.label}: ${f.value}`)].join('\n');
  const out: Reply[] = [card];
  const counselor = ctx.profile()?.role === 'counselor';
  if (!plan || plan.versions.length === 0) {
    out.push(text(t('counselor.view.noPlan', { who })));
    if (counselor) out.push(...(await counselorExtras(ctx, deps, row)));
    return out;
  }
  const header = planHeader(plan, deps.framework.framework);
  const v = currentVersion(plan);
  out.push(text(t('counselor.view.plan', { pathway: header.pathway, cluster: header.cluster, goal: header.goal || t('counselor.view.notChosen'), version: v.number, date: dateWords(v.at) })));
  const requirements = await deps.requirements();
  if (requirements) {
    const problems = checkPlan(plan, requirements);
    out.push(text(problems.length === 0 ? t('counselor.view.checkNothing') : [t('counselor.view.checkToFix', { n: problems.length }), ...problems.map((p) => `- ${p.message}`)].join('\n')));
  }
  const reviews = plan.reviews.map((r) => `- ${t('counselor.view.reviewLine', { date: dateWords(r.at), version: r.version })}`);
  const state = row.status.overdue ? t('counselor.view.since', { status: statusWords(row), since: dateWords(row.status.overdue.since) }) : statusWords(row);
  const count = reviews.length === 0 ? t('counselor.view.noneYet') : String(reviews.length);
  out.push(text([t('counselor.view.reviews', { n: count, state }), ...reviews.slice(-10)].join('\n')));
  if (counselor) out.push(...(await counselorExtras(ctx, deps, row, plan)));
  return out;
}

export function studentViewCommand(deps: CounselorDeps): Command {
  return {
    id: 'show-student',
    intents: ['show-student'],
    get help() {
      return t('counselor.help.showStudent');
    },
    helpFor: ['counselor'],
    questionIds: [PICK_STUDENT_Q],
    matches: (words) => /^(show|see|view|open|look up) (student|child|kid) \S/.test(words),
    run: async (ctx, input) => {
      if (!ctx.profile()) return;
      let key: string | undefined;
      if (input.questionId === PICK_STUDENT_Q) key = input.choiceId;
      else {
        const asked = (input.text ?? '')
          .replace(/^\s*(?:can you |could you |please |pls )?(?:show|see|view|open|look up|lookup|pull up|find|check on|check|get)\s+(?:me\s+)?(?:the\s+)?(?:student|child|kid)?\s*/i, '')
          .replace(/^(?:info|record|profile|file|details)\s+(?:on|for)\s+/i, '')
          .replace(/['’]s\s+(?:plan|record|profile|file|info)\s*$/i, '')
          .replace(/[?!.]+$/, '')
          .trim();
        const m = KEY.exec(asked);
        if (m) key = `${m[1]!.toLowerCase()}:${m[2]}`;
        else {
          const found = await findByName(ctx, asked);
          if (found.length > 1) {
            const people = await Promise.all(found.slice(0, 10).map((k) => ctx.records.profile(k)));
            const labels = distinctLabels(
              people.map((p) => ({ ...(p?.displayName ? { name: p.displayName } : {}), ...(p?.grade !== undefined ? { detail: gradeLabel(p.grade) } : {}) })),
              (n) => t('counselor.unnamedStudent', { n }),
            );
            ctx.say({ kind: 'question', questionId: PICK_STUDENT_Q, text: t('counselor.whichOne'), choices: found.slice(0, 10).map((k, i) => ({ id: k, label: labels[i]! })) });
            return;
          }
          key = found[0];
        }
      }
      if (!key) return denyAccess(ctx, undefined, deps.logger);
      if (!(await checkAccess(ctx, key, deps.logger))) return;
      await showStudent(ctx, key, deps);
    },
  };
}

/** One student's view for someone allowed to see it (checked by the caller); audited when it is not the student. */
export async function showStudent(ctx: TurnContext, key: string, deps: CounselorDeps): Promise<void> {
  if (key !== ctx.userKey) await audit(ctx.records.store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'student-viewed', subject: key });
  if (ctx.profile()?.role === 'counselor') await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey: key, studentAt: ctx.now.toISOString() });
  ctx.say(...(await studentViewReplies(ctx, key, deps)));
}
