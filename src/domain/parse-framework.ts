/**
 * Validates a career framework file (data/frameworks/*.json) and returns it as a Framework.
 * Pure: takes already-parsed JSON. Every problem becomes a DataFileError that names the file and
 * the JSON path, e.g. `data/frameworks/missouri.json: $.clusters[3].pathways[0].name is required`.
 */
import { z } from 'zod';
import { DataFileError, jsonPath } from './data-file-error.js';
import type { Framework } from './framework-types.js';

/** How many problems one error message lists before it says "and N more". */
const MAX_LISTED_PROBLEMS = 5;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PATHWAY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().refine((s) => s.trim() !== '', { message: 'must not be empty' });
const slugId = text.refine((s) => SLUG.test(s), {
  message: 'must be lower-case letters, digits and dashes (like "health-science")',
});
const pathwayId = text.refine((s) => PATHWAY_ID.test(s), {
  message: 'must be "<clusterId>.<slug>" (like "health-science.therapeutic-services")',
});
const description = text.refine((s) => s.trim().toUpperCase() !== 'TODO', {
  message: 'is still "TODO"; write one plain sentence',
});

const pathwaySchema = z
  .object({
    id: pathwayId,
    name: text,
    description,
    exampleOccupations: z.array(text).min(3, { message: 'must list at least 3 example occupations' }),
  })
  .strict();

const clusterSchema = z
  .object({
    id: slugId,
    name: text,
    pathId: slugId,
    description,
    pathways: z.array(pathwaySchema).min(1, { message: 'must have at least one pathway' }),
  })
  .strict();

const pathSchema = z
  .object({
    id: slugId,
    name: text,
    nickname: text,
    description,
    clusterIds: z.array(slugId).min(1, { message: 'must list at least one cluster id' }),
  })
  .strict();

const topicSchema = z.object({ id: slugId, name: text, description }).strict();

export const frameworkSchema = z
  .object({
    id: slugId,
    name: text,
    version: z.number().int({ message: 'must be a whole number' }).positive({ message: 'must be 1 or more' }),
    essentialKnowledgeAndSkills: z.array(topicSchema).min(1, { message: 'must list at least one topic' }),
    paths: z.array(pathSchema).min(1, { message: 'must list at least one path' }),
    clusters: z.array(clusterSchema).min(1, { message: 'must list at least one cluster' }),
  })
  .strict();

/** "an object", "a string", "a whole number"... for zod's type names. */
function typeName(type: string): string {
  if (type === 'integer') return 'a whole number';
  if (type === 'null' || type === 'undefined' || type === 'nan') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Turns one zod issue into "<json path> <what is wrong>". */
function describeIssue(issue: z.ZodIssue): string {
  const where = jsonPath(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined'
        ? `${where} is required`
        : `${where} must be ${typeName(issue.expected)} (found ${typeName(issue.received)})`;
    case z.ZodIssueCode.unrecognized_keys:
      return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return `${where} ${issue.message}`;
  }
}

/** Finds ids used more than once in a list; reports each repeat with its JSON path. */
function duplicateIds(
  items: ReadonlyArray<{ id: string }>,
  pathOf: (index: number) => ReadonlyArray<string | number>,
  firstSeen: Map<string, string> = new Map(),
): string[] {
  const problems: string[] = [];
  items.forEach((item, index) => {
    const here = jsonPath([...pathOf(index), 'id']);
    const earlier = firstSeen.get(item.id);
    if (earlier !== undefined) problems.push(`${here} "${item.id}" is a duplicate id (first used at ${earlier})`);
    else firstSeen.set(item.id, here);
  });
  return problems;
}

/** The checks a schema cannot express: unique ids and the links between paths and clusters. */
function crossReferenceProblems(fw: Framework): string[] {
  const problems: string[] = [];
  problems.push(...duplicateIds(fw.essentialKnowledgeAndSkills, (i) => ['essentialKnowledgeAndSkills', i]));
  problems.push(...duplicateIds(fw.paths, (i) => ['paths', i]));
  problems.push(...duplicateIds(fw.clusters, (i) => ['clusters', i]));
  const pathwaysSeen = new Map<string, string>();
  fw.clusters.forEach((cluster, ci) => {
    problems.push(...duplicateIds(cluster.pathways, (pi) => ['clusters', ci, 'pathways', pi], pathwaysSeen));
    cluster.pathways.forEach((pathway, pi) => {
      if (!pathway.id.startsWith(`${cluster.id}.`)) {
        problems.push(
          `${jsonPath(['clusters', ci, 'pathways', pi, 'id'])} "${pathway.id}" must start with "${cluster.id}." (its cluster id)`,
        );
      }
    });
  });

  const clusterIds = new Set(fw.clusters.map((c) => c.id));
  const pathIds = new Set(fw.paths.map((p) => p.id));
  /** cluster id -> id of the first path that lists it */
  const listedBy = new Map<string, string>();
  fw.paths.forEach((path, pi) => {
    path.clusterIds.forEach((clusterId, ki) => {
      const where = jsonPath(['paths', pi, 'clusterIds', ki]);
      if (!clusterIds.has(clusterId)) {
        problems.push(`${where} "${clusterId}" is not the id of any cluster in $.clusters`);
        return;
      }
      const other = listedBy.get(clusterId);
      if (other !== undefined) {
        problems.push(
          `${where} "${clusterId}" is already listed by path "${other}"; a cluster belongs to exactly one path`,
        );
        return;
      }
      listedBy.set(clusterId, path.id);
    });
  });

  fw.clusters.forEach((cluster, ci) => {
    const where = jsonPath(['clusters', ci, 'pathId']);
    const lister = listedBy.get(cluster.id);
    if (!pathIds.has(cluster.pathId)) {
      problems.push(`${where} "${cluster.pathId}" is not the id of any path in $.paths`);
    } else if (lister === undefined) {
      problems.push(
        `${jsonPath(['clusters', ci])} cluster "${cluster.id}" is not listed in any path's clusterIds (its pathId says "${cluster.pathId}")`,
      );
    } else if (lister !== cluster.pathId) {
      problems.push(`${where} "${cluster.pathId}" does not match path "${lister}", which lists this cluster`);
    }
  });
  return problems;
}

function fail(file: string, problems: string[]): never {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length - MAX_LISTED_PROBLEMS;
  throw new DataFileError(file, more > 0 ? `${listed}; and ${more} more problem${more > 1 ? 's' : ''}` : listed);
}

/**
 * Checks parsed JSON against the framework shape and its cross-references.
 * @param json the parsed file content
 * @param file the file name used in error messages
 * @throws DataFileError naming the file and the JSON path of each problem (the first few are listed)
 */
export function parseFramework(json: unknown, file: string): Framework {
  const result = frameworkSchema.safeParse(json);
  if (!result.success) fail(file, result.error.issues.map(describeIssue));
  const framework: Framework = result.data;
  const problems = crossReferenceProblems(framework);
  if (problems.length > 0) fail(file, problems);
  return framework;
}
