/**
 * The Career Development Flowchart in our words (data/grade-actions.json): for each grade band
 * (K-2, 3-5, then each grade 6 to 14) what the student, the family and the school or community can
 * do that year, and what planning is expected when there is no plan yet. Pure: parse JSON you
 * read elsewhere with parseGradeActions.
 */
import { z } from 'zod';
import { DataFileError, jsonPath } from '../data-file-error.js';
import { MAX_GRADE, MIN_GRADE, type Grade } from '../grade.js';
import { currentLanguage, type Language } from '../../i18n/language.js';

export interface GradeBand {
  /** "k-2", "3-5", "6" ... "14" */
  id: string;
  /** "kindergarten to 2nd grade", "9th grade" */
  label: string;
  grades: Grade[];
  /** What the student should do that year (3-5 short items). */
  student: string[];
  /** What the family can do (3-5 short items). */
  family: string[];
  /** What the school and community offer (3-5 short items). */
  community: string[];
  /** What planning is expected at this grade, said when the student has no plan yet. */
  planExpected: string;
  /** How a family can help start a plan (1-4 short items). */
  planStart: string[];
}

export interface GradeActions {
  bands: GradeBand[];
  /** The same bands in other languages (data/es/grade-actions.json), said in that language's turns. */
  translations?: Partial<Record<Language, GradeBand[]>>;
}

/** The bands every grade-actions file must have, in order. */
export const BAND_IDS = ['k-2', '3-5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const;

/** Longest item, so a list of them fits a chat bubble on a phone. */
export const MAX_ITEM_CHARS = 90;

const item = z.string().trim().min(1, 'must not be empty').max(MAX_ITEM_CHARS, `must be at most ${MAX_ITEM_CHARS} characters`);
const items = (min: number, max: number) => z.array(item).min(min, `must have at least ${min} items`).max(max, `must have at most ${max} items`);

const bandSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().trim().min(1, 'must not be empty'),
    grades: z.array(z.number().int().min(MIN_GRADE).max(MAX_GRADE)).min(1),
    student: items(3, 5),
    family: items(3, 5),
    community: items(3, 5),
    planExpected: z.string().trim().min(1, 'must not be empty').max(280, 'must be at most 280 characters'),
    planStart: items(1, 4),
  })
  .strict();

const schema = z.object({ about: z.string().optional(), bands: z.array(bandSchema) }).strict();

/**
 * Checks the grade-actions file: every band of the flowchart once, in order, and every grade 0-14
 * in exactly one band. Problems become a DataFileError naming the file and the JSON path.
 */
export function parseGradeActions(data: unknown, file: string): GradeActions {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, `${jsonPath(issue.path)} ${issue.message}`);
  }
  const { bands } = result.data;
  const fail = (path: (string | number)[], detail: string): never => {
    throw new DataFileError(file, `${jsonPath(path)} ${detail}`);
  };
  BAND_IDS.forEach((id, i) => {
    const band = bands[i];
    if (!band) fail(['bands'], `is missing the band "${id}" (bands go ${BAND_IDS.join(', ')})`);
    else if (band.id !== id) fail(['bands', i, 'id'], `must be "${id}" (bands go ${BAND_IDS.join(', ')}), not "${band.id}"`);
  });
  if (bands.length > BAND_IDS.length) fail(['bands', BAND_IDS.length], 'is one band too many');
  const owner = new Map<Grade, number>();
  bands.forEach((band, i) => {
    band.grades.forEach((g, j) => {
      if (owner.has(g)) fail(['bands', i, 'grades', j], `repeats grade ${g}, already in band "${bands[owner.get(g)!]!.id}"`);
      owner.set(g, i);
    });
  });
  for (let g = MIN_GRADE; g <= MAX_GRADE; g++) {
    if (!owner.has(g)) fail(['bands'], `has no band for grade ${g}`);
  }
  return { bands };
}

/**
 * Adds a translation of the bands (parsed with parseGradeActions, so it has every band in order and
 * every grade once). Its grades must be the English file's, band by band.
 */
export function withTranslation(actions: GradeActions, language: Language, translated: GradeActions, file: string): GradeActions {
  translated.bands.forEach((band, i) => {
    const english = actions.bands[i]!;
    if (band.grades.join(',') !== english.grades.join(',')) {
      throw new DataFileError(file, `${jsonPath(['bands', i, 'grades'])} must be [${english.grades.join(', ')}], as in the English file`);
    }
  });
  return { ...actions, translations: { ...actions.translations, [language]: translated.bands } };
}

/** The band a grade belongs to (grades outside 0-14 are clamped), in the turn's language when translated. */
export function bandForGrade(actions: GradeActions, grade: Grade): GradeBand {
  const g = Math.min(Math.max(Math.round(grade), MIN_GRADE), MAX_GRADE);
  const bands = actions.translations?.[currentLanguage()] ?? actions.bands;
  const band = bands.find((b) => b.grades.includes(g)) ?? actions.bands.find((b) => b.grades.includes(g));
  if (!band) throw new Error(`no grade-actions band for grade ${g}`);
  return band;
}
