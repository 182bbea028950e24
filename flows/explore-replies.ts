/** The words of the explore conversation: pure builders of Replies from framework data and results. */
import { text, type CardReply, type QuestionReply, type Reply } from '../src/domain/messages.js';
import type { FrameworkIndex } from '../src/domain/framework-index.js';
import type { InterestItem } from '../src/domain/interest-items.js';
import { choicesFor } from '../src/domain/interest-items.js';
import type { InterestResult } from '../src/domain/score-interests.js';
import { exampleJobs, frameworkDescription, frameworkName, pathNickname } from '../src/i18n/framework-words.js';
import { t } from '../src/i18n/t.js';

export const RESULTS_Q = 'explore:results';
export const ALL_CLUSTERS_Q = 'explore:all-clusters';
export const CLUSTER_Q = 'explore:cluster';
export const PATH_Q = 'explore:path';
export const CHOSEN_Q = 'explore:chosen';

export const itemQuestionId = (itemId: string) => `interest:${itemId}`;

/** `limit`: the most questions there can be (the quiz may stop sooner, never later). */
export function introReply(limit: number): Reply {
  return text(t('explore.intro', { limit }));
}

/** Question `index` of at most `limit`, the same `limit` the intro promised: "3 of up to 24". */
export function itemQuestion(item: InterestItem, index: number, limit: number): QuestionReply {
  const choices = choicesFor(item);
  return {
    kind: 'question',
    questionId: itemQuestionId(item.id),
    text: item.text,
    // Yes / Maybe / No and "None of these" are ours; a pick's options come with the item's words.
    choices: choices.map((c) => ({ id: c.id, label: item.kind === 'yes-no' ? t(`explore.choice.${c.id}`) : c.id === 'no' ? t('explore.choice.none') : c.label })),
    progress: { index, total: limit, atMost: true },
  };
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Framework words in the turn's language: "Ciencias de la Salud (Health Science)" in Spanish. */
const clusterName = (fw: FrameworkIndex, id: string) => {
  const c = fw.cluster(id);
  return c ? frameworkName('cluster', id, c.name) : id;
};
const pathwayName = (fw: FrameworkIndex, id: string) => {
  const p = fw.pathway(id);
  return p ? frameworkName('pathway', id, p.name) : id;
};
const nickname = (fw: FrameworkIndex, id: string) => {
  const p = fw.path(id);
  return p ? pathNickname(id, p.nickname) : id;
};

/** Grades K-5: the top Career Paths only, in kid words. */
export function pathResults(fw: FrameworkIndex, result: InterestResult): Reply[] {
  const top = result.paths.slice(0, 3);
  const first = top[0];
  const lines = top.map((p, i) => `${i + 1}. ${nickname(fw, p.pathId)}: ${sentence(lowerFirst(p.reason))}`);
  return [
    text(t('explore.pathTopMatch', { path: nickname(fw, first!.pathId) })),
    text(t('explore.topPaths', { lines: lines.join('\n') })),
    {
      kind: 'question',
      questionId: RESULTS_Q,
      text: t('explore.hearMore'),
      choices: [
        ...top.map((p) => ({ id: `path:${p.pathId}`, label: nickname(fw, p.pathId) })),
        { id: 'retake', label: t('explore.retake') },
        { id: 'done', label: t('explore.doneForNow') },
      ],
    },
  ];
}

/** Grades 6 and up: top paths, then the top 3 Career Clusters with the reasons. */
export function clusterResults(fw: FrameworkIndex, result: InterestResult): Reply[] {
  const top = result.clusters.slice(0, 3);
  const best = top[0]!;
  const bestName = clusterName(fw, best.clusterId);
  const homeId = fw.pathOfCluster(best.clusterId)?.id;
  const home = homeId ? nickname(fw, homeId) : result.paths[0]?.pathId;
  const otherPath = result.paths.map((p) => (fw.path(p.pathId) ? nickname(fw, p.pathId) : undefined)).find((n) => n && n !== home);
  const card: CardReply = {
    kind: 'card',
    title: t('explore.topClusters'),
    fields: top.map((c, i) => ({ label: `${i + 1}. ${clusterName(fw, c.clusterId)}`, value: c.reason })),
    text: top.map((c, i) => `${i + 1}. ${clusterName(fw, c.clusterId)}: ${sentence(lowerFirst(c.reason))}`).join('\n'),
  };
  const reason = sentence(lowerFirst(best.reason));
  return [
    text(
      otherPath
        ? t('explore.clusterTopMatchOther', { path: home ?? '', cluster: bestName, reason, other: otherPath })
        : t('explore.clusterTopMatch', { path: home ?? '', cluster: bestName, reason }),
    ),
    text(t('explore.clusterIntro')),
    card,
    {
      kind: 'question',
      questionId: RESULTS_Q,
      text: t('explore.whichOne'),
      choices: [
        ...top.map((c) => ({ id: `cluster:${c.clusterId}`, label: clusterName(fw, c.clusterId) })),
        { id: 'all-clusters', label: t('explore.seeAllClusters') },
        { id: 'retake', label: t('explore.retake') },
      ],
    },
  ];
}

export function allClustersQuestion(fw: FrameworkIndex): QuestionReply {
  return {
    kind: 'question',
    questionId: ALL_CLUSTERS_Q,
    text: t('explore.allClusters'),
    choices: [
      ...fw.framework.clusters.map((c) => ({ id: `cluster:${c.id}`, label: frameworkName('cluster', c.id, c.name) })),
      { id: 'back-results', label: t('explore.backToResults') },
    ],
  };
}

/** One cluster: what it is, its pathways, and (grade 7 up) a pathway to choose. */
export function clusterView(fw: FrameworkIndex, clusterId: string, canChoosePathway: boolean, hasResults = true): Reply[] {
  const c = fw.cluster(clusterId)!;
  const name = frameworkName('cluster', c.id, c.name);
  const description = frameworkDescription('cluster', c.id, c.description);
  const pathways = c.pathways.map((p) => frameworkName('pathway', p.id, p.name)).join('; ');
  const card: CardReply = {
    kind: 'card',
    title: name,
    fields: [
      { label: t('explore.whatItIs'), value: description },
      { label: t('explore.careerPathways'), value: pathways },
    ],
    text: t('explore.clusterText', { name, description, pathways }),
  };
  return [card, clusterQuestion(fw, clusterId, canChoosePathway, true, hasResults)];
}

/** Where "back-results" leads: the results, or (a cluster opened from a job typed in) the questions. */
const resultsLabel = (hasResults: boolean, again = false): string =>
  t(hasResults ? (again ? 'explore.resultsAgain' : 'explore.backToResults') : 'explore.takeQuestions');

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
    ? c.pathways.map((p) => ({ id: `pathway:${p.id}`, label: pathwayName(fw, p.id) }))
    : [{ id: 'choose-cluster', label: t('explore.thisFitsMe') }];
  return {
    kind: 'question',
    questionId: CLUSTER_Q,
    text: t(canChoosePathway ? 'explore.pathwaySoundsLikeYou' : 'explore.clusterSoundsLikeYou'),
    choices: [
      ...choices,
      ...(offerJobs ? [{ id: 'more', label: t('explore.showJobs') }] : []),
      { id: 'back-results', label: resultsLabel(hasResults) },
    ],
  };
}

/** Example jobs for each pathway, then the same question again (its buttons were used up). */
export function clusterJobs(fw: FrameworkIndex, clusterId: string, canChoosePathway: boolean, hasResults = true): Reply[] {
  const c = fw.cluster(clusterId)!;
  const lines = c.pathways.map((p) => `${pathwayName(fw, p.id)}: ${exampleJobs(p.id, p.exampleOccupations).join(', ')}`);
  return [
    text(t('explore.someJobs', { cluster: clusterName(fw, c.id), lines: lines.join('\n') })),
    clusterQuestion(fw, clusterId, canChoosePathway, false, hasResults),
  ];
}

export function pathView(fw: FrameworkIndex, pathId: string): Reply[] {
  const p = fw.path(pathId)!;
  const clusters = p.clusterIds.map((id) => fw.cluster(id)!);
  const jobs = clusters.flatMap((c) => c.pathways.map((pw) => exampleJobs(pw.id, pw.exampleOccupations)[0])).filter(Boolean).slice(0, 6);
  return [
    text(
      t('explore.pathText', {
        nickname: pathNickname(p.id, p.nickname),
        name: frameworkName('path', p.id, p.name),
        description: frameworkDescription('path', p.id, p.description),
      }),
    ),
    text(t('explore.pathJobs', { jobs: jobs.join(', ') })),
    {
      kind: 'question',
      questionId: PATH_Q,
      text: t('explore.whatNext'),
      choices: [
        { id: 'choose-path', label: t('explore.pathFitsMe') },
        { id: 'back-results', label: t('explore.backToResults') },
      ],
    },
  ];
}

/** What was saved: a pathway (grade 7 up), a cluster (grade 6) or a path (K-5). */
export type Chosen = { pathwayId: string; clusterId: string } | { clusterId: string } | { pathId: string };

function savedText(fw: FrameworkIndex, chosen: Chosen): string {
  if ('pathwayId' in chosen) return t('explore.chosenPathway', { pathway: pathwayName(fw, chosen.pathwayId), cluster: clusterName(fw, chosen.clusterId) });
  if ('clusterId' in chosen) return t('explore.chosenCluster', { cluster: clusterName(fw, chosen.clusterId) });
  return t('explore.chosenPath', { path: nickname(fw, chosen.pathId) });
}

export function chosenReplies(fw: FrameworkIndex, chosen: Chosen, canPlan: boolean, hasResults = true): Reply[] {
  return [
    text(savedText(fw, chosen)),
    {
      kind: 'question',
      questionId: CHOSEN_Q,
      text: t('explore.doNext'),
      choices: [
        ...(canPlan ? [{ id: 'plan', label: t('explore.makePlan') }] : []),
        { id: 'back-results', label: resultsLabel(hasResults, true) },
        { id: 'done', label: t('explore.doneForNow') },
      ],
    },
  ];
}

export const doneText = (): Reply => text(t('explore.done'));
