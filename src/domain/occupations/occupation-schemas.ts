/** zod schemas for the occupation data files. Pure: callers turn failures into DataFileError. */
import { z } from 'zod';
import { EDUCATION_LEVELS } from './occupation-types.js';
import { SOC_CODE, TOP_CODED_FIELDS } from './typical-pay.js';

const text = z.string().trim().min(1, 'must not be empty');
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)');
const education = z.enum(EDUCATION_LEVELS);
/** A SOC 2018 code without the O*NET suffix, e.g. "29-1131". */
export const socCode = z.string().regex(SOC_CODE, 'must be a SOC code like "29-1131" (6 digits with a dash)');

export const occupationSchema = z.object({
  id: kebab,
  title: text,
  soc: socCode,
  pathwayIds: z.array(text).min(1, 'needs at least one pathway'),
  otherNames: z.array(text),
  studentWords: z.array(text),
  description: text,
  education,
  payNote: text.optional(),
});

export const occupationFileSchema = z.object({
  clusterId: kebab,
  occupations: z.array(occupationSchema),
});

/** data/occupations.json: the built-in index, as the list of its per-cluster part files. */
export const occupationIndexSchema = z.object({
  about: z.string().optional(),
  parts: z
    .array(z.string().regex(/^[\w./-]+\.json$/, 'must be a relative path to a .json file'))
    .min(1, 'needs at least one part'),
});

/** data/ambiguous-words.json */
export const ambiguousWordsSchema = z.object({
  about: z.string().optional(),
  words: z.record(z.string().regex(/^[a-z]+(?: [a-z]+)?$/, 'must be one or two lower-case words'), z.array(kebab).max(4, 'offer at most 4')),
});

/** data/title-words.json */
const titleWordPathways = z.array(text).min(1, 'needs at least one pathway').max(3, 'at most 3 pathways');
export const titleWordsSchema = z.object({
  about: z.string().optional(),
  heads: z.record(z.string().regex(/^[a-z]+$/, 'must be one lower-case word'), titleWordPathways),
  endings: z.record(z.string().regex(/^[a-z]+$/, 'must be lower-case letters'), titleWordPathways).default({}),
  notDoers: z.array(z.string().regex(/^[a-z]+$/, 'must be one lower-case word')).default([]),
  wordParts: z.record(z.string().regex(/^[a-z]+$/, 'must be lower-case letters'), titleWordPathways).default({}),
  abbreviations: z.record(z.string().regex(/^[a-z]+$/, 'must be one lower-case word'), z.string().regex(/^[a-z]+$/, 'must be one lower-case word')).default({}),
});

export const pathwayKeywordsSchema = z.record(
  z.string(),
  z.object({ keywords: z.array(text), interests: z.array(text) }),
);

const interestArea = z.enum(['realistic', 'investigative', 'artistic', 'social', 'enterprising', 'conventional']);

export const onetIndexSchema = z.object({
  source: z.string(),
  attribution: z.string(),
  generatedAt: z.string(),
  occupations: z.array(
    z.object({
      code: z.string(),
      title: text,
      alternateTitles: z.array(z.string()),
      description: z.string(),
      clusterIds: z.array(z.string()),
      pathwayIds: z.array(z.string()),
      education: education.optional(),
      topInterests: z.array(interestArea),
    }),
  ),
});

const wage = z.number().positive('must be a positive amount').nullable();

/** data/pay.json (made by scripts/import-pay.ts from the BLS OEWS table). */
export const payTableSchema = z.object({
  source: text,
  bySoc: z.record(
    socCode,
    z
      .object({
        title: text,
        annual: z.object({ p10: wage, p25: wage, median: wage, p75: wage, p90: wage }).strict().nullable(),
        hourly: z.object({ median: z.number().positive('must be a positive amount') }).strict().nullable(),
        topCoded: z.array(z.enum(TOP_CODED_FIELDS)),
      })
      .strict(),
  ),
});
