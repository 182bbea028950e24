/**
 * The documents the matcher indexes, built from the framework, our occupations, our pathway
 * keywords and (optionally) the O*NET import. Each document points at the pathways and
 * clusters it is evidence for, and carries a weight: our own occupations count most,
 * O*NET entries least.
 */
import type { Framework } from '../framework-types.js';
import type { OccupationData } from './occupation-types.js';

export type DocumentKind = 'occupation' | 'onet' | 'pathway' | 'cluster' | 'keyword' | 'interest';

export interface SearchDocument {
  id: string;
  kind: DocumentKind;
  /** Occupation id, O*NET code, pathway id, cluster id, or the keyword/interest phrase. */
  ref: string;
  /** Evidence for these pathways (first = best fit). */
  pathwayIds: string[];
  /** Evidence for these clusters (first = best fit). */
  clusterIds: string[];
  weight: number;
  title: string;
  names: string;
  words: string;
  description: string;
}

export const SEARCH_FIELDS = ['title', 'names', 'words', 'description'] as const;
export const FIELD_BOOSTS = { title: 3, names: 2.5, words: 2.5, description: 0.6 };
/** When the student states an interest, the words students use count most. */
export const INTEREST_FIELD_BOOSTS = { title: 1.2, names: 1, words: 3, description: 0.6 };

export const KIND_WEIGHTS: Record<DocumentKind, number> = {
  occupation: 1,
  keyword: 0.8,
  interest: 0.8,
  pathway: 0.9,
  cluster: 0.7,
  onet: 0.45,
};

const usable = (description: string): string => (description.trim() === 'TODO' ? '' : description);

export function buildSearchDocuments(framework: Framework, data: OccupationData): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const clusterOfPathway = new Map<string, string>();
  for (const cluster of framework.clusters) {
    docs.push({
      id: `cluster:${cluster.id}`, kind: 'cluster', ref: cluster.id, pathwayIds: [], clusterIds: [cluster.id],
      weight: KIND_WEIGHTS.cluster, title: cluster.name, names: '', words: '', description: usable(cluster.description),
    });
    for (const pathway of cluster.pathways) {
      clusterOfPathway.set(pathway.id, cluster.id);
      docs.push({
        id: `pathway:${pathway.id}`, kind: 'pathway', ref: pathway.id, pathwayIds: [pathway.id],
        clusterIds: [cluster.id], weight: KIND_WEIGHTS.pathway, title: pathway.name,
        names: pathway.exampleOccupations.join(' ; '), words: '', description: usable(pathway.description),
      });
    }
  }
  const clustersOf = (pathwayIds: string[]): string[] => [
    ...new Set(pathwayIds.map((p) => clusterOfPathway.get(p)).filter((c): c is string => c !== undefined)),
  ];

  for (const [pathwayId, lists] of Object.entries(data.keywords)) {
    const clusterId = clusterOfPathway.get(pathwayId);
    if (clusterId === undefined) continue;
    lists.keywords.forEach((phrase, i) => docs.push({
      id: `keyword:${pathwayId}:${i}`, kind: 'keyword', ref: phrase, pathwayIds: [pathwayId], clusterIds: [clusterId],
      weight: KIND_WEIGHTS.keyword, title: phrase, names: '', words: '', description: '',
    }));
    lists.interests.forEach((phrase, i) => docs.push({
      id: `interest:${pathwayId}:${i}`, kind: 'interest', ref: phrase, pathwayIds: [pathwayId], clusterIds: [clusterId],
      weight: KIND_WEIGHTS.interest, title: '', names: '', words: phrase, description: '',
    }));
  }

  (data.interestPhrases ?? []).forEach(({ phrase, clusterIds }, i) => {
    const known = clusterIds.filter((c) => framework.clusters.some((cl) => cl.id === c));
    if (known.length === 0) return;
    docs.push({
      id: `interest-item:${i}`, kind: 'interest', ref: phrase, pathwayIds: [], clusterIds: known,
      weight: KIND_WEIGHTS.interest, title: '', names: '', words: phrase, description: '',
    });
  });

  for (const occ of data.occupations) {
    const pathwayIds = occ.pathwayIds.filter((p) => clusterOfPathway.has(p));
    docs.push({
      id: `occupation:${occ.id}`, kind: 'occupation', ref: occ.id, pathwayIds, clusterIds: clustersOf(pathwayIds),
      weight: KIND_WEIGHTS.occupation, title: occ.title, names: occ.otherNames.join(' ; '),
      words: occ.studentWords.join(' ; '), description: occ.description,
    });
  }

  for (const occ of data.onet?.occupations ?? []) {
    const pathwayIds = occ.pathwayIds.filter((p) => clusterOfPathway.has(p));
    const clusterIds = [...new Set([...clustersOf(pathwayIds), ...occ.clusterIds])];
    if (clusterIds.length === 0) continue;
    docs.push({
      id: `onet:${occ.code}`, kind: 'onet', ref: occ.code, pathwayIds, clusterIds, weight: KIND_WEIGHTS.onet,
      title: occ.title, names: occ.alternateTitles.join(' ; '), words: '', description: '',
    });
  }
  return docs;
}
