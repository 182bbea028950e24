/**
 * Fast lookups over a validated Framework: by id, parent/child links, and by the name a person types.
 * Pure. Build it from the result of parseFramework (which guarantees the links are consistent).
 */
import type { CareerPath, Cluster, EssentialTopic, Framework, Pathway } from './framework-types.js';

export type FrameworkEntryKind = 'path' | 'cluster' | 'pathway';

/** One thing a name can point to. */
export type FrameworkEntry =
  | { kind: 'path'; path: CareerPath }
  | { kind: 'cluster'; cluster: Cluster }
  | { kind: 'pathway'; pathway: Pathway };

const KIND_ORDER: Readonly<Record<FrameworkEntryKind, number>> = { path: 0, cluster: 1, pathway: 2 };

/**
 * Makes typed names comparable: case, extra spaces and "&" versus "and" do not matter.
 * "  arts and   COMMUNICATION " and "Arts & Communication" give the same key.
 */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class FrameworkIndex {
  private readonly pathsById = new Map<string, CareerPath>();
  private readonly clustersById = new Map<string, Cluster>();
  private readonly pathwaysById = new Map<string, Pathway>();
  private readonly topicsById = new Map<string, EssentialTopic>();
  private readonly clusterByPathwayId = new Map<string, Cluster>();
  private readonly pathByClusterId = new Map<string, CareerPath>();
  private readonly clustersByPathId = new Map<string, readonly Cluster[]>();
  private readonly entriesByName = new Map<string, FrameworkEntry[]>();
  private readonly allPathways: Pathway[] = [];

  constructor(readonly framework: Framework) {
    for (const topic of framework.essentialKnowledgeAndSkills) this.topicsById.set(topic.id, topic);
    for (const cluster of framework.clusters) {
      this.clustersById.set(cluster.id, cluster);
      for (const pathway of cluster.pathways) {
        this.pathwaysById.set(pathway.id, pathway);
        this.allPathways.push(pathway);
        this.clusterByPathwayId.set(pathway.id, cluster);
      }
    }
    for (const path of framework.paths) {
      this.pathsById.set(path.id, path);
      const clusters = path.clusterIds
        .map((id) => this.clustersById.get(id))
        .filter((c): c is Cluster => c !== undefined);
      this.clustersByPathId.set(path.id, clusters);
      for (const cluster of clusters) this.pathByClusterId.set(cluster.id, path);
    }
    this.indexNames();
  }

  /** The 6 (or so) career paths, in file order. */
  get paths(): readonly CareerPath[] {
    return this.framework.paths;
  }

  /** Every cluster, in file order. */
  get clusters(): readonly Cluster[] {
    return this.framework.clusters;
  }

  /** Every pathway of every cluster, in file order. */
  get pathways(): readonly Pathway[] {
    return this.allPathways;
  }

  get essentialTopics(): readonly EssentialTopic[] {
    return this.framework.essentialKnowledgeAndSkills;
  }

  path(id: string): CareerPath | undefined {
    return this.pathsById.get(id);
  }

  cluster(id: string): Cluster | undefined {
    return this.clustersById.get(id);
  }

  pathway(id: string): Pathway | undefined {
    return this.pathwaysById.get(id);
  }

  essentialTopic(id: string): EssentialTopic | undefined {
    return this.topicsById.get(id);
  }

  clusterOfPathway(pathwayId: string): Cluster | undefined {
    return this.clusterByPathwayId.get(pathwayId);
  }

  pathOfCluster(clusterId: string): CareerPath | undefined {
    return this.pathByClusterId.get(clusterId);
  }

  /** The clusters of a path in the path's own order; empty for an unknown path id. */
  clustersOfPath(pathId: string): readonly Cluster[] {
    return this.clustersByPathId.get(pathId) ?? [];
  }

  /**
   * Everything whose id, exact name or nickname matches what a person typed (see nameKey).
   * A path's nickname also matches without its last word "Path" ("Creative" finds "Creative Path").
   * Ordered path, cluster, pathway: "Human Services" is both a path and a cluster.
   */
  findAllByName(text: string, kind?: FrameworkEntryKind): readonly FrameworkEntry[] {
    const found = this.entriesByName.get(nameKey(text)) ?? [];
    return kind === undefined ? found : found.filter((e) => e.kind === kind);
  }

  /**
   * The one path, cluster or pathway a typed name means, or undefined. When a name fits more than
   * one kind, the broadest wins (path, then cluster, then pathway); pass `kind` to pick one.
   */
  findByName(text: string, kind?: FrameworkEntryKind): FrameworkEntry | undefined {
    return this.findAllByName(text, kind)[0];
  }

  private indexNames(): void {
    for (const path of this.framework.paths) {
      const entry: FrameworkEntry = { kind: 'path', path };
      const shortNickname = path.nickname.replace(/\s+path\s*$/i, '');
      for (const key of [path.id, path.name, path.nickname, shortNickname]) this.addName(key, entry);
    }
    for (const cluster of this.framework.clusters) {
      const entry: FrameworkEntry = { kind: 'cluster', cluster };
      for (const key of [cluster.id, cluster.name]) this.addName(key, entry);
      for (const pathway of cluster.pathways) {
        const pathwayEntry: FrameworkEntry = { kind: 'pathway', pathway };
        for (const key of [pathway.id, pathway.name]) this.addName(key, pathwayEntry);
      }
    }
    for (const entries of this.entriesByName.values()) {
      entries.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    }
  }

  private addName(name: string, entry: FrameworkEntry): void {
    const key = nameKey(name);
    if (key === '') return;
    const entries = this.entriesByName.get(key);
    if (entries === undefined) {
      this.entriesByName.set(key, [entry]);
      return;
    }
    // The same entry can be reached by two keys that normalise alike (e.g. name and nickname).
    if (!entries.some((e) => sameEntry(e, entry))) entries.push(entry);
  }
}

function sameEntry(a: FrameworkEntry, b: FrameworkEntry): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'path' && b.kind === 'path') return a.path.id === b.path.id;
  if (a.kind === 'cluster' && b.kind === 'cluster') return a.cluster.id === b.cluster.id;
  return a.kind === 'pathway' && b.kind === 'pathway' && a.pathway.id === b.pathway.id;
}
