/**
 * What the plan feature says in the chat (the domain's views say the plan itself; the plan flow's
 * questions are in flows/plan-replies.ts).
 */
import { text, type QuestionReply, type Reply, type TextReply } from '../../domain/messages.js';
import type { Pathway } from '../../domain/framework-types.js';
import { gradeName } from '../../domain/plan/index.js';

export const GOAL_Q = 'plan:goal';
export const NO_PATHWAY_Q = 'plan:no-pathway';
export const PICK_PATHWAY_Q = 'plan:pathway';
export const REDRAFT_Q = 'plan:redraft';

/** The flow that holds plan conversations of more than one step (flows/plan.ts). */
export const PLAN_FLOW = 'plan';

export const say = {
  drafted: (pathway: string, firstGrade: number): TextReply =>
    text(
      `I made a first draft of your Plan of Study (your map of classes and activities) for ${pathway}, ` +
        `from ${gradeName(firstGrade)} grade to 2 years after high school. It's a starting point, not a promise: you can change anything, any time.`,
    ),
  noPathway: (): QuestionReply => ({
    kind: 'question',
    questionId: NO_PATHWAY_Q,
    text: "A Plan of Study is built around a Career Pathway (a group of jobs that use the same skills), and you haven't picked one yet. Want to explore careers first?",
    choices: [
      { id: 'explore', label: 'Explore careers' },
      { id: 'not-now', label: 'Not now' },
    ],
  }),
  pickPathway: (cluster: string, pathways: readonly Pathway[]): QuestionReply => ({
    kind: 'question',
    questionId: PICK_PATHWAY_Q,
    text: `You chose ${cluster}. A plan needs one Career Pathway inside it. Which one sounds most like you? You can change it later.`,
    choices: [...pathways.map((p) => ({ id: `pathway:${p.id}`, label: p.name })), { id: 'explore', label: 'Explore careers again' }],
  }),
  tooYoung: (): TextReply =>
    text(
      'Plans of Study start in 6th or 7th grade. For now, the best thing to do is explore: try the quick questions (type explore) and talk about jobs you like with your family.',
    ),
  needGrade: (): TextReply => text('First, tell me a little about you so I can make a plan that fits your grade.'),
  notStudent: (): TextReply =>
    text("Plans of Study are made with each student. If you're a student, type change my role. Family members and counselors can see a plan once the student links them."),
  noPlan: (): TextReply => text("You don't have a Plan of Study yet. Type plan and I'll draft one with you."),
  goalQuestion: (suggestions: string[]): QuestionReply => ({
    kind: 'question',
    questionId: GOAL_Q,
    text: 'One more thing: what would you like to do after high school? Pick an idea or type your own, like "my goal is a bachelor\'s in engineering". You can change it later.',
    choices: [
      ...suggestions.slice(0, 4).map((s, i) => ({ id: `goal:${i}`, label: s })),
      { id: 'own', label: "I'll type my own" },
      { id: 'later', label: 'Decide later' },
    ],
  }),
  staleProposal: (): TextReply => text("That change is no longer waiting, so I didn't make it. Tell me again if you still want it."),
  nothingToUndo: (): TextReply =>
    text("There's no plan change to undo. To go back one step in what we're doing, type back."),
  noExportFolder: (): TextReply =>
    text("Sorry, I can't save files here. Ask whoever runs Waypoint to set up a data folder, then try again."),
  exported: (): TextReply => text('Here is your whole plan, ready to print or to open in a spreadsheet. Nothing in it is final.'),
  exportFailed: (): TextReply => text("Sorry, I couldn't save your plan as a file just now. Your plan is safe. Please try again in a little while."),
  checkIntro: (): TextReply => text('I checked your plan against what you need to graduate and the order classes come in.'),
  howToFix: (): TextReply =>
    text('To fix one, tell me in your own words, like "add Algebra I in 9th", or say "undo" to take back your last change. Your counselor can help, too.'),
  allGood: (): TextReply =>
    text('Your plan has everything it needs for graduation, and the classes are in an order that works. Nice!'),
  reviewSaved: (day: string, changes: string[], first: boolean): TextReply =>
    text(
      `Review saved on ${day}. ${changes.length === 0 ? `No changes since the ${first ? 'draft' : 'last review'}.` : `Changes since the ${first ? 'draft' : 'last review'}: ${changes.length}.`} ` +
        "Your counselor can see it. Let's look again next term. Plans change every year, and that's normal.",
    ),
  noReviewWaiting: (): TextReply => text('There is no review going on right now. Type review my plan to start one.'),
  redraftQuestion: (planPathway: string, chosen: string): QuestionReply => ({
    kind: 'question',
    questionId: REDRAFT_Q,
    text: `Your plan is for ${planPathway}, but you've since chosen ${chosen}. Want a new draft for ${chosen}? Your old plan stays in its history.`,
    choices: [
      { id: 'yes', label: 'Yes, make a new draft' },
      { id: 'no', label: 'No, keep this plan' },
    ],
  }),
  redrafted: (pathway: string): TextReply =>
    text(`Done: your plan is now drafted for ${pathway}. I kept your goal. Say "undo" to go back to the old plan.`),
  keptPlan: (): TextReply => text('Okay, your plan stays as it is.'),
};

export type Replies = Reply[];
