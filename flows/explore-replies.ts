/** The words of the explore conversation: pure builders of Replies from framework data and results. */
import { text, type CardReply, type QuestionReply, type Reply } from '../src/domain/messages.js';
import type { FrameworkIndex } from '../src/domain/framework-index.js';
import type { InterestItem } from '../src/domain/interest-items.js';
import { choicesFor } from '../src/domain/interest-items.js';
import type { InterestResult } from '../src/domain/score-interests.js';

export const RESULTS_Q = 'explore:results';
export const ALL_CLUSTERS_Q = 'explore:all-clusters';
export const CLUSTER_Q = 'explore:cluster';
export const PATH_Q = 'explore:path';
export const CHOSEN_Q = 'explore:chosen';

export const itemQuestionId = (itemId: string) => `interest:${itemId}`;

/** `limit`: the most questions there can be (the quiz may stop sooner, never later). */
export function introReply(limit: number): Reply {
  return text(
    `Let's find jobs you might enjoy. I'll ask up to ${limit} quick questions, ` +
      "and I'll stop early if I can tell what you like before then. " +
      'There are no wrong answers, and nothing is final: you can change your mind any time.',
  );
}

/** Question `index` of at most `limit`, the same `limit` the intro promised: "3 of up to 24". */
export function itemQuestion(item: InterestItem, index: number, limit: number): QuestionReply {
  const choices = choicesFor(item);
  return {
    kind: 'question',
    questionId: itemQuestionId(item.id),
    text: item.text,
    choices: choices.map((c) => ({ id: c.id, label: c.label })),
    progress: { index, total: limit, atMost: true },
  };
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Grades K-5: the top Career Paths only, in kid words. */
export function pathResults(fw: FrameworkIndex, result: InterestResult): Reply[] {
  const top = result.paths.slice(0, 3);
  const first = top[0];
  const lines = top.map((p, i) => `${i + 1}. ${fw.path(p.pathId)?.nickname ?? p.pathId}: ${sentence(lowerFirst(p.reason))}`);
  return [
    text(
      `Your top match is the ${fw.path(first!.pathId)?.nickname}. A Career Path is a big group of jobs that fit together.`,
    ),
    text(`Your top paths:\n${lines.join('\n')}`),
    {
      kind: 'question',
      questionId: RESULTS_Q,
      text: 'Want to hear more about one of them?',
      choices: [
        ...top.map((p) => ({ id: `path:${p.pathId}`, label: fw.path(p.pathId)?.nickname ?? p.pathId })),
        { id: 'retake', label: 'Answer the questions again' },
        { id: 'done', label: "I'm done for now" },
      ],
    },
  ];
}

/** Grades 6 and up: top paths, then the top 3 Career Clusters with the reasons. */
export function clusterResults(fw: FrameworkIndex, result: InterestResult): Reply[] {
  const top = result.clusters.slice(0, 3);
  const best = top[0]!;
  const bestName = fw.cluster(best.clusterId)?.name ?? best.clusterId;
  const home = fw.pathOfCluster(best.clusterId)?.nickname ?? result.paths[0]?.pathId;
  const otherPath = result.paths.map((p) => fw.path(p.pathId)?.nickname).find((n) => n && n !== home);
  const card: CardReply = {
    kind: 'card',
    title: 'Your top Career Clusters',
    fields: top.map((c, i) => ({ label: `${i + 1}. ${fw.cluster(c.clusterId)?.name ?? c.clusterId}`, value: c.reason })),
    text: top.map((c, i) => `${i + 1}. ${fw.cluster(c.clusterId)?.name}: ${sentence(lowerFirst(c.reason))}`).join('\n'),
  };
  return [
    text(
      `Your top match is the ${home}. Inside it, ${bestName} fits you best: ${sentence(lowerFirst(best.reason))}` +
        (otherPath ? ` The ${otherPath} came close too.` : ''),
    ),
    text('A Career Cluster is a family of jobs that use similar skills. Here are your top 3:'),
    card,
    {
      kind: 'question',
      questionId: RESULTS_Q,
      text: 'Which one do you want to look at?',
      choices: [
        ...top.map((c) => ({ id: `cluster:${c.clusterId}`, label: fw.cluster(c.clusterId)?.name ?? c.clusterId })),
        { id: 'all-clusters', label: 'See all 16 clusters' },
        { id: 'retake', label: 'Answer the questions again' },
      ],
    },
  ];
}

export function allClustersQuestion(fw: FrameworkIndex): QuestionReply {
  return {
    kind: 'question',
    questionId: ALL_CLUSTERS_Q,
    text: 'Here are all the Career Clusters. Pick one to look at.',
    choices: [
      ...fw.framework.clusters.map((c) => ({ id: `cluster:${c.id}`, label: c.name })),
      { id: 'back-results', label: 'Back to my results' },
    ],
  };
}

/** One cluster: what it is, its pathways, and (grade 7 up) a pathway to choose. */
export function clusterView(fw: FrameworkIndex, clusterId: string, canChoosePathway: boolean, hasResults = true): Reply[] {
  const c = fw.cluster(clusterId)!;
  const card: CardReply = {
    kind: 'card',
    title: c.name,
    fields: [
      { label: 'What it is', value: c.description },
      { label: 'Career Pathways', value: c.pathways.map((p) => p.name).join('; ') },
    ],
    text: `${c.name}: ${c.description}\nIts Career Pathways (groups of jobs that share skills): ${c.pathways.map((p) => p.name).join('; ')}.`,
  };
  return [card, clusterQuestion(fw, clusterId, canChoosePathway, true, hasResults)];
}

/** Where "back-results" leads: the results, or (a cluster opened from a job typed in) the questions. */
const resultsLabel = (hasResults: boolean, again = false): string =>
  hasResults ? (again ? 'Look at my results again' : 'Back to my results') : 'Take the interest questions';

/**
 * The question under a cluster: its pathways (or "this one fits me"), example jobs, back.
 * `hasResults` false: the cluster was opened straight away, so there are no results to go back to.
 */
export function clusterQuestion(
  fw: FrameworkIndex,
  clusterId: string,
  canChoosePathway: boolean,
  offerJobs: boolean,
  hasResults = true,
): QuestionReply {
  const c = fw.cluster(clusterId)!;
  const choices = canChoosePathway
    ? c.pathways.map((p) => ({ id: `pathway:${p.id}`, label: p.name }))
    : [{ id: 'choose-cluster', label: 'This one fits me' }];
  return {
    kind: 'question',
    questionId: CLUSTER_Q,
    text: canChoosePathway
      ? 'Does one of these pathways sound like you? You can change it later.'
      : 'Does this cluster sound like you? You can change it later.',
    choices: [
      ...choices,
      ...(offerJobs ? [{ id: 'more', label: 'Show example jobs' }] : []),
      { id: 'back-results', label: resultsLabel(hasResults) },
    ],
  };
}

/** Example jobs for each pathway, then the same question again (its buttons were used up). */
export function clusterJobs(fw: FrameworkIndex, clusterId: string, canChoosePathway: boolean, hasResults = true): Reply[] {
  const c = fw.cluster(clusterId)!;
  const lines = c.pathways.map((p) => `${p.name}: ${p.exampleOccupations.join(', ')}`);
  return [text(`Some jobs in ${c.name}:\n${lines.join('\n')}`), clusterQuestion(fw, clusterId, canChoosePathway, false, hasResults)];
}

export function pathView(fw: FrameworkIndex, pathId: string): Reply[] {
  const p = fw.path(pathId)!;
  const clusters = p.clusterIds.map((id) => fw.cluster(id)!);
  const jobs = clusters.flatMap((c) => c.pathways.map((pw) => pw.exampleOccupations[0])).filter(Boolean).slice(0, 6);
  return [
    text(`The ${p.nickname} (${p.name}): ${p.description}`),
    text(`People on this path work as: ${jobs.join(', ')}.`),
    {
      kind: 'question',
      questionId: PATH_Q,
      text: 'What next?',
      choices: [
        { id: 'choose-path', label: 'This path fits me' },
        { id: 'back-results', label: 'Back to my results' },
      ],
    },
  ];
}

export function chosenReplies(what: string, canPlan: boolean, hasResults = true): Reply[] {
  return [
    text(`Saved! You chose ${what}. This is a starting point, not a promise: lots of people change their minds, and that's normal.`),
    {
      kind: 'question',
      questionId: CHOSEN_Q,
      text: 'What would you like to do next?',
      choices: [
        ...(canPlan ? [{ id: 'plan', label: 'Make my plan of study' }] : []),
        { id: 'back-results', label: resultsLabel(hasResults, true) },
        { id: 'done', label: "I'm done for now" },
      ],
    },
  ];
}

export const DONE_TEXT = text('Okay! Everything is saved. Say hi any time to pick up again, or type help to see what I can do.');
