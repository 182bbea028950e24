/**
 * Explore: adaptive interest questions -> ranked Career Paths and Clusters with reasons -> a look at
 * a cluster -> a chosen Career Pathway (grades 7 and up), cluster (grade 6) or path (K-5).
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { FrameworkIndex } from '../src/domain/framework-index.js';
import type { InterestItem } from '../src/domain/interest-items.js';
import { chooseNextItem, questionLimit } from '../src/domain/choose-next-item.js';
import { scoreInterests, type Answer } from '../src/domain/score-interests.js';
import { gradeBand, type Grade } from '../src/domain/grade.js';
import { text, type QuestionReply } from '../src/domain/messages.js';
import { t } from '../src/i18n/t.js';
import { itemsInLanguage, type SpanishItemWords } from '../src/domain/interest-items-es.js';
import { effect, reply, type FlowEmitted, type FlowEvent, type FlowOutput } from './flow-protocol.js';
import * as say from './explore-replies.js';

export const EXPLORE_VERSION = 1;

export interface ExploreInput {
  grade: Grade;
  /** Open straight at one cluster (e.g. after "I want to be a vet"). */
  focusClusterId?: string;
  /** Earlier answers ("change my pathway"): open at their results instead of asking again. */
  answers?: Answer[];
}

interface Ctx {
  grade: Grade;
  answers: Answer[];
  clusterId?: string;
  pathId?: string;
}

export interface ExploreDeps {
  framework: FrameworkIndex;
  items: InterestItem[];
  /** Whether the plan feature is there to offer after a pathway is chosen. */
  canPlan: boolean;
  /** Spanish words of the items (data/es/interest-items.json), said in a Spanish turn. */
  spanishItems?: SpanishItemWords;
}

const choice = (e: FlowEvent) => (e.type === 'ANSWER' ? e.choiceId : '');

/**
 * An interest question made again in the turn's language (after a switch to another language),
 * with the same number and the same "up to" count. Other explore questions are asked as they were.
 */
export function askExploreAgain({ items, spanishItems }: Pick<ExploreDeps, 'items' | 'spanishItems'>) {
  return (question: QuestionReply): QuestionReply | undefined => {
    const item = itemsInLanguage(items, spanishItems).find((i) => say.itemQuestionId(i.id) === question.questionId);
    const progress = question.progress;
    return item && progress ? say.itemQuestion(item, progress.index, progress.total) : undefined;
  };
}

export function createExploreMachine({ framework, items: englishItems, canPlan, spanishItems }: ExploreDeps) {
  const fw = framework.framework;
  const byId = new Map(englishItems.map((i) => [i.id, i]));
  // The same questions (same ids, order and scoring) in the turn's language; reasons quote its words.
  const items = () => itemsInLanguage(englishItems, spanishItems);
  // The guard and the action of one step ask the same question of the same answers: compute once.
  const nextMemo = new WeakMap<Answer[], ReturnType<typeof chooseNextItem> | null>();
  const resultMemo = new WeakMap<Answer[], ReturnType<typeof scoreInterests>>();
  const next = (c: Ctx) => {
    if (!nextMemo.has(c.answers)) nextMemo.set(c.answers, chooseNextItem(fw, englishItems, c.answers, c.grade) ?? null);
    return nextMemo.get(c.answers) ?? undefined;
  };
  const result = (c: Ctx) => {
    let r = resultMemo.get(c.answers);
    if (!r) resultMemo.set(c.answers, (r = scoreInterests(fw, items(), c.answers)));
    return r;
  };
  const awareness = (c: Ctx) => gradeBand(c.grade) === 'awareness';
  // The intro promises at most this many questions and every question counts against the same number.
  const limit = (c: Ctx) => questionLimit(englishItems, c.grade);
  const question = (c: Ctx) => say.itemQuestion(items().find((i) => i.id === next(c)!.id)!, c.answers.length + 1, limit(c));
  // An answer's new list is made once, so the guard that looks ahead and the action that keeps it
  // share it (and with it the choice of the next question).
  const answeredMemo = new WeakMap<FlowEvent, { before: Answer[]; after: Answer[] }>();
  const withAnswer = (c: Ctx, e: FlowEvent): Answer[] => {
    const known = answeredMemo.get(e);
    if (known && known.before === c.answers) return known.after;
    const itemId = e.type === 'ANSWER' ? e.questionId.replace(/^interest:/, '') : '';
    const after = e.type === 'ANSWER' && byId.has(itemId) ? [...c.answers, { itemId, value: e.choiceId }] : c.answers;
    answeredMemo.set(e, { before: c.answers, after });
    return after;
  };
  const canChoosePathway = (c: Ctx) => !awareness(c) && c.grade >= 7;
  const hasResults = (c: Ctx) => c.answers.length > 0;

  return setup({
    types: {
      context: {} as Ctx,
      events: {} as FlowEvent,
      input: {} as ExploreInput,
      output: {} as FlowOutput,
      emitted: {} as FlowEmitted,
    },
    guards: {
      finished: ({ context }) => next(context) === undefined,
      finishedWithAnswer: ({ context, event }) => next({ ...context, answers: withAnswer(context, event) }) === undefined,
      hasAnswers: ({ context }) => context.answers.length > 0,
      focused: ({ context }) => context.clusterId !== undefined,
      isAwareness: ({ context }) => awareness(context),
      picks: ({ event }, prefix: string) => choice(event).startsWith(prefix),
      is: ({ event }, id: string) => choice(event) === id,
    },
    actions: {
      addAnswer: assign({ answers: ({ context, event }) => withAnswer(context, event) }),
      askNext: emit(({ context }) => {
        const q = question(context);
        return context.answers.length === 0 ? reply(say.introReply(limit(context)), q) : reply(q);
      }),
      savePathway: enqueueActions(({ context, event, enqueue }) => {
        const pathwayId = choice(event).slice('pathway:'.length);
        const clusterId = framework.clusterOfPathway(pathwayId)!.id;
        const pathId = framework.pathOfCluster(clusterId)!.id;
        enqueue.emit(effect({ kind: 'save-choice', pathId, clusterId, pathwayId }));
        enqueue.emit(reply(...say.chosenReplies(framework, { pathwayId, clusterId }, canPlan, hasResults(context))));
      }),
      saveCluster: enqueueActions(({ context, enqueue }) => {
        const clusterId = context.clusterId!;
        const pathId = framework.pathOfCluster(clusterId)!.id;
        enqueue.emit(effect({ kind: 'save-choice', pathId, clusterId }));
        enqueue.emit(reply(...say.chosenReplies(framework, { clusterId }, false, hasResults(context))));
      }),
      savePath: enqueueActions(({ context, enqueue }) => {
        const pathId = context.pathId!;
        enqueue.emit(effect({ kind: 'save-choice', pathId }));
        enqueue.emit(reply(...say.chosenReplies(framework, { pathId }, false)));
      }),
    },
  }).createMachine({
    id: 'explore',
    context: ({ input }) => ({ grade: input.grade, answers: input.answers ?? [], clusterId: input.focusClusterId }),
    initial: 'start',
    states: {
      start: { always: [{ guard: 'focused', target: 'cluster' }, { target: 'deciding' }] },
      deciding: { always: [{ guard: 'finished', target: 'results' }, { target: 'asking' }] },
      asking: {
        entry: 'askNext',
        on: {
          // Straight to the next question or the results, as going through `deciding` would.
          ANSWER: [
            { guard: 'finishedWithAnswer', target: 'results', actions: 'addAnswer' },
            { target: 'asking', reenter: true, actions: 'addAnswer' },
          ],
          BACK: [
            { guard: 'hasAnswers', target: 'deciding', actions: assign({ answers: ({ context }) => context.answers.slice(0, -1) }) },
            { actions: emit(({ context }) => reply(text(t('explore.firstQuestion')), question(context))) },
          ],
        },
      },
      results: {
        entry: [
          emit(({ context }) => effect({ kind: 'save-interest-result', grade: context.grade, answers: context.answers, result: result(context) })),
          emit(({ context }) =>
            reply(...(awareness(context) ? say.pathResults(framework, result(context)) : say.clusterResults(framework, result(context)))),
          ),
        ],
        on: {
          ANSWER: [
            { guard: { type: 'picks', params: 'cluster:' }, target: 'cluster', actions: assign({ clusterId: ({ event }) => choice(event).slice(8) }) },
            { guard: { type: 'picks', params: 'path:' }, target: 'path', actions: assign({ pathId: ({ event }) => choice(event).slice(5) }) },
            { guard: { type: 'is', params: 'all-clusters' }, target: 'allClusters' },
            { guard: { type: 'is', params: 'retake' }, target: 'deciding', actions: assign({ answers: [] }) },
            { guard: { type: 'is', params: 'done' }, target: 'done' },
          ],
          BACK: [{ guard: 'hasAnswers', target: 'deciding', actions: assign({ answers: ({ context }) => context.answers.slice(0, -1) }) }],
        },
      },
      allClusters: {
        entry: emit(() => reply(say.allClustersQuestion(framework))),
        on: {
          ANSWER: [
            { guard: { type: 'picks', params: 'cluster:' }, target: 'cluster', actions: assign({ clusterId: ({ event }) => choice(event).slice(8) }) },
            { target: 'backToResults' },
          ],
          BACK: 'backToResults',
        },
      },
      cluster: {
        entry: emit(({ context }) => reply(...say.clusterView(framework, context.clusterId!, canChoosePathway(context), hasResults(context)))),
        on: {
          ANSWER: [
            { guard: { type: 'picks', params: 'pathway:' }, target: 'chosen', actions: 'savePathway' },
            { guard: { type: 'is', params: 'choose-cluster' }, target: 'chosen', actions: 'saveCluster' },
            {
              guard: { type: 'is', params: 'more' },
              target: 'cluster',
              actions: emit(({ context }) => reply(...say.clusterJobs(framework, context.clusterId!, canChoosePathway(context), hasResults(context)))),
            },
            { target: 'backToResults' },
          ],
          // Opened straight at this cluster (a job typed in): nothing in this part came before it.
          BACK: [
            { guard: 'hasAnswers', target: 'backToResults' },
            {
              actions: emit(({ context }) =>
                reply(
                  text(t('explore.whereWeStarted')),
                  say.clusterQuestion(framework, context.clusterId!, canChoosePathway(context), true, false),
                ),
              ),
            },
          ],
        },
      },
      path: {
        entry: emit(({ context }) => reply(...say.pathView(framework, context.pathId!))),
        on: {
          ANSWER: [
            { guard: { type: 'is', params: 'choose-path' }, target: 'chosen', actions: 'savePath' },
            { target: 'backToResults' },
          ],
          BACK: 'backToResults',
        },
      },
      chosen: {
        on: {
          ANSWER: [
            { guard: { type: 'is', params: 'plan' }, target: 'done', actions: emit(() => effect({ kind: 'run-command', command: 'plan' })) },
            { guard: { type: 'is', params: 'back-results' }, target: 'backToResults' },
            { target: 'done' },
          ],
          BACK: [{ guard: 'hasAnswers', target: 'backToResults' }, { guard: 'focused', target: 'cluster' }, { target: 'backToResults' }],
        },
      },
      backToResults: { always: [{ guard: 'hasAnswers', target: 'results' }, { target: 'deciding' }] },
      done: { type: 'final', entry: emit(({ event }) => (choice(event) === 'plan' ? reply() : reply(say.doneText()))) },
    },
    output: () => ({}),
  });
}
