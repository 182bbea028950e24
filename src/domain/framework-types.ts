/** The shape of a career framework file (data/frameworks/*.json). Validated by parse-framework.ts. */

export interface Pathway {
  /** "<clusterId>.<slug>", e.g. "health-science.therapeutic-services" */
  id: string;
  /** Exactly as in the state's booklet. */
  name: string;
  /** One plain sentence a 12-year-old understands. Our own words. */
  description: string;
  /** At least 3 example occupations, plain names. Our own list. */
  exampleOccupations: string[];
}

export interface Cluster {
  id: string;
  name: string;
  pathId: string;
  description: string;
  pathways: Pathway[];
}

export interface CareerPath {
  id: string;
  name: string;
  /** "Creative Path" */
  nickname: string;
  description: string;
  clusterIds: string[];
}

export interface EssentialTopic {
  id: string;
  name: string;
  description: string;
}

export interface Framework {
  id: string;
  name: string;
  version: number;
  essentialKnowledgeAndSkills: EssentialTopic[];
  paths: CareerPath[];
  clusters: Cluster[];
}
