/**
 * Puts the parsed plan files together into PlanData and checks that they agree with each other and
 * with the framework: every cluster has a template, overrides name real pathways, every high
 * school course is in a catalog, every organization and course-order name is known.
 */
import { DataFileError } from '../data-file-error.js';
import type { Framework } from '../framework-types.js';
import { normalizeName } from './course-names.js';
import type {
  ClusterTemplate,
  CoreSequence,
  CourseDef,
  CourseInput,
  District,
  GradeList,
  PlanData,
  Requirements,
} from './plan-data-types.js';
import type { PlanRowId } from './plan-types.js';

export interface PlanDataFiles {
  framework: Framework;
  core: CoreSequence;
  requirements: Requirements;
  templates: ClusterTemplate[];
  /** A district file replaces requirement fields, adds order rules and adds/overrides courses. */
  district?: District;
}

const SUBJECT_ROWS = new Set<string>(['english', 'math', 'science', 'social-studies']);

function rowFor(c: CourseInput, fallback: PlanRowId): PlanRowId {
  if (c.row) return c.row;
  if (SUBJECT_ROWS.has(c.category)) return c.category as PlanRowId;
  if (c.category === 'practical-arts') return 'career-education';
  return fallback;
}

/** Units and category a name gets when no catalog lists it, by where it sits. */
export function defaultCourseFor(grade: number, row: PlanRowId): Omit<CourseDef, 'name' | 'aliases' | 'repeatable'> {
  if (grade <= 8) return { units: 0, category: 'middle-school', row };
  if (grade >= 13) return { units: 0, category: 'postsecondary', row };
  return { units: 1, category: 'practical-arts', row };
}

export function buildPlanData(files: PlanDataFiles): PlanData {
  const { framework, core, templates, district } = files;
  const catalog = new Map<string, CourseDef>();
  const put = (c: CourseInput, fallback: PlanRowId, override: boolean) => {
    const key = normalizeName(c.name);
    if (!override && catalog.has(key)) return;
    catalog.set(key, {
      name: c.name,
      units: c.units,
      category: c.category,
      row: rowFor(c, fallback),
      aliases: c.aliases ?? [],
      repeatable: c.repeatable ?? false,
    });
  };
  const putDefault = (name: string, grade: number, row: PlanRowId, file: string, where: string) => {
    if (catalog.has(normalizeName(name))) return;
    if (grade >= 9 && grade <= 12 && row !== 'career-education') {
      throw new DataFileError(file, `${where}: "${name}" is a high school course but is not in a course list`);
    }
    put({ name, ...defaultCourseFor(grade, row) }, row, false);
  };

  for (const c of core.courses) put(c, 'other-courses', false);
  for (const t of templates) for (const c of t.courses) put(c, 'career-education', false);
  if (district) for (const c of district.catalog) put(c, 'other-courses', true);

  for (const [g, rows] of Object.entries(core.grades)) {
    for (const [row, names] of Object.entries(rows)) {
      names!.forEach((n, i) => putDefault(n, Number(g), row as PlanRowId, core.file, `$.grades.${g}.${row}[${i}]`));
    }
  }

  const orgNames = new Set(core.organizations.map((o) => normalizeName(o.name)));
  const knownActivities: PlanData['knownActivities'] = [];
  const byCluster: Record<string, ClusterTemplate> = {};

  for (const t of templates) {
    const cluster = framework.clusters.find((c) => c.id === t.clusterId);
    if (!cluster) throw new DataFileError(t.file, `$.clusterId: no cluster "${t.clusterId}" in the framework`);
    if (byCluster[t.clusterId]) throw new DataFileError(t.file, `$.clusterId: a second template for "${t.clusterId}"`);
    byCluster[t.clusterId] = t;

    const careerLists: [GradeList, string][] = [[t.careerEducation, '$.careerEducation']];
    const activityLists: [GradeList, PlanRowId][] = [
      [t.workBasedLearning, 'work-based-learning'],
      [t.activities, 'activities'],
    ];
    const orgLists: [string[], string][] = [[t.organizations, '$.organizations']];
    for (const [pid, o] of Object.entries(t.pathways)) {
      if (!cluster.pathways.some((p) => p.id === pid)) {
        throw new DataFileError(t.file, `$.pathways.${pid}: not a pathway of ${cluster.name}`);
      }
      if (o.careerEducation) careerLists.push([o.careerEducation, `$.pathways.${pid}.careerEducation`]);
      if (o.workBasedLearning) activityLists.push([o.workBasedLearning, 'work-based-learning']);
      if (o.activities) activityLists.push([o.activities, 'activities']);
      if (o.organizations) orgLists.push([o.organizations, `$.pathways.${pid}.organizations`]);
    }
    for (const [list, where] of careerLists) {
      for (const [g, names] of Object.entries(list)) {
        names.forEach((n, i) => putDefault(n, Number(g), 'career-education', t.file, `${where}.${g}[${i}]`));
      }
    }
    for (const [list, row] of activityLists) {
      for (const names of Object.values(list)) for (const n of names) knownActivities.push({ name: n, row });
    }
    for (const [list, where] of orgLists) {
      list.forEach((n, i) => {
        if (!orgNames.has(normalizeName(n))) {
          throw new DataFileError(t.file, `${where}[${i}]: "${n}" is not one of the organizations in ${core.file}`);
        }
      });
    }
    const adaptations = [...t.coreAdaptations, ...Object.values(t.pathways).flatMap((o) => o.coreAdaptations ?? [])];
    // Where each core name sits, following replacements in order (a pathway may adapt a cluster's adaptation).
    const where = new Map<string, { grade: number; row: PlanRowId }>();
    for (const [g, rows] of Object.entries(core.grades)) {
      for (const [row, ns] of Object.entries(rows)) for (const n of ns!) where.set(normalizeName(n), { grade: Number(g), row: row as PlanRowId });
    }
    for (const a of adaptations) {
      if ('replace' in a) {
        const at = where.get(normalizeName(a.replace));
        if (!at) throw new DataFileError(t.file, `$.coreAdaptations: "${a.replace}" is not in the core sequence`);
        where.set(normalizeName(a.with), at);
        putDefault(a.with, at.grade, at.row, t.file, '$.coreAdaptations');
      } else {
        putDefault(a.add, a.grade, a.row, t.file, '$.coreAdaptations');
      }
    }
  }
  for (const c of framework.clusters) {
    if (!byCluster[c.id]) throw new DataFileError(`data/plans/clusters/${c.id}.json`, `missing: no plan template for ${c.name}`);
  }
  for (const t of templates) {
    t.order.forEach((rule, i) => {
      for (const n of [...rule.before, rule.after]) {
        if (!catalog.has(normalizeName(n))) throw new DataFileError(t.file, `$.order[${i}]: "${n}" is not a course in any list`);
      }
    });
  }
  for (const o of core.organizations) knownActivities.push({ name: o.name, row: 'activities' });

  const requirements = effectiveRequirements(files.requirements, district, templates);
  requirements.order.forEach((rule, i) => {
    for (const n of [...rule.before, rule.after]) {
      if (!catalog.has(normalizeName(n))) throw new DataFileError(requirements.file, `$.order[${i}]: "${n}" is not a known course`);
    }
  });

  return {
    core,
    templates: byCluster,
    requirements,
    catalog: [...catalog.values()],
    organizations: core.organizations,
    knownActivities,
    ...(district ? { districtId: district.id } : {}),
  };
}

function effectiveRequirements(state: Requirements, district: District | undefined, templates: ClusterTemplate[]): Requirements {
  const d = district?.requirements ?? {};
  return {
    file: district ? `${state.file} + ${district.file}` : state.file,
    id: district ? district.id : state.id,
    name: d.name ?? state.name,
    totalUnits: d.totalUnits ?? state.totalUnits,
    electiveUnits: d.electiveUnits ?? state.electiveUnits,
    categories: d.categories ?? state.categories,
    creditGrades: d.creditGrades ?? state.creditGrades,
    order: [...state.order, ...(d.order ?? []), ...templates.flatMap((t) => t.order)],
  };
}

const courseIndex = new WeakMap<object, Map<string, CourseDef>>();

/** Looks a course up by name or alias (normalized), or undefined. */
export function findCourse(data: Pick<PlanData, 'catalog'>, name: string): CourseDef | undefined {
  let index = courseIndex.get(data.catalog);
  if (!index) {
    index = new Map();
    for (const c of data.catalog) for (const n of [...c.aliases, c.name]) index.set(normalizeName(n), c);
    courseIndex.set(data.catalog, index);
  }
  return index.get(normalizeName(name));
}
