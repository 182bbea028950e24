/**
 * Validates the raw JSON of the plan data files. Each parser takes the parsed JSON and the file
 * name, and throws a DataFileError naming the file and the JSON path of the first bad field.
 * Pure: reading the files is the caller's job (see src/data-files/read-plan-data-files.ts).
 */
import { z } from 'zod';
import { DataFileError, jsonPath } from '../data-file-error.js';
import { OPTION_GROUPS, PLAN_ROWS } from './plan-types.js';
import type { ClusterTemplate, CoreSequence, District, Requirements } from './plan-data-types.js';

const name = z.string().trim().min(1).max(120);
const names = z.array(name);
const row = z.enum(PLAN_ROWS);
const gradeKey = z.string().regex(/^(6|7|8|9|10|11|12|13|14)$/, 'must be a grade from 6 to 14');
const gradeList = z.record(gradeKey, names);
const gradeCells = z.record(gradeKey, z.record(row, names));
const units = z.number().min(0).max(4);
const category = z.string().regex(/^[a-z][a-z-]*$/, 'must be a lower-case id like "fine-arts"');

const course = z
  .object({
    name,
    units,
    category,
    row: row.optional(),
    aliases: names.optional(),
    repeatable: z.boolean().optional(),
  })
  .strict();

const orderRule = z
  .object({ before: z.union([name, z.array(name).min(1)]), after: name })
  .strict()
  .transform((r) => ({ before: typeof r.before === 'string' ? [r.before] : r.before, after: r.after }));

const adaptation = z.union([
  z.object({ replace: name, with: name }).strict(),
  z.object({ add: name, grade: z.number().int().min(6).max(14), row }).strict(),
]);

const options = z.object(Object.fromEntries(OPTION_GROUPS.map((g) => [g, names.min(1)])) as Record<
  (typeof OPTION_GROUPS)[number],
  z.ZodArray<typeof name>
>).strict();

const partialOptions = options.partial();

const pathwayOverride = z
  .object({
    careerEducation: gradeList.optional(),
    workBasedLearning: gradeList.optional(),
    activities: gradeList.optional(),
    organizations: names.optional(),
    postsecondaryOptions: partialOptions.optional(),
    goalSuggestions: names.optional(),
    coreAdaptations: z.array(adaptation).optional(),
  })
  .strict();

const coreSchema = z
  .object({
    courses: z.array(course).min(1),
    organizations: z.array(
      z.object({ name, aliases: names.default([]), fromGrade: z.number().int().min(6).max(12) }).strict(),
    ),
    grades: gradeCells,
  })
  .strict();

const templateSchema = z
  .object({
    clusterId: name,
    courses: z.array(course).default([]),
    careerEducation: gradeList,
    workBasedLearning: gradeList,
    activities: gradeList.default({}),
    organizations: names.min(1),
    postsecondaryOptions: options,
    goalSuggestions: names.min(1),
    coreAdaptations: z.array(adaptation).default([]),
    order: z.array(orderRule).default([]),
    pathways: z.record(name, pathwayOverride).default({}),
  })
  .strict();

const requirementFields = {
  name,
  totalUnits: z.number().positive().max(40),
  electiveUnits: z.number().min(0).max(40),
  categories: z
    .array(z.object({ id: category, label: name, units: z.number().positive().max(10) }).strict())
    .min(1),
  creditGrades: z
    .object({ first: z.number().int().min(6).max(12), last: z.number().int().min(6).max(12) })
    .strict(),
  order: z.array(orderRule).default([]),
};

const requirementsSchema = z.object({ id: name, ...requirementFields }).strict();

const districtSchema = z
  .object({
    id: name,
    name,
    requirements: z
      .object({
        name: requirementFields.name.optional(),
        totalUnits: requirementFields.totalUnits.optional(),
        electiveUnits: requirementFields.electiveUnits.optional(),
        categories: requirementFields.categories.optional(),
        creditGrades: requirementFields.creditGrades.optional(),
        order: z.array(orderRule).optional(),
      })
      .strict()
      .default({}),
    catalog: z.array(course).default([]),
  })
  .strict();

function parseWith<S extends z.ZodTypeAny>(schema: S, raw: unknown, file: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, `${jsonPath(issue.path)}: ${issue.message}`);
  }
  return result.data;
}

export function parseCoreSequence(raw: unknown, file: string): CoreSequence {
  return { file, ...parseWith(coreSchema, raw, file) };
}

export function parseClusterTemplate(raw: unknown, file: string): ClusterTemplate {
  return { file, ...parseWith(templateSchema, raw, file) };
}

export function parseRequirements(raw: unknown, file: string): Requirements {
  const r = parseWith(requirementsSchema, raw, file);
  if (r.creditGrades.first > r.creditGrades.last) {
    throw new DataFileError(file, '$.creditGrades: first must not be after last');
  }
  return { file, ...r };
}

export function parseDistrict(raw: unknown, file: string): District {
  return { file, ...parseWith(districtSchema, raw, file) };
}
