/**
 * What the plan feature says in the chat (the domain's views say the plan itself; the plan flow's
 * questions are in flows/plan-replies.ts).
 */
import { text, type QuestionReply, type Reply, type TextReply } from '../../domain/messages.js';
import { gradeName } from '../../domain/plan/index.js';
import { dataPhrase } from '../../i18n/plan-data-words.js';
import { t } from '../../i18n/t.js';

export const GOAL_Q = 'plan:goal';
export const NO_PATHWAY_Q = 'plan:no-pathway';
export const PICK_PATHWAY_Q = 'plan:pathway';
export const REDRAFT_Q = 'plan:redraft';

/** The flow that holds plan conversations of more than one step (flows/plan.ts). */
export const PLAN_FLOW = 'plan';

export const say = {
  drafted: (pathway: string, firstGrade: number): TextReply => text(t('plan.say.drafted', { pathway, grade: gradeName(firstGrade) })),
  noPathway: (): QuestionReply => ({
    kind: 'question',
    questionId: NO_PATHWAY_Q,
    text: t('plan.say.noPathway'),
    choices: [
      { id: 'explore', label: t('plan.say.exploreCareers') },
      { id: 'not-now', label: t('plan.say.notNow') },
    ],
  }),
  /** `cluster` and the pathways' names as they are said (frameworkName). */
  pickPathway: (cluster: string, pathways: readonly { id: string; name: string }[]): QuestionReply => ({
    kind: 'question',
    questionId: PICK_PATHWAY_Q,
    text: t('plan.say.pickPathway', { cluster }),
    choices: [...pathways.map((p) => ({ id: `pathway:${p.id}`, label: p.name })), { id: 'explore', label: t('plan.say.exploreAgain') }],
  }),
  tooYoung: (): TextReply => text(t('plan.say.tooYoung')),
  needGrade: (): TextReply => text(t('plan.say.needGrade')),
  notStudent: (): TextReply => text(t('plan.say.notStudent')),
  noPlan: (): TextReply => text(t('plan.say.noPlan')),
  goalQuestion: (suggestions: string[]): QuestionReply => ({
    kind: 'question',
    questionId: GOAL_Q,
    text: t('plan.say.goalQuestion'),
    choices: [
      ...suggestions.slice(0, 4).map((s, i) => ({ id: `goal:${i}`, label: dataPhrase(s) })),
      { id: 'own', label: t('plan.say.typeOwn') },
      { id: 'later', label: t('plan.say.decideLater') },
    ],
  }),
  staleProposal: (): TextReply => text(t('plan.say.staleProposal')),
  nothingToUndo: (): TextReply => text(t('plan.say.nothingToUndo')),
  noExportFolder: (): TextReply => text(t('plan.say.noExportFolder')),
  exported: (): TextReply => text(t('plan.say.exported')),
  exportFailed: (): TextReply => text(t('plan.say.exportFailed')),
  checkIntro: (): TextReply => text(t('plan.say.checkIntro')),
  howToFix: (): TextReply => text(t('plan.say.howToFix')),
  allGood: (): TextReply => text(t('plan.say.allGood')),
  reviewSaved: (day: string, changes: string[], first: boolean): TextReply => {
    const key = `plan.say.reviewSaved${changes.length === 0 ? 'NoChanges' : 'Changes'}${first ? 'Draft' : 'Review'}`;
    return text(t(key, { day, n: changes.length }));
  },
  noReviewWaiting: (): TextReply => text(t('plan.say.noReviewWaiting')),
  redraftQuestion: (planPathway: string, chosen: string): QuestionReply => ({
    kind: 'question',
    questionId: REDRAFT_Q,
    text: t('plan.say.redraftQuestion', { planPathway, chosen }),
    choices: [
      { id: 'yes', label: t('plan.say.redraftYes') },
      { id: 'no', label: t('plan.say.redraftNo') },
    ],
  }),
  redrafted: (pathway: string): TextReply => text(t('plan.say.redrafted', { pathway })),
  keptPlan: (): TextReply => text(t('plan.say.keptPlan')),
  noPathwayLater: (): TextReply => text(t('plan.say.noPathwayLater')),
  noPlanToShow: (): TextReply => text(t('plan.say.noPlanToShow')),
  whichGradeClasses: (): TextReply => text(t('plan.say.whichGradeClasses')),
  nextYearLead: (): string => t('plan.say.nextYearLead'),
  changeHow: (): TextReply => text(t('plan.say.changeHow')),
  exportedPdf: (): string => t('plan.say.exportedPdf'),
  exportedCsv: (): string => t('plan.say.exportedCsv'),
};

export type Replies = Reply[];
